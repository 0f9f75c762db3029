import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/lib/sim/random.ts';
import { Phase, VcpuWorkload } from '../../../../src/lib/sim/sched/workloads.ts';

describe('vCPU workloads', () => {
	it('cpu: always runnable, never finishes', () => {
		const w = new VcpuWorkload({ type: 'cpu' }, new Random(1), null);
		for (let t = 0; t < 1e6; t += 1000) w.run(1000, t + 1000);
		expect(w.runnable).toBe(true);
	});

	it('io: blocks after its burst and wakes after the I/O time', () => {
		const w = new VcpuWorkload({ type: 'io', burstMs: 1, ioMs: 5 }, new Random(2), null);
		let t = 0;
		while (w.runnable) {
			w.run(50, t + 50);
			t += 50;
		}
		expect(w.burstsDone).toBe(1);
		expect(w.wakeAt).toBeGreaterThan(t);
		expect(w.arrive(t)).toBe(false);
		expect(w.arrive(Math.ceil(w.wakeAt))).toBe(true);
		expect(w.runnable).toBe(true);
	});

	it('request: runnable only with queued requests; latency from arrival to completion', () => {
		const w = new VcpuWorkload(
			{ type: 'request', ratePerSecond: 100, serviceMs: 1 },
			new Random(3),
			null
		);
		expect(w.runnable).toBe(false);
		let t = 0;
		while (!w.arrive(t)) t += 50;
		const arrival = w.oldestArrival;
		expect(w.queued).toBeGreaterThan(0);
		expect(arrival).toBeLessThanOrEqual(t);
		while (w.requestLatencies.length === 0) {
			w.run(50, t + 50);
			t += 50;
		}
		expect(w.requestLatencies[0]).toBe(t - arrival);
	});

	it('spinlock: work, spin, take the lock, hold it, release it', () => {
		const lock = { holder: -1 };
		const w = new VcpuWorkload({ type: 'spinlock', workUs: 100, holdUs: 200 }, new Random(4), lock);
		let t = 0;
		while (w.phase === Phase.Work) {
			w.run(50, t + 50);
			t += 50;
		}
		expect(w.phase).toBe(Phase.Spin);
		lock.holder = 7; // someone else holds it
		expect(w.tryAcquire(0)).toBe(false);
		expect(w.run(50, t + 50)).toBe(50); // spinning burns the whole step
		lock.holder = -1;
		expect(w.tryAcquire(0)).toBe(true);
		expect(lock.holder).toBe(0);
		for (let i = 0; i < 4; i++) w.run(50, (t += 50));
		expect(lock.holder).toBe(-1);
		expect(w.criticalSections).toBe(1);
		expect(w.phase).toBe(Phase.Work);
	});
});

describe('vCPU workloads: exact event times', () => {
	it('a running request ends exactly when its service time is used up', () => {
		const w = new VcpuWorkload(
			{ type: 'request', ratePerSecond: 100, serviceMs: 1 },
			new Random(5),
			null
		);
		const arrival = w.nextEventAt(0, false);
		expect(w.arrive(arrival - 1)).toBe(false);
		expect(w.arrive(arrival)).toBe(true);
		const end = w.nextEventAt(arrival, true);
		expect(end - arrival).toBeCloseTo(w.remaining, 9);
		w.run(end - arrival, end);
		expect(w.requestLatencies).toEqual([end - arrival]);
		// The queue is empty: blocked until the next arrival, which is the next event.
		expect(w.runnable).toBe(false);
		expect(w.nextEventAt(end, false)).toBe(w.wakeAt);
		expect(w.wakeAt).toBeGreaterThan(arrival);
	});

	it('requests that arrive during a service queue behind it, from their own arrival times', () => {
		const w = new VcpuWorkload(
			{ type: 'request', ratePerSecond: 50_000, serviceMs: 1 },
			new Random(6),
			null
		);
		const first = w.nextEventAt(0, false);
		w.arrive(first);
		const end = w.nextEventAt(first, true);
		w.run(end - first, end);
		expect(w.queued).toBeGreaterThan(0); // at 50 per ms, some arrived meanwhile
		expect(w.oldestArrival).toBeGreaterThan(first);
		expect(w.oldestArrival).toBeLessThanOrEqual(end);
		expect(w.runnable).toBe(true);
	});

	it('spinners and CPU-bound vCPUs have no event of their own', () => {
		const cpu = new VcpuWorkload({ type: 'cpu' }, new Random(7), null);
		expect(cpu.nextEventAt(0, true)).toBe(Infinity);
		const lock = { holder: 3 };
		const spinner = new VcpuWorkload(
			{ type: 'spinlock', workUs: 10, holdUs: 5 },
			new Random(8),
			lock
		);
		spinner.phase = Phase.Spin;
		expect(spinner.nextEventAt(0, true)).toBe(Infinity);
	});
});
