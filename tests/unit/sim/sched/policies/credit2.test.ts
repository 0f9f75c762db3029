import { describe, expect, it } from 'vitest';
import { Credit2Scheduler } from '../../../../../src/lib/sim/sched/policies/credit2.ts';
import { SchedWorld } from '../../../../../src/lib/sim/sched/world.ts';

const params = { creditInitUs: 10_000, minSliceUs: 500, maxSliceUs: 10_000, ratelimitUs: 1_000 };

describe('credit2-like scheduler', () => {
	it('burns credit faster for lower weights (max weight / weight)', () => {
		const w = new SchedWorld(
			1,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
				{ name: 'b', weight: 512, cap: 0, vcpus: [1] }
			],
			100
		);
		const s = new Credit2Scheduler(w, params);
		s.charge(0, 1000);
		s.charge(1, 1000);
		expect(s.credit[0]).toBe(10_000 - 2000);
		expect(s.credit[1]).toBe(10_000 - 1000);
	});

	it('runs the vCPU with the most credit and resets everyone when the best has none', () => {
		const w = new SchedWorld(
			1,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
				{ name: 'b', weight: 256, cap: 0, vcpus: [1] }
			],
			100
		);
		w.runnable.fill(1);
		const s = new Credit2Scheduler(w, params);
		s.credit[0] = 5;
		s.credit[1] = 50;
		s.schedule();
		expect(w.current[0]).toBe(1);
		s.credit[0] = -3;
		s.credit[1] = -1;
		w.now = 20_000;
		s.schedule();
		expect(s.credit[0]).toBe(10_000 - 3);
		expect(s.credit[1]).toBe(10_000 - 1);
	});

	it('does not preempt before the ratelimit', () => {
		const w = new SchedWorld(
			1,
			[
				{ name: 'a', weight: 256, cap: 0, vcpus: [0] },
				{ name: 'b', weight: 256, cap: 0, vcpus: [1] }
			],
			100
		);
		w.runnable.fill(1);
		const s = new Credit2Scheduler(w, params);
		s.schedule();
		const first = w.current[0];
		s.charge(first, 500);
		w.now = 500;
		s.schedule();
		expect(w.current[0]).toBe(first); // ran 0.5 ms < 1 ms ratelimit
		s.charge(first, 600);
		w.now = 1100;
		s.schedule();
		expect(w.current[0]).toBe(1 - first);
	});
});
