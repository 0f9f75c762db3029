import { describe, expect, it } from 'vitest';
import { seriesChart } from '../../../../src/lib/widgets/memory-dashboard/charts.ts';

/** mulberry32, so the snapshot data are the same on every run. */
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

describe('memory dashboard charts', () => {
	const random = seeded(3);
	const times = Array.from({ length: 12 }, (_, i) => i * 30);
	const lines = [times.map(() => 16), times.map((t) => Math.min(8, t / 30 + random()))];

	it('draws each series over time on one axis (snapshot)', () => {
		const chart = seriesChart({ times, lines, width: 360, height: 200 });
		expect(chart.paths).toMatchSnapshot();
		expect(chart.y.domain()[1]).toBeGreaterThanOrEqual(16);
		expect(chart.x.domain()).toEqual([0, 330]);
	});

	it('keeps a floor under the y axis for flat slowdown lines at 1', () => {
		const chart = seriesChart({
			times,
			lines: [times.map(() => 1)],
			width: 360,
			height: 160,
			minTop: 2
		});
		expect(chart.y.domain()[1]).toBe(2);
		expect(chart.paths[0]).toMatch(/^M52,/);
	});

	it('draws an empty chart when there is nothing yet', () => {
		const chart = seriesChart({ times: [], lines: [], width: 360, height: 160 });
		expect(chart.paths).toEqual([]);
	});
});
