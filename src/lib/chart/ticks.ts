/** Tick marks as plain data (value, pixel position, label), for the Axis and Gridlines components. */
import { round } from './round.ts';
import type { Band, Scale } from './scales.ts';

export interface Tick {
	value: number;
	/** Pixel position along the axis. */
	at: number;
	label: string;
}

/** Pixels between ticks: horizontal labels need more room than stacked vertical ones. */
export const TICK_SPACING = { x: 70, y: 40 } as const;

/**
 * About one tick per `spacing` pixels of the axis, labelled with a d3-format specifier if given
 * (the scale's own format otherwise).
 */
export function ticks(scale: Scale, axis: 'x' | 'y', specifier?: string): Tick[] {
	const [a, b] = scale.range();
	// At least three ticks: with two, d3 may choose a step so coarse that only one shows.
	const count = Math.max(3, Math.floor(Math.abs(b - a) / TICK_SPACING[axis]));
	const format = scale.tickFormat(count, specifier);
	return scale.ticks(count).map((value) => ({ value, at: scale(value), label: format(value) }));
}

/** One tick in the middle of each band, labelled by `label(index)`. */
export function bandTicks(scale: Band, label: (index: number) => string): Tick[] {
	return scale.domain().map((i) => ({
		value: i,
		at: round((scale(i) ?? 0) + scale.bandwidth() / 2),
		label: label(i)
	}));
}
