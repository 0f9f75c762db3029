import { describe, expect, it } from 'vitest';
import { curveChart, histogramChart } from '../../../../src/lib/widgets/queue-sim/chart.ts';
import { analyticW } from '../../../../src/lib/widgets/queue-sim/model.ts';
import { utilizationGrid } from '../../../../src/lib/widgets/response-explorer/curves.ts';

/** mulberry32, so that the snapshot data are the same on every run. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const rhos = utilizationGrid(0, 0.9, 10);
const values = rhos.map((rho) => analyticW({ model: 'mm1', c: 1, rho, scv: 1 }));

describe('queue simulator charts', () => {
	it('draws the formula and the simulated points with their intervals (snapshot)', () => {
		const chart = curveChart({
			rhos,
			values,
			points: [{ rho: 0.5, W: 2.1, low: 1.9, high: 2.3 }],
			width: 360,
			height: 200
		});
		expect(chart.curve).toMatchSnapshot();
		expect(chart.points).toMatchSnapshot();
		const [p] = chart.points;
		// Higher values are higher up: the interval's top (y2) is above the point, above its bottom.
		expect(p.y2!).toBeLessThan(p.cy);
		expect(p.cy).toBeLessThan(p.y1!);
	});

	it('stretches the axis to a simulated interval above the curve', () => {
		const chart = curveChart({
			rhos,
			values,
			points: [{ rho: 0.9, W: 14, low: 9, high: 19 }],
			width: 360,
			height: 200
		});
		expect(chart.y.domain()[1]).toBeGreaterThanOrEqual(19);
		expect(chart.points[0].y2!).toBeGreaterThanOrEqual(chart.top);
	});

	it('leaves a point without interval uncapped when there are too few batches', () => {
		const chart = curveChart({
			rhos,
			values,
			points: [{ rho: 0.3, W: 1.4, low: null, high: null }],
			width: 360,
			height: 200
		});
		expect(chart.points[0].y1).toBeNull();
	});

	it('draws histogram bars as shares of the departures (snapshot with seeded data)', () => {
		const random = seeded(7);
		const counts = Array.from({ length: 12 }, (_, i) =>
			Math.round(200 * Math.exp(-i / 3) * (0.8 + 0.4 * random()))
		);
		const chart = histogramChart({ counts, binWidth: 0.5, mean: 1.6, width: 360, height: 150 });
		expect(chart.bars.map((b) => [b.x, b.y, b.width, b.height])).toMatchSnapshot();
		// The tallest bar is the most frequent bin, and heights are proportional to counts.
		const tallest = chart.bars.reduce((a, b) => (b.height > a.height ? b : a));
		expect(tallest.count).toBe(Math.max(...counts));
		expect(chart.bars[1].height / chart.bars[0].height).toBeCloseTo(counts[1] / counts[0], 1);
		expect(chart.marker).toBeCloseTo(chart.x(1.6), 1);
	});

	it('draws an empty histogram flat, with no mean marker', () => {
		const chart = histogramChart({
			counts: [0, 0, 0],
			binWidth: 1,
			mean: null,
			width: 360,
			height: 150
		});
		expect(chart.bars.every((b) => b.height === 0)).toBe(true);
		expect(chart.marker).toBeNull();
	});
});
