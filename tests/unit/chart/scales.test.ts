import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bands, continuous, valueDomain } from '../../../src/lib/chart/scales.ts';

describe('scales', () => {
	it('map larger values higher up a value axis (monotone)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 1e6, noNaN: true }),
				fc.double({ min: 0, max: 1e6, noNaN: true }),
				(a, b) => {
					const y = continuous([0, 1e6], [200, 10]);
					if (a < b) expect(y(a)).toBeGreaterThanOrEqual(y(b));
				}
			)
		);
	});

	it('round a value domain out to nice ends unless told not to', () => {
		expect(continuous([0, 9.3], [0, 100]).domain()).toEqual([0, 10]);
		expect(continuous([0.05, 0.95], [0, 100], { nice: false }).domain()).toEqual([0.05, 0.95]);
		expect(continuous([1, 100], [0, 100], { log: true })(10)).toBeCloseTo(50, 9);
	});

	it('find a domain from zero, or from the smallest positive value on a log axis', () => {
		expect(valueDomain([[3, null, 5]])).toEqual([0, 5]);
		expect(valueDomain([[-2, 4]])).toEqual([-2, 4]);
		expect(valueDomain([[0.5, 0, 50, Infinity]], true)).toEqual([0.5, 50]);
		expect(valueDomain([[]])).toEqual([0, 1]);
		expect(valueDomain([[]], true)).toEqual([1, 10]);
		expect(valueDomain([[0, 0]])).toEqual([-1, 1]);
	});

	it('give bands that do not overlap and stay inside the range', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 40 }), (count) => {
				const x = bands(count, [40, 600], { inner: 0.25, outer: 0.1 });
				for (let i = 0; i < count; i++) {
					const start = x(i)!;
					expect(start).toBeGreaterThanOrEqual(40);
					expect(start + x.bandwidth()).toBeLessThanOrEqual(600 + 1e-9);
					if (i > 0) expect(start).toBeGreaterThan(x(i - 1)! + x.bandwidth() - 1e-9);
				}
			})
		);
	});
});
