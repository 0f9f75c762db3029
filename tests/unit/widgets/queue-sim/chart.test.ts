import { describe, expect, it } from 'vitest';
import { utilizationGrid } from '../../../../src/lib/sim/queueing/catalogue.ts';
import {
	SIDE_BY_SIDE,
	curveChart,
	histogramChart,
	sideBySide
} from '../../../../src/lib/widgets/queue-sim/chart.ts';
import { analyticW } from '../../../../src/lib/widgets/queue-sim/model.ts';
import { seeded } from '../../../helpers/random.ts';

const rhos = utilizationGrid(0, 0.9, 10);
const values = rhos.map((rho) => analyticW({ model: 'mm1', c: 1, rho, scv: 1 }));
const size = { width: 360, height: 200 };

describe('queue simulator charts', () => {
	it('draws the simulated points with their intervals around them', () => {
		const chart = curveChart({
			rhos,
			values,
			points: [{ rho: 0.5, seed: 1, W: 2.1, low: 1.9, high: 2.3 }],
			...size
		});
		expect(chart.paths[0]).toMatch(/^M/);
		const [p] = chart.points;
		expect(p.cx).toBeCloseTo(chart.x(0.5), 6);
		// Higher values are higher up: the interval's top (y2) is above the point, above its bottom.
		expect(p.y2!).toBeLessThan(p.cy);
		expect(p.cy).toBeLessThan(p.y1!);
	});

	it('sets runs at the same utilization side by side, centred on it', () => {
		const points = [
			{ rho: 0.5, seed: 1 },
			{ rho: 0.7, seed: 1 },
			{ rho: 0.5, seed: 2 }
		];
		expect(sideBySide(points)).toEqual([-SIDE_BY_SIDE / 2, 0, SIDE_BY_SIDE / 2]);
		const chart = curveChart({
			rhos,
			values,
			points: points.map((p) => ({ ...p, W: 2, low: 1.8, high: 2.2 })),
			...size
		});
		expect(chart.points[2].cx - chart.points[0].cx).toBeCloseTo(SIDE_BY_SIDE, 6);
	});

	it('stretches the axis to a simulated interval above the curve', () => {
		const chart = curveChart({
			rhos,
			values,
			points: [{ rho: 0.9, seed: 1, W: 14, low: 9, high: 19 }],
			...size
		});
		expect(chart.y.domain()[1]).toBeGreaterThanOrEqual(19);
		expect(chart.points[0].y2!).toBeGreaterThanOrEqual(chart.frame.top);
	});

	it('leaves a point without interval uncapped when there are too few batches', () => {
		const chart = curveChart({
			rhos,
			values,
			points: [{ rho: 0.3, seed: 1, W: 1.4, low: null, high: null }],
			...size
		});
		expect(chart.points[0].y1).toBeNull();
	});

	it('draws one bar per bin, inside the frame, heights proportional to counts', () => {
		const random = seeded(7);
		for (let trial = 0; trial < 10; trial++) {
			const counts = Array.from({ length: 12 }, (_, i) =>
				Math.round(200 * Math.exp(-i / 3) * (0.8 + 0.4 * random()))
			);
			const chart = histogramChart({ counts, binWidth: 0.5, mean: 1.6, ...size });
			const f = chart.frame;
			expect(chart.bars).toHaveLength(counts.length);
			for (const bar of chart.bars) {
				expect(bar.x).toBeGreaterThanOrEqual(f.left);
				expect(bar.x + bar.width).toBeLessThanOrEqual(f.right + 0.01);
				expect(bar.y).toBeGreaterThanOrEqual(f.top - 0.01);
				expect(bar.y + bar.height).toBeCloseTo(f.bottom, 1);
			}
			// Bars do not overlap, left to right in bin order.
			chart.bars
				.slice(1)
				.forEach((b, i) => expect(b.x).toBeGreaterThan(chart.bars[i].x + chart.bars[i].width));
			const tallest = chart.bars.reduce((a, b) => (b.height > a.height ? b : a));
			expect(tallest.count).toBe(Math.max(...counts));
			expect(chart.bars[1].height / chart.bars[0].height).toBeCloseTo(counts[1] / counts[0], 1);
			expect(chart.marker).toBeCloseTo(chart.x(1.6), 1);
		}
	});

	it('draws an empty histogram flat, with no mean marker', () => {
		const chart = histogramChart({ counts: [0, 0, 0], binWidth: 1, mean: null, ...size });
		expect(chart.bars.every((b) => b.height === 0)).toBe(true);
		expect(chart.marker).toBeNull();
	});

	it('drops the mean marker when the mean lies beyond the last bin', () => {
		const chart = histogramChart({ counts: [1, 1], binWidth: 1, mean: 5, ...size });
		expect(chart.marker).toBeNull();
	});
});
