import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineChart } from '../../../src/lib/chart/lineChart.ts';
import { samples } from '../../../src/lib/notebook/sweep.ts';
import { seeded } from '../../helpers/random.ts';

const xs = samples(0.05, 0.95, 12);
/** The y coordinates of every point of a path. */
const pathYs = (d: string) =>
	[...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
const pathXs = (d: string) =>
	[...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));

describe('line charts', () => {
	it('draw one path per series, every point inside the frame (seeded random data)', () => {
		const random = seeded(42);
		for (let trial = 0; trial < 20; trial++) {
			const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
				values: xs.map(() => random() * 100)
			}));
			const chart = lineChart({ xs, lines, width: 400, height: 240 });
			const f = chart.frame;
			expect(chart.paths).toHaveLength(lines.length);
			for (const d of chart.paths) {
				expect(pathXs(d)).toHaveLength(xs.length);
				for (const y of pathYs(d)) {
					expect(y).toBeGreaterThanOrEqual(f.top - 0.01);
					expect(y).toBeLessThanOrEqual(f.bottom + 0.01);
				}
				for (const x of pathXs(d)) {
					expect(x).toBeGreaterThanOrEqual(f.left - 0.01);
					expect(x).toBeLessThanOrEqual(f.right + 0.01);
				}
			}
		}
	});

	it('draw a larger value higher up, on linear and log axes', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), {
					minLength: 2,
					maxLength: 12
				}),
				fc.boolean(),
				(values, logy) => {
					const grid = values.map((_, i) => i);
					const chart = lineChart({ xs: grid, lines: [{ values }], width: 300, height: 200, logy });
					const ys = pathYs(chart.paths[0]);
					values.forEach((v, i) =>
						values.forEach((w, j) => {
							if (v > w * 1.01) expect(ys[i]).toBeLessThanOrEqual(ys[j]);
						})
					);
				}
			)
		);
	});

	it('span the x axis over the sweep exactly, and start linear value axes at zero', () => {
		const chart = lineChart({
			xs,
			lines: [{ values: xs.map((x) => 5 + x) }],
			width: 400,
			height: 240
		});
		expect(chart.x.domain()).toEqual([0.05, 0.95]);
		expect(chart.y.domain()[0]).toBe(0);
		expect(chart.xTicks.every((t) => t.at >= chart.frame.left && t.at <= chart.frame.right)).toBe(
			true
		);
	});

	it('give second-axis series their own scale, and make room for its labels', () => {
		const left = xs.map((x) => 40 * x);
		const right = xs.map((x) => 4 + 8 * x);
		const chart = lineChart({
			xs,
			lines: [{ values: left }, { values: right, axis: 'y2' }],
			width: 400,
			height: 240
		});
		expect(chart.frame.margin.right).toBe(chart.frame.margin.left);
		expect(chart.y.domain()[1]).toBeGreaterThanOrEqual(Math.max(...left));
		expect(chart.y2!.domain()[1]).toBeGreaterThanOrEqual(Math.max(...right));
		expect(chart.y2!.domain()[1]).toBeLessThan(chart.y.domain()[1]);
		expect(chart.y2Ticks.length).toBeGreaterThan(0);
	});

	it('honour a fixed value axis, a least top and values besides the lines', () => {
		const flat = { values: xs.map(() => 1) };
		expect(lineChart({ xs, lines: [flat], width: 400, height: 240, minTop: 2 }).y.domain()).toEqual(
			[0, 2]
		);
		expect(
			lineChart({ xs, lines: [flat], width: 400, height: 240, alsoShow: [19] }).y.domain()[1]
		).toBeGreaterThanOrEqual(19);
		expect(
			lineChart({ xs, lines: [flat], width: 400, height: 240, yDomain: [0, 20] }).y.domain()
		).toEqual([0, 20]);
	});

	it('write x ticks with the author’s format', () => {
		const chart = lineChart({ xs, lines: [], width: 400, height: 240, xformat: '.0%' });
		expect(chart.xTicks.map((t) => t.label)).toContain('40%');
	});

	it('draw every line as steps when asked', () => {
		const values = xs.map((v) => Math.ceil(v * 10));
		const linear = lineChart({ xs, lines: [{ values }], width: 400, height: 240 });
		const step = lineChart({ xs, lines: [{ values }], width: 400, height: 240, curve: 'step' });
		const segments = (d: string) => {
			const points = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [+m[1], +m[2]]);
			return points.slice(1).map(([x1, y1], i) => [points[i][0] !== x1, points[i][1] !== y1]);
		};
		// A slanted segment moves in x and y at once; a step never does.
		expect(segments(linear.paths[0]).some(([dx, dy]) => dx && dy)).toBe(true);
		expect(segments(step.paths[0]).some(([dx, dy]) => dx && dy)).toBe(false);
	});
});
