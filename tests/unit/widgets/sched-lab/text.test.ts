import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../../src/lib/sim/sched/policyNames.ts';
import { runSched } from '../../../../src/lib/sim/sched/simulate.ts';
import { schedConfig, type SchedControls } from '../../../../src/lib/widgets/sched-lab/scenario.ts';
import {
	entitlementNote,
	metricsTable,
	summary
} from '../../../../src/lib/widgets/sched-lab/text.ts';

const controls: SchedControls = {
	policy: 'credit',
	pcpus: 5,
	sliceMs: 30,
	weights: [256, 256, 256],
	caps: [0, 25, 0],
	seed: 1
};

function run(overrides: Partial<SchedControls> = {}) {
	const result = runSched(schedConfig({ ...controls, ...overrides }));
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe('scheduler lab text', () => {
	it('shows a capped VM as capped, not as steal, in the table and the summary', () => {
		const table = metricsTable('en', run());
		const column = (name: string) => table.columns.indexOf(name);
		expect(column('Steal')).toBeGreaterThan(0);
		expect(column('Capped')).toBeGreaterThan(0);
		const batch = table.rows.find((row) => row.key === 'batch')!.cells;
		expect(batch[column('Steal')]).toBe('0 %');
		expect(batch[column('Capped')]).toBe('88 %');
		expect(summary('en', run())).toContain(
			'batch uses 0.25 CPUs (entitled to 0.25), steal 0 %, capped 88 %'
		);
		expect(metricsTable('zh', run()).columns).toContain('受上限限制');
	});

	it('says why "Entitled" changes with the policy at equal weights', () => {
		const notes = new Map(POLICIES.map((policy) => [policy, entitlementNote('en', policy)]));
		// Per VM (credit as in Xen 3.x, CFS with a cgroup per VM), per vCPU (credit2), by vCPU (rr).
		expect(notes.get('credit')).not.toBe(notes.get('credit2'));
		expect(notes.get('credit')).not.toBe(notes.get('rr'));
		expect(notes.get('credit2')).toMatch(/every vCPU/);
		expect(notes.get('rr')).toMatch(/ignores weights/);
		for (const policy of POLICIES) {
			expect(entitlementNote('zh', policy)).not.toBe(entitlementNote('en', policy));
		}
		// The model agrees: equal weights on 2 pCPUs give 2/3 each under credit, 0.4/0.8/0.8 under credit2.
		const credit = run({ pcpus: 2, caps: [0, 0, 0] }).vms.map((vm) => vm.entitlement);
		const credit2 = run({ pcpus: 2, caps: [0, 0, 0], policy: 'credit2' }).vms.map(
			(vm) => vm.entitlement
		);
		expect(credit).toEqual([2 / 3, 2 / 3, 2 / 3].map((x) => expect.closeTo(x, 9)));
		expect(credit2).toEqual([0.4, 0.8, 0.8].map((x) => expect.closeTo(x, 9)));
	});
});
