import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../../src/lib/sim/result.ts';
import {
	BOOST,
	CreditScheduler,
	OVER,
	UNDER
} from '../../../../../src/lib/sim/sched/policies/credit.ts';
import { runSched } from '../../../../../src/lib/sim/sched/simulate.ts';
import { SchedWorld } from '../../../../../src/lib/sim/sched/world.ts';

function world() {
	const w = new SchedWorld(
		1,
		[
			{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
			{ name: 'b', weight: 768, cap: 0, vcpus: [1] }
		],
		1000
	);
	w.runnable.fill(1);
	return w;
}

describe('Xen credit scheduler', () => {
	it('hands out one accounting period of credit per pCPU, split by weight', () => {
		const w = world();
		const s = new CreditScheduler(w, { sliceUs: 30_000, tickUs: 10_000, accountingUs: 30_000 });
		s.schedule(); // t = 0: accounting
		expect(s.credit[0]).toBeCloseTo(7_500, 6);
		expect(s.credit[1]).toBeCloseTo(22_500, 6);
		expect(s.priority[0]).toBe(UNDER);
	});

	it('a vCPU out of credit becomes OVER and yields to UNDER ones at the next tick', () => {
		const w = world();
		const s = new CreditScheduler(w, { sliceUs: 30_000, tickUs: 10_000, accountingUs: 30_000 });
		s.schedule();
		expect(w.current[0]).toBe(0); // FIFO among equals: vCPU 0 first
		for (let t = 1_000; t <= 10_000; t += 1_000) {
			s.charge(w.current[0], 1_000);
			w.now = t;
			s.schedule();
		}
		expect(s.priority[0]).toBe(OVER);
		expect(w.current[0]).toBe(1);
	});

	it('a waking UNDER vCPU is BOOSTed and preempts at once', () => {
		const w = world();
		const s = new CreditScheduler(w, { sliceUs: 30_000, tickUs: 10_000, accountingUs: 30_000 });
		s.schedule(); // both get credit; vCPU 0 runs
		expect(w.current[0]).toBe(0);
		w.runnable[1] = 0; // vCPU 1 blocks on I/O with credit left (UNDER)
		w.now = 3_000;
		w.runnable[1] = 1;
		s.onWake(1);
		expect(s.priority[1]).toBe(BOOST);
		s.schedule();
		expect(w.current[0]).toBe(1);
	});

	it('through the simulator: an I/O-bound VM wakes to the CPU within a step', () => {
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 1000,
				policy: { name: 'credit' },
				vms: [{}, { workload: { type: 'io', burstMs: 1, ioMs: 10 } }]
			})
		);
		expect(r.vms[1].wakeLatency.p99Ms!).toBeLessThanOrEqual(0.05);
	});
});
