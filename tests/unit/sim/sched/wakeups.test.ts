import { describe, expect, it } from 'vitest';
import { Random } from '../../../../src/lib/sim/random.ts';
import { WakeUps } from '../../../../src/lib/sim/sched/wakeups.ts';
import { VcpuWorkload } from '../../../../src/lib/sim/sched/workloads.ts';
import { SchedWorld, type SchedPolicy } from '../../../../src/lib/sim/sched/world.ts';

function setup() {
	const w = new SchedWorld(1, [{ name: 'a', weight: 256, cap: 0, vcpus: [0, 1] }], 50);
	const work = [
		new VcpuWorkload({ type: 'cpu' }, new Random(1), null),
		new VcpuWorkload({ type: 'io', burstMs: 1, ioMs: 5 }, new Random(2), null)
	];
	const woken: number[] = [];
	const policy: SchedPolicy = {
		name: 'test',
		onWake: (v) => woken.push(v),
		charge: () => {},
		schedule: () => {}
	};
	return { w, work, woken, wakeups: new WakeUps(w, work, policy) };
}

describe('wake-ups and blocks', () => {
	it('the next event is the running burst’s end, then the I/O completion', () => {
		const { w, work, wakeups } = setup();
		expect(Array.from(w.runnable)).toEqual([1, 1]);
		expect(wakeups.nextAt(0)).toBe(Infinity); // the I/O vCPU is not on a pCPU
		w.start(0, 1);
		const end = wakeups.nextAt(0);
		expect(end).toBeCloseTo(work[1].remaining, 9);
		work[1].run(end, end);
		wakeups.update(end); // the burst is over: vCPU 1 blocks and leaves its pCPU
		expect(w.runnable[1]).toBe(0);
		expect(w.current[0]).toBe(-1);
		expect(wakeups.nextAt(end)).toBe(work[1].wakeAt);
	});

	it('wakes a vCPU at its instant, tells the policy, and measures the wait for a pCPU', () => {
		const { w, work, woken, wakeups } = setup();
		w.start(0, 1);
		const end = wakeups.nextAt(0);
		work[1].run(end, end);
		wakeups.update(end);
		const wake = work[1].wakeAt;
		wakeups.update(wake - 1);
		expect(woken).toEqual([]);
		wakeups.update(wake);
		expect(woken).toEqual([1]);
		expect(w.runnable[1]).toBe(1);
		expect(w.waitingSince[1]).toBe(wake);
		wakeups.running(1, wake + 250);
		wakeups.running(1, wake + 900); // only the first moment on a pCPU counts
		expect(wakeups.latencies[0]).toEqual([250]);
	});
});
