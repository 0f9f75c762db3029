/**
 * The geometry of a line chart, as plain data (docs/architecture.md: D3 computes, Svelte renders):
 * the frame, the scales, their ticks and one path per series. Series go on the left value axis
 * or, when they measure something else, on a second axis on the right.
 */
import { frame, type Frame } from './frame.ts';
import { linePath, type Curve } from './line.ts';
import { continuous, valueDomain, type Scale } from './scales.ts';
import { ticks, type Tick } from './ticks.ts';

export interface LineSeries {
	values: (number | null)[];
	axis?: 'y' | 'y2';
}

export interface LineChartInput {
	xs: number[];
	lines: LineSeries[];
	width: number;
	height: number;
	logx?: boolean;
	logy?: boolean;
	/** d3-format specifiers for the tick labels. */
	xformat?: string;
	yformat?: string;
	y2format?: string;
	/** The x axis spans the samples unless told otherwise. */
	xDomain?: [number, number];
	/** A fixed value axis, so that lines keep their place while the data change. */
	yDomain?: [number, number];
	/** The least top of the value axis (so that a flat line at 1 does not fill the chart). */
	minTop?: number;
	/** Values the value axis must reach besides the lines' (say, confidence intervals). */
	alsoShow?: number[];
	/** How every line joins its samples (line.ts): straight segments (default) or steps. */
	curve?: Curve;
}

export interface LineChart {
	frame: Frame;
	x: Scale;
	y: Scale;
	y2?: Scale;
	xTicks: Tick[];
	yTicks: Tick[];
	y2Ticks: Tick[];
	/** SVG path data per series, in input order; '' when a series has no finite point. */
	paths: string[];
}

function valueScale(
	lines: LineSeries[],
	input: LineChartInput,
	range: [number, number],
	fixed?: [number, number]
): Scale {
	const log = !!input.logy;
	const [low, high] =
		fixed ?? valueDomain([...lines.map((l) => l.values), input.alsoShow ?? []], log);
	return continuous([low, Math.max(high, input.minTop ?? -Infinity)], range, { log });
}

export function lineChart(input: LineChartInput): LineChart {
	const hasY2 = input.lines.some((l) => l.axis === 'y2');
	const f = frame(input.width, input.height, { y2: hasY2 });
	const { xs } = input;
	// The x axis ends where the sweep ends: rounding it out would leave an empty margin.
	const x = continuous(input.xDomain ?? [xs[0] ?? 0, xs[xs.length - 1] ?? 1], [f.left, f.right], {
		log: input.logx,
		nice: false
	});
	const range: [number, number] = [f.bottom, f.top];
	const left = input.lines.filter((l) => l.axis !== 'y2');
	const right = input.lines.filter((l) => l.axis === 'y2');
	const y = valueScale(left, input, range, input.yDomain);
	const y2 = hasY2 ? valueScale(right, input, range) : undefined;
	return {
		frame: f,
		x,
		y,
		y2,
		xTicks: ticks(x, 'x', input.xformat),
		yTicks: ticks(y, 'y', input.yformat),
		y2Ticks: y2 ? ticks(y2, 'y', input.y2format) : [],
		paths: input.lines.map((l) =>
			linePath(xs, l.values, x, l.axis === 'y2' && y2 ? y2 : y, input.curve)
		)
	};
}
