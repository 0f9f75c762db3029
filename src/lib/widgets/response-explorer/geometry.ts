/**
 * Scales, ticks and paths of the response-time chart. The y axis is fixed (linear 0..ymax, or
 * logarithmic 1..100 mean service times) so that curves keep their place while a slider moves
 * and visibly leave the chart as rho approaches 1; the SVG clips what lies above.
 */
import { makeScale, plotMargin, ticks, linePath, type Scale, type Tick } from '../plot/layout.ts';
import type { Curve } from './curves.ts';

export interface ExplorerGeometry {
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

export function explorerGeometry(input: {
	rhos: number[];
	curves: Curve[];
	width: number;
	height: number;
	logy: boolean;
	ymax: number;
}): ExplorerGeometry {
	const margin = plotMargin(false);
	const { width, height, logy } = input;
	const left = margin.left;
	const right = width - margin.right;
	const top = margin.top;
	const bottom = height - margin.bottom;
	const x = makeScale([0, 1], [left, right], false);
	const y = logy
		? makeScale([1, 100], [bottom, top], true)
		: makeScale([0, input.ymax], [bottom, top], false);
	// Values far above the chart would make huge coordinates; one step above the top is enough
	// for the clipped line to run off the top edge.
	const ceiling = y.domain()[1] * 4;
	const paths = input.curves.map((curve) =>
		linePath(
			input.rhos,
			curve.values.map((v) => (v === null ? null : Math.min(v, ceiling))),
			x,
			y
		)
	);
	return {
		width,
		height,
		left,
		right,
		top,
		bottom,
		x,
		y,
		xTicks: ticks(x, 70, '.0%'),
		yTicks: ticks(y, 44, logy ? '~g' : undefined),
		paths
	};
}
