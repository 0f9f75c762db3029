/** The SVG path of a line through sampled points, as D3 draws it. */
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { round } from './round.ts';
import type { Scale } from './scales.ts';

/**
 * How a line joins its samples: `linear` draws straight segments between them; `step` holds each
 * sample's value until the next sample and rises or falls there (d3's curveStepAfter), for
 * quantities that come in whole units, such as a number of hosts, where a slanted riser would
 * show values between two whole numbers that the quantity never takes.
 */
export type Curve = 'linear' | 'step';

export const CURVES = ['linear', 'step'] as const satisfies readonly Curve[];

/**
 * A path through the finite points. A missing value (null, NaN, or a point a log axis cannot
 * show) breaks the line instead of bridging it: an unstable queue has no response time, and a
 * line drawn across the gap would claim one.
 */
export function linePath(
	xs: number[],
	values: (number | null)[],
	x: Scale,
	y: Scale,
	curve: Curve = 'linear'
): string {
	const points = xs.map((xv, i) => [xv, values[i]] as const);
	const path = line<(typeof points)[number]>()
		.defined(
			([xv, yv]) =>
				yv !== null && Number.isFinite(yv) && Number.isFinite(x(xv)) && Number.isFinite(y(yv))
		)
		.x(([xv]) => round(x(xv)))
		.y(([, yv]) => round(y(yv as number)))
		.curve(curve === 'step' ? curveStepAfter : curveLinear);
	return path(points) ?? '';
}
