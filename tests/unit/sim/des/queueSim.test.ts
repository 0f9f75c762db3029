import { describe, expect, it } from 'vitest';
import {
	deterministic,
	exponential,
	hyperexponentialFit,
	type Distribution
} from '../../../../src/lib/sim/distributions.ts';
import { createQueueSimulation, simulateQueue } from '../../../../src/lib/sim/des/queueSim.ts';
import { studentTQuantile } from '../../../../src/lib/sim/des/studentT.ts';
import { mg1Distribution } from '../../../../src/lib/sim/queueing/mg1.ts';
import { mm1 } from '../../../../src/lib/sim/queueing/mm1.ts';
import { mmc } from '../../../../src/lib/sim/queueing/mmc.ts';
import { mmck } from '../../../../src/lib/sim/queueing/mmck.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

const exp = (rate: number): Distribution => unwrap(exponential(rate));

interface Model {
	servers: number;
	service: Distribution;
	/** Arrival rate giving per-server utilization rho. */
	lambda(rho: number): number;
	/** Analytic mean response time at utilization rho. */
	W(rho: number): number;
}

const h2 = unwrap(hyperexponentialFit(1, 2));
const models: Record<string, Model> = {
	'M/M/1': {
		servers: 1,
		service: exp(1),
		lambda: (r) => r,
		W: (r) => unwrap(mm1({ lambda: r, mu: 1 })).W
	},
	'M/M/3': {
		servers: 3,
		service: exp(1),
		lambda: (r) => 3 * r,
		W: (r) => unwrap(mmc({ lambda: 3 * r, mu: 1, c: 3 })).W
	},
	'M/D/1': {
		servers: 1,
		service: unwrap(deterministic(1)),
		lambda: (r) => r,
		W: (r) => unwrap(mg1Distribution(r, unwrap(deterministic(1)))).W
	},
	'M/G/1 (H2, SCV 2)': {
		servers: 1,
		service: h2,
		lambda: (r) => r,
		W: (r) => unwrap(mg1Distribution(r, h2)).W
	}
};

/** Run length: the relaxation time grows like 1/(1 - rho)^2, so the run does too. */
const customersFor = (rho: number): number => Math.round(2000 / (1 - rho) ** 2);

function simulate(
	model: Model,
	rho: number,
	seed: number,
	customers = customersFor(rho),
	batches?: number
) {
	return unwrap(
		simulateQueue({
			classes: [{ interarrival: exp(model.lambda(rho)), service: model.service }],
			servers: model.servers,
			customers,
			batches,
			seed
		})
	);
}

describe('queue simulation agrees with the formulas across utilizations 0.1–0.95', () => {
	// Each case is one run with seed 1 (not chosen). The check uses the 99.9% interval built from
	// the same 20 batch means (t(0.9995, 19) / t(0.975, 19) = 1.855 times the 95% half-width):
	// over 960 runs with other seeds (40 per case), 3 fell outside it, so a correct simulator
	// fails this suite by chance rarely. The 95% half-width must also stay under 30% of W
	// (the largest seen was 26%), so a simulator with useless intervals cannot pass.
	const widen = studentTQuantile(0.9995, 19) / studentTQuantile(0.975, 19);
	for (const [name, model] of Object.entries(models)) {
		for (const rho of [0.1, 0.3, 0.5, 0.7, 0.9, 0.95]) {
			it(`${name} at rho ${rho}`, () => {
				const r = simulate(model, rho, 1, customersFor(rho), 20);
				const W = model.W(rho);
				const ci = r.ci!;
				expect(ci.batches).toBe(20);
				expect(ci.halfWidth / W).toBeLessThan(0.3);
				expect(Math.abs(ci.mean - W)).toBeLessThanOrEqual(widen * ci.halfWidth);
				expect(r.utilization).toBeCloseTo(rho, 1);
			});
		}
	}

	it('95% intervals cover the analytic W in at least 15 of 20 seeds (M/M/1 and M/M/3, rho 0.5)', () => {
		// With true coverage 0.9, fewer than 15 of 20 happens with probability 1.1%.
		for (const model of [models['M/M/1'], models['M/M/3']]) {
			let covered = 0;
			for (let seed = 1; seed <= 20; seed++) {
				const r = simulate(model, 0.5, seed, 8000);
				if (r.Wci && r.Wci[0] <= model.W(0.5) && model.W(0.5) <= r.Wci[1]) covered++;
			}
			expect(covered).toBeGreaterThanOrEqual(15);
		}
	});
});

