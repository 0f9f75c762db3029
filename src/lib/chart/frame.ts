/**
 * The frame of a chart: its size and the plotting area inside the margins. Every chart in the
 * course takes its margins from here, so that axes line up from one widget to the next and no
 * widget carries margin numbers of its own.
 */
export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface Frame {
	width: number;
	height: number;
	margin: Margin;
	/** The plotting area, in pixels from the top left corner of the SVG. */
	left: number;
	right: number;
	top: number;
	bottom: number;
	/** The plotting area's size: right − left and bottom − top, never negative. */
	innerWidth: number;
	innerHeight: number;
}

export interface FrameOptions {
	/** A second value axis on the right wants as much room as the left one. */
	y2?: boolean;
	/** Labels written above the plotting area (say, one per column) need a taller top margin. */
	labelsAbove?: boolean;
}

/** Room for the tick labels: the axis titles below and beside are HTML or rotated SVG text. */
export function marginFor(options: FrameOptions = {}): Margin {
	return {
		top: options.labelsAbove ? 22 : 12,
		right: options.y2 ? 56 : 16,
		bottom: 30,
		left: 56
	};
}

/**
 * A length that SVG accepts: never negative, never NaN. A container that measures 0 (hidden, or
 * not laid out yet) would otherwise give a plotting area of negative size, and the browser logs
 * an error for every `<rect width="-72">`. Every computed width and height goes through here.
 */
export function size(n: number): number {
	return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * The frame of a `width` × `height` chart. However small the chart, the plotting area has its
 * corners in order (left ≤ right, top ≤ bottom): it shrinks to nothing rather than turning inside out.
 */
export function frame(width: number, height: number, options: FrameOptions = {}): Frame {
	const margin = marginFor(options);
	const w = size(width);
	const h = size(height);
	const right = Math.max(margin.left, w - margin.right);
	const bottom = Math.max(margin.top, h - margin.bottom);
	return {
		width: w,
		height: h,
		margin,
		left: margin.left,
		right,
		top: margin.top,
		bottom,
		innerWidth: right - margin.left,
		innerHeight: bottom - margin.top
	};
}

/** Chart heights: three sizes, each a little shorter on a narrow screen. */
export const HEIGHTS = {
	short: { narrow: 150, wide: 170 },
	medium: { narrow: 200, wide: 240 },
	tall: { narrow: 240, wide: 290 }
} as const;

/** Below this width (in CSS pixels) a chart counts as narrow. */
export const NARROW = 480;

export function chartHeight(width: number, size: keyof typeof HEIGHTS): number {
	return width < NARROW ? HEIGHTS[size].narrow : HEIGHTS[size].wide;
}

/** The height a chart of `rows` bands needs: each band `rowHeight` pixels, plus the margins. */
export function heightForRows(rows: number, rowHeight: number, options: FrameOptions = {}): number {
	const margin = marginFor(options);
	return margin.top + rows * rowHeight + margin.bottom;
}
