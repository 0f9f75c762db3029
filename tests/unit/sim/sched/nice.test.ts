import { describe, expect, it } from 'vitest';
import {
	MAX_NICE,
	MIN_NICE,
	NICE_TO_WEIGHT,
	niceToWeight
} from '../../../../src/lib/sim/sched/nice.ts';

describe("Linux's nice-to-weight table (sched_prio_to_weight, kernel/sched/core.c)", () => {
	it('has the kernel values: 1024 at nice 0, 88761 at -20, 15 at 19', () => {
		expect(NICE_TO_WEIGHT).toHaveLength(MAX_NICE - MIN_NICE + 1);
		expect(niceToWeight(0)).toBe(1024);
		expect(niceToWeight(-20)).toBe(88761);
		expect(niceToWeight(19)).toBe(15);
		expect([niceToWeight(-5), niceToWeight(1), niceToWeight(5), niceToWeight(10)]).toEqual([
			3121, 820, 335, 110
		]);
	});

	it('each level is about 1.25 times the next (about 10 % of CPU between neighbours)', () => {
		for (let nice = MIN_NICE; nice < MAX_NICE; nice++) {
			const ratio = niceToWeight(nice) / niceToWeight(nice + 1);
			expect(ratio).toBeGreaterThan(1.19);
			expect(ratio).toBeLessThan(1.29);
		}
		// Two tasks a level apart on one CPU: about 55 % against 45 %.
		expect(1024 / (1024 + 820)).toBeCloseTo(0.555, 3);
	});
});
