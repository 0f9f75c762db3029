import { describe, expect, it } from 'vitest';
import {
	jainIndex,
	percentile,
	summarizeLatencies,
	weightedWaterFill
} from '../../../../src/lib/sim/sched/metrics.ts';

describe('scheduling metrics', () => {
	it('water-filling shares by weight and passes on what a limited party cannot use', () => {
		expect(weightedWaterFill([1, 1], [10, 10], 2)).toEqual([1, 1]);
		expect(weightedWaterFill([1, 2], [10, 10], 3)).toEqual([1, 2]);
		// The heavy party is limited to 1; the remaining 2 are split 1 : 1.
		const s = weightedWaterFill([1, 1, 4], [5, 5, 1], 3);
		expect(s[0]).toBeCloseTo(1, 12);
		expect(s[1]).toBeCloseTo(1, 12);
		expect(s[2]).toBeCloseTo(1, 12);
		// Everyone limited: capacity is left over.
		expect(weightedWaterFill([1, 1], [0.5, 0.25], 4)).toEqual([0.5, 0.25]);
		// Zero weight gets nothing.
		expect(weightedWaterFill([0, 1], [1, 1], 1)).toEqual([0, 1]);
	});

	it("Jain's index: 1 for equal values, 1/n when one takes all", () => {
		expect(jainIndex([2, 2, 2])).toBe(1);
		expect(jainIndex([1, 0, 0, 0])).toBe(0.25);
		expect(jainIndex([1, 2])).toBeCloseTo(9 / 10, 12);
	});

	it('nearest-rank percentiles', () => {
		const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
		expect(percentile(sorted, 50)).toBe(5);
		expect(percentile(sorted, 95)).toBe(10);
		expect(percentile(sorted, 10)).toBe(1);
		expect(percentile([], 50)).toBeNull();
	});

	it('summarizes microsecond samples in milliseconds', () => {
		const s = summarizeLatencies([3000, 1000, 2000]);
		expect(s).toEqual({ count: 3, meanMs: 2, p50Ms: 2, p95Ms: 3, p99Ms: 3, maxMs: 3 });
		expect(summarizeLatencies([]).p50Ms).toBeNull();
	});
});
