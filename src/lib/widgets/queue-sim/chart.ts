/**
 * Geometry of the queue simulator's two charts, computed with the chart kit as plain data: the
 * formula's response time against utilization with the simulated points and their confidence
 * intervals, and the histogram of simulated response times.
 */
import { max } from 'd3-array';
import { columnRect, type Rect } from '../../chart/bars.ts';
import { frame, type Frame } from '../../chart/frame.ts';
import { lineChart, type LineChart } from '../../chart/lineChart.ts';
import { round } from '../../chart/round.ts';
import { continuous, type Scale } from '../../chart/scales.ts';
import { ticks, type Tick } from '../../chart/ticks.ts';

export interface SimPoint {
	rho: number;
	/** The seed of the run: runs at the same utilization differ by it. */
	seed: number;
	W: number;
	/** 95% confidence interval; null while there are too few batches. */
	low: number | null;
	high: number | null;
}

export interface CurveChart extends LineChart {
	points: { cx: number; cy: number; y1: number | null; y2: number | null }[];
}

/** Pixels between the intervals of runs at the same utilization, drawn side by side. */
export const SIDE_BY_SIDE = 14;

/**
 * Horizontal offsets that set points at the same utilization side by side, in their order, centred
 * on the utilization: offsets [-7, 7] for two runs at ρ = 0.7, [0] for a run alone.
 */
export function sideBySide(points: Pick<SimPoint, 'rho'>[], gap = SIDE_BY_SIDE): number[] {
	return points.map((p, i) => {
		const same = points.filter((q) => q.rho === p.rho);
		const place = points.slice(0, i).filter((q) => q.rho === p.rho).length;
		return (place - (same.length - 1) / 2) * gap;
	});
}

/**
 * The formula's curve and the simulated points. The value axis reaches the higher of the curve
 * and the highest simulated interval, so a point far off the curve is never drawn outside. Runs
 * at the same utilization stand side by side, so their intervals can be compared.
 */
export function curveChart(input: {
	rhos: number[];
	values: (number | null)[];
	points: SimPoint[];
	width: number;
	height: number;
}): CurveChart {
	const chart = lineChart({
		xs: input.rhos,
		lines: [{ values: input.values }],
		width: input.width,
		height: input.height,
		xDomain: [0, 1],
		minTop: 2,
		alsoShow: input.points.map((p) => p.high ?? p.W),
		xformat: '.0%'
	});
	const { x, y } = chart;
	const offsets = sideBySide(input.points);
	return {
		...chart,
		points: input.points.map((p, i) => ({
			cx: x(p.rho) + offsets[i],
			cy: y(p.W),
			y1: p.low === null ? null : y(p.low),
			y2: p.high === null ? null : y(p.high)
		}))
	};
}

export interface Bar extends Rect {
	/** The bin's range of response times, and how many fell in it. */
	from: number;
	to: number;
	count: number;
	share: number;
}

export interface HistogramChart {
	frame: Frame;
	x: Scale;
	y: Scale;
	xTicks: Tick[];
	yTicks: Tick[];
	bars: Bar[];
	/** x of a marked response time (the mean), or null when there is none or it is off the chart. */
	marker: number | null;
}

/** Bars of relative frequency (share of departures per bin); the last bin is open-ended. */
export function histogramChart(input: {
	counts: number[];
	binWidth: number;
	mean: number | null;
	width: number;
	height: number;
}): HistogramChart {
	const f = frame(input.width, input.height);
	const end = input.counts.length * input.binWidth;
	const total = input.counts.reduce((s, n) => s + n, 0);
	const shares = input.counts.map((n) => (total > 0 ? n / total : 0));
	const x = continuous([0, end], [f.left, f.right], { nice: false });
	const y = continuous([0, Math.max(0.05, max(shares) ?? 0)], [f.bottom, f.top]);
	const bars = shares.map((share, i) => {
		const from = i * input.binWidth;
		const to = from + input.binWidth;
		// Half a pixel in from each side leaves a one-pixel gap between neighbouring bars.
		const rect = columnRect(x(from) + 0.5, x(to) - x(from) - 1, y, 0, share);
		return { ...rect, from, to, count: input.counts[i], share };
	});
	return {
		frame: f,
		x,
		y,
		xTicks: ticks(x, 'x'),
		yTicks: ticks(y, 'y', '.0%'),
		bars,
		marker: input.mean === null || input.mean > end ? null : round(x(input.mean))
	};
}
