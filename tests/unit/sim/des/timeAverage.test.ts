import { describe, expect, it } from 'vitest';
import { TimeAverage } from '../../../../src/lib/sim/des/timeAverage.ts';

describe('TimeAverage', () => {
	it('weights each value by how long it lasted', () => {
		const a = new TimeAverage(0, 0);
		a.update(1, 2); // 0 during [0, 1)
		a.update(3, 1); // 2 during [1, 3)
		// 1 during [3, 4): area 0 + 4 + 1 = 5 over 4
		expect(a.average(4)).toBeCloseTo(5 / 4, 12);
	});

	it('forgets the past on reset (warm-up deletion) but keeps the current value', () => {
		const a = new TimeAverage(10, 0);
		a.update(5, 3);
		a.reset(5);
		expect(a.average(7)).toBe(3);
	});

	it('returns the current value over an empty window', () => {
		expect(new TimeAverage(4, 2).average(2)).toBe(4);
	});
});
