import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnRect, rowRect } from '../../../src/lib/chart/bars.ts';
import { continuous } from '../../../src/lib/chart/scales.ts';

describe('bars', () => {
	it('draw a column from one value up to another, inside the frame', () => {
		const y = continuous([0, 1], [200, 10]);
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(a, b) => {
					const r = columnRect(20, 10, y, Math.min(a, b), Math.max(a, b));
					expect(r.y).toBeGreaterThanOrEqual(10 - 0.01);
					expect(r.y + r.height).toBeLessThanOrEqual(200 + 0.01);
					expect(r.height).toBeCloseTo(Math.abs(y(a) - y(b)), 1);
				}
			)
		);
	});

	it('stack: a column from b to c sits right on top of one from a to b', () => {
		const y = continuous([0, 10], [100, 0]);
		const lower = columnRect(0, 5, y, 0, 3);
		const upper = columnRect(0, 5, y, 3, 7);
		expect(upper.y + upper.height).toBeCloseTo(lower.y, 9);
	});

	it('keep a very short stretch of a timeline visible', () => {
		const x = continuous([0, 120], [0, 360], { nice: false });
		expect(rowRect(x, 4, 20, 10, 10.01).width).toBeGreaterThan(0.5);
		expect(rowRect(x, 4, 20, 0, 60)).toEqual({ x: 0, y: 4, width: 180, height: 20 });
	});
});
