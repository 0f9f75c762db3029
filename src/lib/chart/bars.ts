/** Rectangles for bar charts, stacked bars and timelines, as plain data for Svelte to draw. */
import { size } from './frame.ts';
import { round } from './round.ts';
import type { Scale } from './scales.ts';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A vertical bar from value `from` up to value `to`, `width` pixels wide starting at pixel `x`. */
export function columnRect(x: number, width: number, y: Scale, from: number, to: number): Rect {
	const y0 = y(from);
	const y1 = y(to);
	return {
		x: round(x),
		y: round(Math.min(y0, y1)),
		width: round(size(width)),
		height: round(size(Math.abs(y0 - y1)))
	};
}

/**
 * A horizontal bar from value `from` to value `to`, in a row `height` pixels tall at pixel `y`.
 * It is at least a hairline wide, so that a very short stretch still shows.
 */
export function rowRect(x: Scale, y: number, height: number, from: number, to: number): Rect {
	return {
		x: round(x(from)),
		y: round(y),
		width: round(Math.max(0.75, size(x(to) - x(from)))),
		height: round(size(height))
	};
}
