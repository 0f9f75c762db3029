/** The SVG path of a line through sampled points, as D3 draws it. */
import { line } from 'd3-shape';
import { round } from './round.ts';
import type { Scale } from './scales.ts';

/**
 * A path through the finite points. A missing value (null, NaN, or a point a log axis cannot
 * show) breaks the line instead of bridging it: an unstable queue has no response time, and a
 * line drawn across the gap would claim one.
 */
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
