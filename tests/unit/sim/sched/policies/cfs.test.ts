import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../../src/lib/sim/result.ts';
import { cfsScale, CfsScheduler } from '../../../../../src/lib/sim/sched/policies/cfs.ts';
import { runSched } from '../../../../../src/lib/sim/sched/simulate.ts';
import { SchedWorld } from '../../../../../src/lib/sim/sched/world.ts';

describe('CFS-like scheduler', () => {
	it('scales its tunables by 1 + log2(min(ncpus, 8)) as Linux does', () => {
		expect(cfsScale(1)).toBe(1);
		expect(cfsScale(2)).toBe(2);
		expect(cfsScale(4)).toBe(3);
		expect(cfsScale(64)).toBe(4);
	});

	it('vruntime grows by 256 / weight per microsecond run', () => {
		const w = new SchedWorld(1, [{ name: 'a', weight: 512, cap: 0, vcpus: [0] }], 100);
		w.runnable.fill(1);
		const s = new CfsScheduler(w, {
			latencyUs: 6000,
			minGranularityUs: 750,
			wakeupGranularityUs: 1000
		});
		s.schedule();
		s.charge(0, 1000);
		expect(s.vruntime[0]).toBe(500);
	});

	it('a VM is a group: its weight is shared by its runnable vCPUs', () => {
		// One VM with 2 vCPUs against one with 1 vCPU, equal weights, 1 pCPU: half each.
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 2000,
				policy: { name: 'cfs' },
				vms: [{ vcpus: 2 }, { vcpus: 1 }]
			})
		);
		expect(r.vms[0].cpus).toBeCloseTo(0.5, 2);
		expect(r.vms[1].cpus).toBeCloseTo(0.5, 2);
	});

	it('slices are about sched_latency divided among runnable vCPUs, not below min_granularity', () => {
		// 1 pCPU: latency 6 ms; two equal vCPUs get 3 ms slices.
		const r = unwrap(
			runSched({
				pcpus: 1,
				durationMs: 100,
				resolutionUs: 50,
				policy: { name: 'cfs' },
				vms: [{}, {}]
			})
		);
		const lengths = r.gantt.segments.slice(1, -1).map((s) => s.endMs - s.startMs);
		for (const l of lengths) expect(l).toBeCloseTo(3, 1);
	});
});
