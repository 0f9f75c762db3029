/**
 * Geometry of the memory dashboard's time series: several lines against time on one axis, computed
 * with the plot widget's D3 helpers so that they look alike.
 */
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { linePath, makeScale, ticks, type Scale, type Tick } from '../plot/layout.ts';

export interface SeriesChart {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
	x: Scale;
	y: Scale;
	xTicks: Tick[];
	yTicks: Tick[];
	paths: string[];
}

export function seriesChart(input: {
	times: number[];
	lines: number[][];
	width: number;
	height: number;
	/** Smallest top of the y axis (so that a flat line at 1 does not fill the chart). */
	minTop?: number;
	yformat?: string;
}): SeriesChart {
	const left = 52;
	const right = input.width - 10;
	const top = 10;
	const bottom = input.height - 26;
	// Time runs exactly over the simulated span (no rounding of the end).
	const x = scaleLinear()
		.domain([0, input.times[input.times.length - 1] ?? 1])
		.range([left, right]);
	const highest = max(input.lines.flat()) ?? 0;
	const y = makeScale([0, Math.max(input.minTop ?? 1, highest)], [bottom, top], false);
	return {
		width: input.width,
		height: input.height,
		left,
		right,
		top,
		bottom,
		x,
		y,
		xTicks: ticks(x, 60),
		yTicks: ticks(y, 34, input.yformat),
		paths: input.lines.map((values) => linePath(input.times, values, x, y))
	};
}
