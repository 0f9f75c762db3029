import { describe, expect, it } from 'vitest';
import { linePath } from '../../../src/lib/chart/line.ts';
import { continuous } from '../../../src/lib/chart/scales.ts';

const x = continuous([0, 10], [0, 100], { nice: false });
const y = continuous([0, 10], [100, 0], { nice: false });

describe('line paths', () => {
	it('joins the points in order, y growing upwards', () => {
		expect(linePath([0, 5, 10], [0, 5, 10], x, y)).toBe('M0,100L50,50L100,0');
	});

	it('breaks the line at a missing value instead of bridging the gap', () => {
		const d = linePath([0, 2, 4, 6], [1, null, 3, 4], x, y);
		expect(d.match(/M/g)).toHaveLength(2);
		expect(linePath([0, 1], [Infinity, NaN], x, y)).toBe('');
	});

	it('leaves out points a log axis cannot show', () => {
		const log = continuous([1, 100], [100, 0], { log: true });
		expect(linePath([0, 5, 10], [0, 10, 100], x, log)).toBe('M50,50L100,0');
	});

	it('draws a step curve with level treads and upright risers only', () => {
		const d = linePath([0, 2, 4, 6], [1, 1, 3, 4], x, y, 'step');
		// Each sample holds its value until the next sample: 1 from 0 to 4, then 3, then 4.
		expect(d).toBe('M0,90L20,90L20,90L40,90L40,70L60,70L60,60');
		const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [+m[1], +m[2]]);
		for (let i = 1; i < points.length; i++) {
			const [x0, y0] = points[i - 1];
			const [x1, y1] = points[i];
			expect(x0 === x1 || y0 === y1).toBe(true);
		}
		// The default stays a straight line between samples.
		expect(linePath([0, 2, 4, 6], [1, 1, 3, 4], x, y)).toBe('M0,90L20,90L40,70L60,60');
	});

	it('breaks a step curve at a missing value too', () => {
		expect(linePath([0, 2, 4, 6], [1, null, 3, 4], x, y, 'step').match(/M/g)).toHaveLength(2);
	});
});
