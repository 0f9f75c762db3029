import { describe, expect, it } from 'vitest';
import { runSched } from '../../../../src/lib/sim/sched/simulate.ts';
import {
	GANTT_MS,
	TOTAL_VCPUS,
	overcommitRatio,
	schedConfig,
	type SchedControls
} from '../../../../src/lib/widgets/sched-lab/scenario.ts';

const controls: SchedControls = {
	policy: 'credit',
	pcpus: 2,
	sliceMs: 30,
	weights: [256, 256, 256],
	caps: [0, 0, 0],
	seed: 1
};

function run(overrides: Partial<SchedControls>) {
	const result = runSched(schedConfig({ ...controls, ...overrides }));
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe('scheduler lab scenario', () => {
	it('has five vCPUs, so the pCPU count sets the overcommit ratio', () => {
		expect(TOTAL_VCPUS).toBe(5);
		expect(overcommitRatio(2)).toBe(2.5);
		expect(overcommitRatio(5)).toBe(1);
	});

	it('builds a configuration the engine accepts, with the controls in the right places', () => {
		const config = schedConfig({
			...controls,
			weights: [256, 1024, 256],
			caps: [0, 50, 0],
			sliceMs: 10
		});
		expect(config.vms.map((vm) => vm.name)).toEqual(['web', 'batch', 'db']);
		expect(config.vms[1]).toMatchObject({ weight: 1024, cap: 50, vcpus: 2 });
		expect(config.policy).toEqual({ name: 'credit', sliceMs: 10 });
		expect(config.gantt).toEqual({ fromMs: 0, toMs: GANTT_MS });
		expect(runSched(config).ok).toBe(true);
	});

	it('gives the batch VM more CPU when its weight rises, and no more than its cap', () => {
		const even = run({});
		const heavy = run({ weights: [256, 1024, 256] });
		expect(heavy.vms[1].cpus).toBeGreaterThan(even.vms[1].cpus);
		const capped = run({ caps: [0, 50, 0] });
		// The cap holds in every cap period; over the run, a partial last period can add a little.
		expect(capped.vms[1].peakCapPeriodCpus).toBeLessThanOrEqual(0.5 + 1e-9);
		expect(capped.vms[1].cpus).toBeCloseTo(0.5, 1);
	});

	it('reports an error, not a crash, when strict co-scheduling cannot fit a VM', () => {
		const result = runSched(schedConfig({ ...controls, policy: 'cosched-strict', pcpus: 1 }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toContain('gang-scheduled');
	});
});
