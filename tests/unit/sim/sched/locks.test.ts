import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/lib/sim/random.ts';
import { SpinLocks } from '../../../../src/lib/sim/sched/locks.ts';
import { Phase, VcpuWorkload } from '../../../../src/lib/sim/sched/workloads.ts';
import { SchedWorld } from '../../../../src/lib/sim/sched/world.ts';

function setup() {
	const w = new SchedWorld(2, [{ name: 'db', weight: 256, cap: 0, vcpus: [0, 1, 2] }], 50);
	w.runnable.fill(1);
	const lock = { holder: -1 };
	const work = [0, 1, 2].map(
		(v) => new VcpuWorkload({ type: 'spinlock', workUs: 100, holdUs: 50 }, new Random(v + 1), lock)
	);
	for (const x of work) x.phase = Phase.Spin;
	return { w, lock, work, locks: new SpinLocks(w, work, [lock]) };
}

describe('spinlocks', () => {
	it('a free lock goes to the running spinner that has spun longest', () => {
		const { w, lock, work, locks } = setup();
		work[0].spinSince = 30;
		work[1].spinSince = 20;
		work[2].spinSince = 10; // spun longest, but not on a pCPU
		w.start(0, 0);
		w.start(1, 1);
		locks.grant();
		expect(lock.holder).toBe(1);
		expect(work[1].phase).toBe(Phase.Hold);
	});

	it('spin time is lost while the holder is descheduled', () => {
		const { w, lock, locks } = setup();
		w.start(0, 0);
		w.start(1, 1);
		lock.holder = 1; // running holder: spinning is ordinary
		locks.record(0, 40);
		lock.holder = 2; // preempted holder: lock-holder preemption
		locks.record(0, 60);
		expect(locks.spin[0]).toBe(100);
		expect(locks.lost[0]).toBe(60);
	});
});
