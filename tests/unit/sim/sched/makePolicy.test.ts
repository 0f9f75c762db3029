import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { policySchema } from '../../../../src/lib/sim/sched/config.ts';
import { POLICIES } from '../../../../src/lib/sim/sched/policyNames.ts';
import { makePolicy } from '../../../../src/lib/sim/sched/makePolicy.ts';
import { SchedWorld } from '../../../../src/lib/sim/sched/world.ts';

describe('makePolicy', () => {
	it('builds the policy each name stands for', () => {
		const w = new SchedWorld(1, [{ name: 'a', weight: 256, cap: 0, vcpus: [0] }], 50);
		for (const name of POLICIES) {
			const policy = makePolicy(w, unwrap(parseConfig(policySchema, { name })));
			expect(policy.name).toBe(name);
		}
	});

	it('converts milliseconds to microseconds: a 10 ms round-robin slice', () => {
		const w = new SchedWorld(
			1,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
				{ name: 'b', weight: 256, cap: 0, vcpus: [1] }
			],
			50
		);
		w.runnable.fill(1);
		const rr = makePolicy(w, unwrap(parseConfig(policySchema, { name: 'rr', sliceMs: 10 })));
		rr.schedule();
		w.now = 9_999;
		rr.schedule();
		expect(w.current[0]).toBe(0);
		w.now = 10_000;
		rr.schedule();
		expect(w.current[0]).toBe(1);
	});
});
