/**
 * The geometry of a plot: D3 computes scales, ticks and line paths here as plain data; Plot.svelte
 * only writes the SVG elements (DESIGN.md §1, "D3 computes, Svelte renders"). Everything in this file
 * is a pure function of its input, so tests snapshot it without a browser.
 */
import { extent } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';

export type Scale = ScaleContinuousNumeric<number, number>;

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface Tick {
	value: number;
	/** Pixel position along the axis. */
	at: number;
	label: string;
}

export interface LineInput {
	values: (number | null)[];
	axis: 'y' | 'y2';
}

export interface PlotInput {
	xs: number[];
	lines: LineInput[];
	width: number;
	height: number;
	logx?: boolean;
	logy?: boolean;
	xformat?: string;
	yformat?: string;
	y2format?: string;
}

export interface PlotGeometry {
	width: number;
	height: number;
	margin: Margin;
	x: Scale;
	y: Scale;
	y2?: Scale;
	xTicks: Tick[];
	yTicks: Tick[];
	y2Ticks: Tick[];
	/** SVG path data per line, in input order; '' when a line has no finite point. */
	paths: string[];
}

/** Room for tick labels and axis titles (the titles are written in HTML around the SVG). */
export function plotMargin(hasY2: boolean): Margin {
	return { top: 12, right: hasY2 ? 56 : 16, bottom: 30, left: 56 };
}

/** The y domain of some lines: from zero (or the smallest positive value on a log axis), rounded. */
export function valueDomain(lines: LineInput[], log: boolean): [number, number] {
	const finite = lines.flatMap((l) =>
		l.values.filter((v): v is number => v !== null && Number.isFinite(v) && (!log || v > 0))
	);
	const [low, high] = extent(finite);
	if (low === undefined || high === undefined) return log ? [1, 10] : [0, 1];
	if (log) return low === high ? [low / 10, high * 10] : [low, high];
	// Linear axes start at zero when all values are positive, so heights compare honestly.
	const from = Math.min(0, low);
	const to = Math.max(0, high);
	return from === to ? [from - 1, to + 1] : [from, to];
}

export function makeScale(domain: [number, number], range: [number, number], log: boolean): Scale {
	const scale = log ? scaleLog() : scaleLinear();
	return scale.domain(domain).range(range).nice();
}

/** About one tick per `spacing` pixels, labelled with the author's d3-format specifier if given. */
export function ticks(scale: Scale, spacing: number, specifier?: string): Tick[] {
	const [a, b] = scale.range();
	// At least three ticks: with two, d3 may pick a step so coarse that one tick shows.
	const count = Math.max(3, Math.floor(Math.abs(b - a) / spacing));
	const format = scale.tickFormat(count, specifier);
	return scale.ticks(count).map((value) => ({ value, at: scale(value), label: format(value) }));
}

/** An SVG path through the finite points; a missing value breaks the line instead of bridging it. */
export function linePath(xs: number[], values: (number | null)[], x: Scale, y: Scale): string {
	const points = xs.map((xv, i) => [xv, values[i]] as const);
	const path = line<(typeof points)[number]>()
		.defined(
			([xv, yv]) =>
				yv !== null && Number.isFinite(yv) && Number.isFinite(x(xv)) && Number.isFinite(y(yv))
		)
		.x(([xv]) => round(x(xv)))
		.y(([, yv]) => round(y(yv as number)));
	return path(points) ?? '';
}

/** Two decimals are plenty for pixels and keep paths (and their snapshots) short. */
function round(n: number): number {
	return Math.round(n * 100) / 100;
}

export function plotGeometry(input: PlotInput): PlotGeometry {
	const hasY2 = input.lines.some((l) => l.axis === 'y2');
	const margin = plotMargin(hasY2);
	const { width, height } = input;
	const xDomain: [number, number] = [input.xs[0] ?? 0, input.xs[input.xs.length - 1] ?? 1];
	const x = (input.logx ? scaleLog() : scaleLinear())
		.domain(xDomain)
		.range([margin.left, width - margin.right]);
	const bottom = height - margin.bottom;
	const left = input.lines.filter((l) => l.axis === 'y');
	const right = input.lines.filter((l) => l.axis === 'y2');
	const y = makeScale(valueDomain(left, !!input.logy), [bottom, margin.top], !!input.logy);
	const y2 = hasY2
		? makeScale(valueDomain(right, !!input.logy), [bottom, margin.top], !!input.logy)
		: undefined;
	return {
		width,
		height,
		margin,
		x,
		y,
		y2,
		xTicks: ticks(x, 70, input.xformat),
		yTicks: ticks(y, 44, input.yformat),
		y2Ticks: y2 ? ticks(y2, 44, input.y2format) : [],
		paths: input.lines.map((l) => linePath(input.xs, l.values, x, l.axis === 'y2' && y2 ? y2 : y))
	};
}

/** The sample nearest to pixel `px` (for the hover read-out). */
export function nearestIndex(xs: number[], x: Scale, px: number): number {
	let best = 0;
	let bestDistance = Infinity;
	xs.forEach((xv, i) => {
		const distance = Math.abs(x(xv) - px);
		if (distance < bestDistance) {
			best = i;
			bestDistance = distance;
		}
	});
	return best;
}

/** Colour and dash per line: the series palette, plus a dash so lines differ without colour too. */
export function lineStyle(index: number): { color: string; dash: string } {
	const dashes = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 2'];
	return { color: `var(--series-${(index % 6) + 1})`, dash: dashes[index % dashes.length] };
}
