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

	it('reports a cap as capped time, not steal: no steal with a pCPU per vCPU', () => {
		// The student's report: batch capped at 25 % on 5 pCPUs showed 88 % steal.
		const r = run({ pcpus: 5, caps: [0, 25, 0] });
		for (const vm of r.vms) expect(vm.stealPercent).toBeCloseTo(0, 6);
		// Each of batch's two vCPUs wants a whole CPU and gets 0.125: held back 87.5 % of the time.
		expect(r.vms[1].cappedPercent).toBeCloseTo(87.5, 0);
		expect(r.vms[0].cappedPercent).toBe(0);
		// Overcommitted and capped: both kinds of waiting, and together all of batch's waiting.
		const both = run({ pcpus: 2, caps: [0, 50, 0] });
		const batch = both.vms[1];
		expect(batch.cappedPercent).toBeGreaterThan(0);
		expect(batch.stealPercent).toBeGreaterThan(0);
		expect(batch.stealPercent + batch.cappedPercent).toBeCloseTo(100 * (1 - batch.cpus / 2), 6);
	});

	it('reports an error, not a crash, when strict co-scheduling cannot fit a VM', () => {
		const result = runSched(schedConfig({ ...controls, policy: 'cosched-strict', pcpus: 1 }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error.message).toContain('gang-scheduled');
	});
});
