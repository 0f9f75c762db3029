import { describe, expect, it } from 'vitest';
import { createQueueSimulation, simulateQueue } from '../../../../src/lib/sim/des/queueSim.ts';
import { scv } from '../../../../src/lib/sim/distributions.ts';
import {
	analyticW,
	arrivalRate,
	serversOf,
	setupLabel,
	simConfig
} from '../../../../src/lib/widgets/queue-sim/model.ts';

const base = { model: 'mm1' as const, c: 2, rho: 0.5, scv: 2, customers: 20_000, seed: 1 };

describe('queue simulator setup', () => {
	it('uses c servers only for M/M/c and scales the arrival rate so rho is per server', () => {
		expect(serversOf(base)).toBe(1);
		expect(serversOf({ ...base, model: 'mmc', c: 4 })).toBe(4);
		expect(arrivalRate({ ...base, model: 'mmc', c: 4, rho: 0.5 })).toBe(2);
		expect(setupLabel({ ...base, model: 'mmc', c: 4 })).toBe('M/M/4');
	});

	it('builds the service distribution of each model', () => {
		const service = (model: 'mm1' | 'md1' | 'mg1') => {
			const config = simConfig({ ...base, model });
			if (!config.ok) throw new Error(config.error.message);
			return config.value.classes[0].service;
		};
		expect(scv(service('mm1'))).toBeCloseTo(1, 12);
		expect(scv(service('md1'))).toBe(0);
		expect(scv(service('mg1'))).toBeCloseTo(2, 12);
		for (const model of ['mm1', 'md1', 'mg1'] as const)
			expect(service(model).mean).toBeCloseTo(1, 12);
	});

	it('gives the formula the simulation is compared with (docs/sources.md: M/M/1 at 0.5, W 2)', () => {
		expect(analyticW(base)).toBeCloseTo(2, 12);
		expect(analyticW({ ...base, model: 'md1' })).toBeCloseTo(1.5, 12);
	});

	it('simulates a mean whose 95% interval covers the formula (M/M/2 at rho 0.7, seed 3)', () => {
		const setup = { ...base, model: 'mmc' as const, rho: 0.7, customers: 40_000, seed: 3 };
		const config = simConfig(setup);
		if (!config.ok) throw new Error(config.error.message);
		const result = simulateQueue(config.value);
		if (!result.ok) throw new Error(result.error.message);
		const [low, high] = result.value.Wci!;
		expect(low).toBeLessThan(analyticW(setup)!);
		expect(high).toBeGreaterThan(analyticW(setup)!);
	});

	it('is reproducible: the same seed gives the same run', () => {
		const run = () => {
			const config = simConfig({ ...base, model: 'mg1', customers: 2000 });
			if (!config.ok) throw new Error(config.error.message);
			const sim = createQueueSimulation(config.value);
			if (!sim.ok) throw new Error(sim.error.message);
			return sim.value.run().W;
		};
		expect(run()).toBe(run());
	});
});
