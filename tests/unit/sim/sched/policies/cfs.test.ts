import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../../src/lib/sim/result.ts';
import { cfsScale, CfsScheduler } from '../../../../../src/lib/sim/sched/policies/cfs.ts';
import { runSched } from '../../../../../src/lib/sim/sched/simulate.ts';
import { SchedWorld } from '../../../../../src/lib/sim/sched/world.ts';

describe('CFS-like scheduler', () => {
	it('scales its tunables by 1 + ilog2(min(ncpus, 8)) as Linux does', () => {
		expect(cfsScale(1)).toBe(1);
		expect(cfsScale(2)).toBe(2);
		expect(cfsScale(4)).toBe(3);
		expect(cfsScale(64)).toBe(4);
		// ilog2 rounds down: an integer factor (get_update_sysctl_factor, kernel/sched/fair.c).
		expect(cfsScale(3)).toBe(2);
		expect(cfsScale(5)).toBe(3);
		expect(cfsScale(7)).toBe(3);
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

describe('CFS nice levels (sched_prio_to_weight) and cgroup weights', () => {
	const shares = (cgroups: boolean, vms: { vcpus?: number; nice?: number; weight?: number }[]) =>
		unwrap(runSched({ pcpus: 1, durationMs: 3000, policy: { name: 'cfs', cgroups }, vms })).vms.map(
			(vm) => vm.cpus
		);

	it('without cgroups, threads share by nice weight: nice 0 against nice 5 is 1024 : 335', () => {
		const [a, b] = shares(false, [{ nice: 0 }, { nice: 5 }]);
		expect(a).toBeCloseTo(1024 / (1024 + 335), 2);
		expect(b).toBeCloseTo(335 / (1024 + 335), 2);
	});

	it('without cgroups, a VM with more vCPU threads gets more CPU; with cgroups, VM weights decide', () => {
		const flat = shares(false, [{ vcpus: 2 }, { vcpus: 1 }]);
		expect(flat[0]).toBeCloseTo(2 / 3, 2);
		const grouped = shares(true, [{ vcpus: 2 }, { vcpus: 1 }]);
		expect(grouped[0]).toBeCloseTo(1 / 2, 2);
	});

	it('with cgroups, nice levels divide a VM’s share among its own vCPUs only', () => {
		// Two VMs of equal weight: the nice -5 VM gets no more than the nice 0 one.
		const [a, b] = shares(true, [{ nice: -5 }, { nice: 0 }]);
		expect(a).toBeCloseTo(0.5, 2);
		expect(b).toBeCloseTo(0.5, 2);
	});

	it('entity weights: a VM weight of 256 stands for cgroup shares of 1024', () => {
		const w = new SchedWorld(
			1,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0, 1] },
				{ name: 'b', weight: 256, cap: 0, nice: 5, vcpus: [2] }
			],
			100
		);
		w.runnable.fill(1);
		const grouped = new CfsScheduler(w, {
			latencyUs: 6000,
			minGranularityUs: 750,
			wakeupGranularityUs: 1000
		});
		grouped.schedule();
		expect(Array.from(grouped.weight)).toEqual([512, 512, 1024]);
		const flat = new CfsScheduler(w, {
			latencyUs: 6000,
			minGranularityUs: 750,
			wakeupGranularityUs: 1000,
			cgroups: false
		});
		flat.schedule();
		expect(Array.from(flat.weight)).toEqual([1024, 1024, 335]);
	});
});
