import { describe, expect, it } from 'vitest';
import {
	chartHeight,
	frame,
	heightForRows,
	marginFor,
	size
} from '../../../src/lib/chart/frame.ts';

describe('chart frames', () => {
	it('puts the plotting area inside the margins', () => {
		const f = frame(400, 240);
		expect(f.left).toBe(f.margin.left);
		expect(f.right).toBe(400 - f.margin.right);
		expect(f.top).toBe(f.margin.top);
		expect(f.bottom).toBe(240 - f.margin.bottom);
		expect(f.left).toBeLessThan(f.right);
		expect(f.top).toBeLessThan(f.bottom);
	});

	it('never turns inside out: a frame that measures 0 has an empty plotting area', () => {
		for (const [width, height] of [
			[0, 0],
			[40, 20],
			[-10, Number.NaN]
		]) {
			const f = frame(width, height);
			expect(f.width).toBeGreaterThanOrEqual(0);
			expect(f.height).toBeGreaterThanOrEqual(0);
			expect(f.right).toBeGreaterThanOrEqual(f.left);
			expect(f.bottom).toBeGreaterThanOrEqual(f.top);
			expect(f.innerWidth).toBe(f.right - f.left);
			expect(f.innerHeight).toBe(f.bottom - f.top);
		}
		expect(size(-72)).toBe(0);
		expect(size(Number.NaN)).toBe(0);
		expect(size(12.5)).toBe(12.5);
	});

	it('makes room for a right-hand axis and for labels above', () => {
		expect(marginFor({ y2: true }).right).toBe(marginFor().left);
		expect(marginFor({ labelsAbove: true }).top).toBeGreaterThan(marginFor().top);
	});

	it('draws shorter charts on narrow screens', () => {
		for (const size of ['short', 'medium', 'tall'] as const) {
			expect(chartHeight(320, size)).toBeLessThan(chartHeight(640, size));
		}
		expect(chartHeight(640, 'short')).toBeLessThan(chartHeight(640, 'medium'));
	});

	it('sizes a chart of rows to hold every row', () => {
		const height = heightForRows(3, 24);
		const f = frame(400, height);
		expect(f.bottom - f.top).toBe(3 * 24);
	});
});
