import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../../src/lib/sim/result.ts';
import { RelaxedCoscheduler } from '../../../../../src/lib/sim/sched/policies/coscheduling.ts';
import { runSched } from '../../../../../src/lib/sim/sched/simulate.ts';
import { SchedWorld } from '../../../../../src/lib/sim/sched/world.ts';

describe('strict co-scheduling', () => {
	it('runs all vCPUs of a VM together: its segments start and end at the same times', () => {
		const r = unwrap(
			runSched({
				pcpus: 2,
				durationMs: 300,
				gantt: { fromMs: 0, toMs: 300 },
				policy: { name: 'cosched-strict', sliceMs: 10 },
				vms: [{ vcpus: 2 }, { vcpus: 2 }, { vcpus: 1 }]
			})
		);
		const byVm = new Map<string, number>();
		for (const s of r.gantt.segments) {
			if (r.vms[s.vm].vcpus < 2) continue;
			const key = `${s.vm}:${s.startMs}:${s.endMs}`;
			byVm.set(key, (byVm.get(key) ?? 0) + 1);
		}
		for (const count of byVm.values()) expect(count).toBe(2);
	});
});

describe('relaxed co-scheduling', () => {
	it('co-stops a vCPU that gets more than the threshold ahead of its sibling', () => {
		const w = new SchedWorld(1, [{ name: 'a', weight: 256, cap: 0, vcpus: [0, 1] }], 100);
		w.runnable.fill(1);
		const s = new RelaxedCoscheduler(w, 30_000, 3_000);
		let maxSkew = 0;
		for (let t = 0; t < 50_000; t += 100) {
			w.now = t;
			s.schedule();
			const v = w.current[0];
			if (v >= 0) s.charge(v, 100);
			s.advanceProgress(100);
			maxSkew = Math.max(maxSkew, Math.abs(s.progress[0] - s.progress[1]));
		}
		expect(s.coStops).toBeGreaterThan(0);
		expect(maxSkew).toBeLessThanOrEqual(3_000 + 100);
	});
});
