/**
 * Geometry of the queue simulator's two charts, computed with D3 as plain data (Svelte draws it):
 * the formula's response time against utilization with the simulated points and their confidence
 * intervals, and the histogram of simulated response times.
 */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { linePath, makeScale, ticks, type Scale, type Tick } from '../plot/layout.ts';

export interface SimPoint {
	rho: number;
	W: number;
	/** 95% confidence interval; null while there are too few batches. */
	low: number | null;
	high: number | null;
}

export interface Frame {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export function frame(width: number, height: number): Frame {
	return { width, height, left: 48, right: width - 12, top: 10, bottom: height - 30 };
}

export interface CurveChart extends Frame {
	x: Scale;
	y: Scale;
	xTicks: Tick[];
	yTicks: Tick[];
	curve: string;
	points: { cx: number; cy: number; y1: number | null; y2: number | null }[];
}

/**
 * The y axis reaches the larger of the curve at the chart's right edge and the highest simulated
 * interval, so a point far off the curve is never drawn outside the chart.
 */
export function curveChart(input: {
	rhos: number[];
	values: (number | null)[];
	points: SimPoint[];
	width: number;
	height: number;
}): CurveChart {
	const f = frame(input.width, input.height);
	const top =
		max([
			...input.values.filter((v): v is number => v !== null),
			...input.points.map((p) => p.high ?? p.W)
		]) ?? 1;
	const x = makeScale([0, 1], [f.left, f.right], false);
	const y = makeScale([0, Math.max(2, top)], [f.bottom, f.top], false);
	return {
		...f,
		x,
		y,
		xTicks: ticks(x, 70, '.0%'),
		yTicks: ticks(y, 40),
		curve: linePath(input.rhos, input.values, x, y),
		points: input.points.map((p) => ({
			cx: x(p.rho),
			cy: y(p.W),
			y1: p.low === null ? null : y(p.low),
			y2: p.high === null ? null : y(p.high)
		}))
	};
}

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	/** The bin's range of response times, for labels. */
	from: number;
	to: number;
	count: number;
}

export interface HistogramChart extends Frame {
	x: Scale;
	y: Scale;
	xTicks: Tick[];
	yTicks: Tick[];
	bars: Bar[];
	/** x of a marked response time (the mean), or null when there is none. */
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
	const bins = input.counts.length;
	const total = input.counts.reduce((s, n) => s + n, 0);
	const shares = input.counts.map((n) => (total > 0 ? n / total : 0));
	const x = scaleLinear()
		.domain([0, bins * input.binWidth])
		.range([f.left, f.right]);
	const y = scaleLinear()
		.domain([0, Math.max(0.05, max(shares) ?? 0)])
		.range([f.bottom, f.top])
		.nice();
	const round = (n: number) => Math.round(n * 100) / 100;
	const bars = shares.map((share, i) => {
		const x0 = x(i * input.binWidth);
		const x1 = x((i + 1) * input.binWidth);
		return {
			x: round(x0 + 0.5),
			y: round(y(share)),
			width: round(Math.max(0, x1 - x0 - 1)),
			height: round(f.bottom - y(share)),
			from: i * input.binWidth,
			to: (i + 1) * input.binWidth,
			count: input.counts[i]
		};
	});
	const mean = input.mean;
	return {
		...f,
		x,
		y,
		xTicks: ticks(x, 60),
		yTicks: ticks(y, 36, '.0%'),
		bars,
		marker: mean === null || mean > bins * input.binWidth ? null : round(x(mean))
	};
}
