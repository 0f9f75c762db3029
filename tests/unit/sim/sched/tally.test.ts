import { describe, expect, it } from 'vitest';
import { Tally } from '../../../../src/lib/sim/sched/tally.ts';
import { SchedWorld } from '../../../../src/lib/sim/sched/world.ts';

describe('time statistics', () => {
	it('CPU, steal, busy time and the load average, stretch by stretch', () => {
		const w = new SchedWorld(1, [{ name: 'a', weight: 256, cap: 0, vcpus: [0, 1, 2] }], 50);
		const tally = new Tally(w);
		w.runnable.set([1, 1, 0]);
		w.start(0, 0);
		tally.interval(300); // vCPU 0 runs, vCPU 1 waits, vCPU 2 is blocked
		w.start(0, 1);
		tally.interval(100);
		expect(Array.from(tally.cpu)).toEqual([300, 100, 0]);
		expect(Array.from(tally.steal)).toEqual([100, 300, 0]);
		expect(Array.from(tally.capped)).toEqual([0, 0, 0]);
		expect(tally.busy).toBe(400);
		expect(tally.meanRunnable(400)).toBe(2);
		expect(tally.idleWhileWaiting).toBe(0);
	});

	it('counts idle pCPUs while a vCPU that could start waits, but not a vCPU its cap holds back', () => {
		const w = new SchedWorld(
			3,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
				{ name: 'b', weight: 256, cap: 0.5, vcpus: [1, 2] }
			],
			50
		);
		const tally = new Tally(w);
		w.runnable.fill(1);
		w.capSlots[1] = 1;
		w.start(0, 1);
		tally.interval(100); // vCPU 0 could run on an idle pCPU; vCPU 2 is over its VM's cap
		expect(tally.idleWhileWaiting).toBe(100);
	});

	it('splits waiting into steal and capped time by what the VM’s own cap allows', () => {
		const w = new SchedWorld(
			4,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
				{ name: 'b', weight: 256, cap: 0.5, vcpus: [1, 2] }
			],
			50
		);
		const tally = new Tally(w);
		w.runnable.fill(1);
		// b's budget is spent: both its vCPUs wait on idle pCPUs, held back by b's own cap.
		w.capSlots[1] = 0;
		w.start(0, 0);
		tally.interval(100);
		expect(Array.from(tally.steal)).toEqual([0, 0, 0]);
		expect(Array.from(tally.capped)).toEqual([0, 100, 100]);
		// The cap has room for one more of b's two waiting vCPUs: half of the wait is the cap's.
		w.capSlots[1] = 1;
		tally.interval(100);
		expect(Array.from(tally.steal)).toEqual([0, 50, 50]);
		expect(Array.from(tally.capped)).toEqual([0, 150, 150]);
		// No cap at all: waiting for a pCPU someone else holds is steal.
		w.capSlots[1] = Infinity;
		tally.interval(100);
		expect(Array.from(tally.steal)).toEqual([0, 150, 150]);
		expect(Array.from(tally.cpu)).toEqual([300, 0, 0]);
	});
});
