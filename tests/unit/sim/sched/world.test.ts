import { describe, expect, it } from 'vitest';
import { SchedWorld } from '../../../../src/lib/sim/sched/world.ts';

const vms = () => [
	{ name: 'a', weight: 256, cap: 0, vcpus: [0, 1] },
	{ name: 'b', weight: 256, cap: 0.5, vcpus: [2] }
];

describe('SchedWorld', () => {
	it('maps vCPUs to VMs and starts and stops them on pCPUs', () => {
		const w = new SchedWorld(2, vms(), 50);
		expect(w.nV).toBe(3);
		expect(Array.from(w.vmOf)).toEqual([0, 0, 1]);
		expect(Array.from(w.indexInVm)).toEqual([0, 1, 0]);
		w.runnable.fill(1);
		expect(w.canStart(0)).toBe(true);
		w.now = 100;
		w.start(0, 0);
		expect(w.where[0]).toBe(0);
		expect(w.canStart(0)).toBe(false);
		expect(w.idlePcpu()).toBe(1);
		w.now = 200;
		w.start(0, 1); // replaces vCPU 0, which starts waiting
		expect(w.where[0]).toBe(-1);
		expect(w.waitingSince[0]).toBe(200);
		expect(w.isWaiting(0)).toBe(true);
		expect(w.switches).toBe(2);
	});

	it('picks the startable vCPU of lowest rank, the longest waiting among equals', () => {
		const w = new SchedWorld(2, vms(), 50);
		expect(w.bestStartable(() => 0)).toBe(-1); // nothing runnable
		w.runnable.fill(1);
		w.waitingSince.set([30, 10, 20]);
		expect(w.bestStartable((v) => [5, 5, 1][v])).toBe(2);
		expect(w.bestStartable(() => 0)).toBe(1); // equal ranks: waiting since 10
		w.held[1] = 1;
		expect(w.bestStartable(() => 0)).toBe(2);
	});

	it('holds back vCPUs beyond their cap slots and co-stopped (held) vCPUs', () => {
		const w = new SchedWorld(2, vms(), 50);
		w.runnable.fill(1);
		w.capSlots[1] = 0;
		expect(w.canStart(2)).toBe(false);
		w.capSlots[1] = 1;
		expect(w.canStart(2)).toBe(true);
		w.held[2] = 1;
		expect(w.canStart(2)).toBe(false);
	});

	it('fills idle pCPUs from a picker', () => {
		const w = new SchedWorld(2, vms(), 50);
		w.runnable.fill(1);
		const queue = [2, 0];
		w.fillIdle(() => queue.shift() ?? -1);
		expect(Array.from(w.current)).toEqual([2, 0]);
	});
});
