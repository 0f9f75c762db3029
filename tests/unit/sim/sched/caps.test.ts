import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { CapLimiter, defaultCapPeriodMs } from '../../../../src/lib/sim/sched/caps.ts';
import { policySchema } from '../../../../src/lib/sim/sched/config.ts';
import { SchedWorld } from '../../../../src/lib/sim/sched/world.ts';

/** One VM of 2 vCPUs capped at 50 % of a CPU, on 2 pCPUs, in 1 ms steps, 10 ms periods. */
function setup(durationUs = 100_000) {
	const w = new SchedWorld(2, [{ name: 'a', weight: 256, cap: 0.5, vcpus: [0, 1] }], 1000);
	w.runnable.fill(1);
	return { w, caps: new CapLimiter(w, 10_000, durationUs) };
}

describe('caps', () => {
	it('default cap periods: credit 30 ms, credit2 10 ms, cfs 100 ms, others the slice', () => {
		const period = (p: object) => defaultCapPeriodMs(unwrap(parseConfig(policySchema, p)));
		expect(period({ name: 'credit' })).toBe(30);
		expect(period({ name: 'credit2' })).toBe(10);
		expect(period({ name: 'cfs' })).toBe(100);
		expect(period({ name: 'rr', sliceMs: 5 })).toBe(5);
		expect(period({ name: 'cosched-strict' })).toBe(30);
	});

	it('lets a VM run only the vCPUs its budget covers for a whole step, and stops the rest', () => {
		const { w, caps } = setup();
		caps.beginStep(0); // budget 5 ms: 5 slots
		expect(w.capSlots[0]).toBe(5);
		w.start(0, 0);
		w.start(1, 1);
		for (let t = 0; t < 2_000; t += 1_000) {
			caps.beginStep(t);
			caps.charge(0, 2_000); // two vCPUs for 1 ms
		}
		caps.beginStep(2_000); // 1 ms left: one vCPU may run
		expect(w.capSlots[0]).toBe(1);
		expect(w.runningInVm[0]).toBe(1);
		caps.charge(0, 1_000);
		caps.beginStep(3_000);
		expect(w.capSlots[0]).toBe(0);
		expect(w.runningInVm[0]).toBe(0);
		caps.beginStep(10_000); // a new period refills the budget
		expect(w.capSlots[0]).toBe(5);
	});

	it('records the peak use per period, and prorates a last period cut short', () => {
		const { w, caps } = setup(15_000);
		caps.beginStep(0);
		caps.charge(0, 5_000);
		caps.beginStep(10_000); // the last period is 5 ms long: budget 2.5 ms, 2 slots
		expect(w.capSlots[0]).toBe(2);
		caps.charge(0, 2_000);
		caps.finish();
		expect(caps.peakUse[0]).toBeCloseTo(0.5, 12);
	});
});
