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

const params = { sliceUs: 30_000, tickUs: 10_000, accountingUs: 30_000 };

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

/** Runs the policy alone, in 1 ms steps, charging whatever runs, until `until` (us). */
function drive(w: SchedWorld, s: CreditScheduler, until: number, each?: (t: number) => void) {
	for (let t = w.now + 1000; t <= until; t += 1000) {
		for (let p = 0; p < w.nP; p++) if (w.current[p] >= 0) s.charge(w.current[p], 1000);
		w.now = t;
		s.schedule();
		each?.(t);
	}
}

describe('Xen credit scheduler (xen/common/sched/credit.c)', () => {
	it('hands out one accounting period of credit per pCPU, split by weight', () => {
		const w = world();
		const s = new CreditScheduler(w, params);
		s.schedule(); // t = 0: accounting
		expect(s.credit[0]).toBeCloseTo(7_500, 6);
		expect(s.credit[1]).toBeCloseTo(22_500, 6);
		expect(s.priority[0]).toBe(UNDER);
	});

	it('the tick only burns credit: an overspent vCPU stays UNDER and keeps its 30 ms slice', () => {
		const w = world();
		const s = new CreditScheduler(w, params);
		s.schedule();
		expect(w.current[0]).toBe(0); // FIFO among equals: vCPU 0 first
		drive(w, s, 29_000, (t) => {
			// Out of credit after 7.5 ms, but UNDER/OVER is recomputed only by accounting.
			expect(w.current[0]).toBe(0);
			if (t >= 8_000) expect(s.credit[0]).toBeLessThan(0);
			expect(s.priority[0]).toBe(UNDER);
		});
		drive(w, s, 30_000);
		// Accounting at 30 ms: 7.5 - 30 + 7.5 ms of credit, OVER; its slice has ended too.
		expect(s.credit[0]).toBeCloseTo(-15_000, 6);
		expect(s.priority[0]).toBe(OVER);
		expect(w.current[0]).toBe(1);
	});

	it('a vCPU that turns OVER at accounting keeps its pCPU until its slice ends', () => {
		const w = world();
		const s = new CreditScheduler(w, { ...params, accountingUs: 20_000 });
		s.schedule();
		drive(w, s, 20_000);
		expect(s.priority[0]).toBe(OVER); // 5 - 20 + 5 ms of credit
		expect(s.priority[1]).toBe(UNDER);
		expect(w.current[0]).toBe(0); // still inside its 30 ms slice
		drive(w, s, 30_000);
		expect(w.current[0]).toBe(1);
	});

	it('a waking UNDER vCPU is BOOSTed and preempts at once; the tick ends the boost of a running vCPU', () => {
		const w = world();
		const s = new CreditScheduler(w, params);
		s.schedule(); // both get credit; vCPU 0 runs
		expect(w.current[0]).toBe(0);
		w.runnable[1] = 0; // vCPU 1 blocks on I/O with credit left (UNDER)
		w.now = 3_000;
		w.runnable[1] = 1;
		s.onWake(1);
		expect(s.priority[1]).toBe(BOOST);
		s.schedule();
		expect(w.current[0]).toBe(1);
		drive(w, s, 9_000);
		expect(s.priority[1]).toBe(BOOST);
		drive(w, s, 10_000); // csched_tick -> csched_vcpu_acct: BOOST -> UNDER, no preemption
		expect(s.priority[1]).toBe(UNDER);
		expect(w.current[0]).toBe(1);
	});

	it('through the simulator: every run of the weight-256 VM is a whole 30 ms slice (1 pCPU, 256 : 768)', () => {
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 6000,
				policy: { name: 'credit' },
				vms: [{ weight: 256 }, { weight: 768 }],
				gantt: { fromMs: 0, toMs: 6000 }
			})
		);
		const runs = r.gantt.segments.filter((s) => s.vm === 0 && s.endMs < 6000);
		expect(runs.length).toBeGreaterThan(40);
		for (const s of runs) expect(s.endMs - s.startMs).toBeCloseTo(30, 9);
		// The weight-768 VM runs whole slices back to back.
		for (const s of r.gantt.segments.filter((x) => x.vm === 1 && x.endMs < 6000)) {
			expect((s.endMs - s.startMs) % 30).toBeCloseTo(0, 9);
		}
		// Shares still follow weights, to within one slice over the run (30 / 6000 = 0.005).
		expect(Math.abs(r.vms[0].cpus - 0.25)).toBeLessThanOrEqual(30 / 6000 + 1e-9);
		expect(Math.abs(r.vms[1].cpus - 0.75)).toBeLessThanOrEqual(30 / 6000 + 1e-9);
	});

	it('weights are per VM, as in Xen 3.x: a 2-vCPU VM gets no more than a 1-vCPU VM of equal weight', () => {
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 3000,
				policy: { name: 'credit' },
				vms: [{ vcpus: 2 }, { vcpus: 1 }]
			})
		);
		expect(r.vms[0].cpus).toBeCloseTo(0.5, 1);
		expect(r.vms[1].cpus).toBeCloseTo(0.5, 1);
	});

	it('through the simulator: an I/O-bound VM is BOOSTed onto the pCPU the instant it wakes', () => {
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 1000,
				policy: { name: 'credit' },
				vms: [{}, { workload: { type: 'io', burstMs: 1, ioMs: 10 } }]
			})
		);
		expect(r.vms[1].wakeLatency.count).toBeGreaterThan(50);
		expect(r.vms[1].wakeLatency.p99Ms!).toBe(0);
	});
});