describe('queue simulation: model features', () => {
	it("time averages obey Little's law: L = throughput x W", () => {
		const r = simulate(models['M/M/1'], 0.7, 3, 100_000);
		expect(r.L).toBeCloseTo(r.throughput * r.W, 1);
		expect(r.throughput).toBeCloseTo(0.7, 1);
	});

	it('finite capacity reproduces M/M/2/4: blocking probability and L', () => {
		const r = unwrap(
			simulateQueue({
				classes: [{ interarrival: exp(2), service: exp(1) }],
				servers: 2,
				capacity: 4,
				customers: 200_000,
				seed: 5
			})
		);
		const a = unwrap(mmck({ lambda: 2, mu: 1, c: 2, k: 4 }));
		expect(Math.abs(r.blocking - a.pK)).toBeLessThan(0.01);
		expect(Math.abs(r.L - a.L)).toBeLessThan(0.03);
	});

	it('priority classes: class 0 waits as in Cobham’s non-preemptive priority formula', () => {
		// Two classes, each lambda 0.4, exponential service mean 1: W0 = sum lambda E[S^2]/2 = 0.8.
		// Wq(0) = W0 / (1 - 0.4) = 1.333; Wq(1) = W0 / ((1 - 0.4)(1 - 0.8)) = 6.667.
		const r = unwrap(
			simulateQueue({
				classes: [
					{ interarrival: exp(0.4), service: exp(1) },
					{ interarrival: exp(0.4), service: exp(1) }
				],
				customers: 400_000,
				seed: 9
			})
		);
		expect(r.perClass[0].Wq).toBeCloseTo(4 / 3, 0);
		expect(Math.abs(r.perClass[0].Wq - 4 / 3) / (4 / 3)).toBeLessThan(0.05);
		expect(Math.abs(r.perClass[1].Wq - 20 / 3) / (20 / 3)).toBeLessThan(0.08);
		// Together they are an M/M/1 at rho 0.8: priority reorders, it does not change the mean.
		expect(Math.abs(r.W - 5) / 5).toBeLessThan(0.08);
	});

	it('is deterministic: the same seed gives the same result, another seed a different one', () => {
		const a = simulate(models['M/M/1'], 0.8, 42, 20_000);
		const b = simulate(models['M/M/1'], 0.8, 42, 20_000);
		const c = simulate(models['M/M/1'], 0.8, 43, 20_000);
		expect(a).toEqual(b);
		expect(a.W).not.toBe(c.W);
	});

	it('counts about two events per customer and reports customers and measured', () => {
		const r = simulate(models['M/M/1'], 0.5, 1, 10_000);
		expect(r.customers).toBe(10_000);
		expect(r.measured).toBe(9_000);
		expect(r.events).toBeGreaterThanOrEqual(20_000);
		expect(r.events).toBeLessThan(20_100);
	});

	it('can be advanced step by step for animation, ending where a full run ends', () => {
		const config = {
			classes: [{ interarrival: exp(0.9), service: exp(1) }],
			customers: 2000,
			seed: 4
		};
		const sim = unwrap(createQueueSimulation(config));
		expect(sim.lastEvent().type).toBe('none');
		let steps = 0;
		let lastTime = 0;
		while (!sim.done) {
			sim.advance(1);
			const s = sim.state();
			const e = sim.lastEvent();
			expect(s.serverClass.length).toBe(1);
			expect(s.waiting[0]).toBeGreaterThanOrEqual(0);
			expect(e.time).toBeGreaterThanOrEqual(lastTime);
			lastTime = e.time;
			if (e.type === 'departure') expect(e.responseTime).toBeGreaterThan(0);
			// A customer that arrives to an idle server is served at once.
			if (e.type === 'arrival' && e.server >= 0) expect(s.serverClass[e.server]).toBe(0);
			steps++;
		}
		expect(sim.lastEvent().type).toBe('departure');
		const stepped = sim.result();
		expect(stepped.events).toBe(steps);
		expect(stepped).toEqual(unwrap(simulateQueue(config)));
	});

	it('fills a response-time histogram with every measured customer', () => {
		const r = unwrap(
			simulateQueue({
				classes: [{ interarrival: exp(0.5), service: exp(1) }],
				customers: 5000,
				seed: 2,
				histogram: { binWidth: 0.5, bins: 40 }
			})
		);
		expect(r.histogram!.counts.reduce((s, x) => s + x, 0)).toBe(r.measured);
	});

	it('gives no interval from one measured customer, and says why (it used to print [W, W])', () => {
		// virtlab model des-mm1 --lambda 0.8 --mu 1 --customers 1000 --seed 7 --warmup 999
		const r = unwrap(
			simulateQueue({
				classes: [{ interarrival: exp(0.8), service: exp(1) }],
				customers: 1000,
				warmup: 999,
				seed: 7
			})
		);
		expect(r.measured).toBe(1);
		expect(r.W).toBeCloseTo(4.34316, 5);
		expect(r.ci).toBeNull();
		expect(r.Wci).toBeNull();
		expect(r.ciWarning?.code).toBe('too-few-batches');
	});

	it('warns near saturation, where 20,000 customers are too few (M/M/1 at rho 0.95)', () => {
		const r = simulate(models['M/M/1'], 0.95, 7, 20_000);
		expect(r.ci).not.toBeNull();
		expect(r.ciWarning?.code).toBe('correlated');
		// At moderate load the same run length passes every check.
		expect(simulate(models['M/M/1'], 0.5, 7, 20_000).ciWarning).toBeNull();
	});

	it('names bad parameters', () => {
		const base = { classes: [{ interarrival: exp(1), service: exp(2) }], customers: 100, seed: 1 };
		const cases: [object, string][] = [
			[{ servers: 0 }, 'c'],
			[{ servers: 2, capacity: 1 }, 'k'],
			[{ customers: 0 }, 'customers'],
			[{ warmup: 100 }, 'warmup'],
			[{ batches: 1 }, 'batches'],
			[{ batches: 9 }, 'batches'],
			[{ batches: 1001 }, 'batches'],
			[{ seed: 1.5 }, 'seed'],
			[{ classes: [] }, 'classes']
		];
		for (const [patch, param] of cases) {
			const r = simulateQueue({ ...base, ...patch });
			expect(r.ok ? '' : r.error.param).toBe(param);
		}
	});
});
