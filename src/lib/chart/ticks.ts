/** Tick marks as plain data (value, pixel position, label), for the Axis and Gridlines components. */
import { format } from 'd3-format';
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
 * How a log axis writes its values when the author gives no specifier: plain decimals with
 * thousands separators (0.01, 0.1, 1, 10, 1,000). D3's own default is SI prefixes, which make
 * 0.1 read "100m", as if it were a hundred metres.
 */
export const plainNumber = format(',~g');

function isLog(scale: Scale): boolean {
	return typeof (scale as { base?: unknown }).base === 'function';
}

/**
 * About one tick per `spacing` pixels of the axis, labelled with a d3-format specifier if given
 * (the scale's own format otherwise; plain decimals on a log axis).
 */
export function ticks(scale: Scale, axis: 'x' | 'y', specifier?: string): Tick[] {
	const [a, b] = scale.range();
	// At least three ticks: with two, d3 may choose a step so coarse that only one shows.
	const count = Math.max(3, Math.floor(Math.abs(b - a) / TICK_SPACING[axis]));
	// A log scale's tickFormat takes a function as well and still leaves crowded ticks unlabelled.
	const label =
		specifier === undefined && isLog(scale)
			? (
					scale.tickFormat as unknown as (n: number, f: (v: number) => string) => typeof plainNumber
				)(count, plainNumber)
			: scale.tickFormat(count, specifier);
	const all = scale
		.ticks(count)
		.map((value) => ({ value, at: scale(value), label: zero(label(value)) }));
	// A log axis keeps every tick: d3 already leaves the crowded ones unlabelled.
	return axis === 'x' && !isLog(scale) ? apart(all) : all;
}

/**
 * Roughly how much room a horizontal tick label takes: chart text is 12 px, a digit about 0.6 em
 * wide, and labels need a gap between them.
 */
export function labelRoom(label: string): number {
	return label.length * 7.2 + 8;
}

/**
 * Every tick, or every second, third, … from the first, whichever is the first to keep the labels
 * from running into each other: d3 picks a round step, which on a narrow axis can leave long labels
 * ("200,000") closer together than they are wide.
 */
function apart(all: Tick[]): Tick[] {
	for (let every = 1; every < all.length; every++) {
		const kept = all.filter((_, i) => i % every === 0);
		const fits = kept.every(
			(t, i) =>
				i === 0 ||
				Math.abs(t.at - kept[i - 1].at) >= (labelRoom(t.label) + labelRoom(kept[i - 1].label)) / 2
		);
		if (fits) return kept;
	}
	return all.slice(0, 1);
}

/**
 * An SI-prefixed axis (`~s`) gives every tick the prefix of its largest, so its zero reads "0M":
 * zero is written 0 whatever the unit's prefix.
 */
function zero(label: string): string {
	return /^[-−]?0(\.0+)?[a-zA-Zµ]$/.test(label) ? '0' : label;
}

/** One tick in the middle of each band, labelled by `label(index)`. */
export function bandTicks(scale: Band, label: (index: number) => string): Tick[] {
	return scale.domain().map((i) => ({
		value: i,
		at: round((scale(i) ?? 0) + scale.bandwidth() / 2),
		label: label(i)
	}));
}
