/**
 * Data for the exit timeline: one mark per exit at x = guest progress, coloured by reason, and the
 * zoom, pan and brush arithmetic, all pure (a domain in, the visible marks out) so that the D3 layer
 * only draws.
 *
 * Colours come from the course's one series palette (src/lib/chart/palette.ts, Okabe–Ito, safe for
 * the common colour-vision deficiencies). It has six colours and a run can show up to twelve
 * reasons, so each reason also gets a marker shape and a fill pattern: no two reasons of a chart
 * share all three, and reasons differ without colour too.
 */
import { SERIES_COUNT, seriesColor, seriesPattern, type PatternKind } from '../../chart/palette.ts';
import { EXIT_REASONS, type ExitReason } from '../../emulator/vmm/exit-reasons.ts';
import type { ExitSeries } from '../../emulator/vmm/exit-series.ts';
import type { ExitRecord } from '../../emulator/vmm/exit-trace.ts';
import { lowerBound } from './align.ts';

import { MARKER_SHAPES, type MarkerShape } from '../../chart/markers.ts';

export { MARKER_SHAPES, type MarkerShape };

export interface ReasonStyle {
	reason: ExitReason;
	/** Position in the legend, and the palette index. */
	index: number;
	color: string;
	pattern: PatternKind;
	shape: MarkerShape;
}

/**
 * Styles for the reasons present, in the canonical order of EXIT_REASONS (so the legend reads the
 * same in every mode and a reason keeps its colour across the modes shown together: pass the union
 * of their reasons).
 */
export function reasonPalette(reasons: Iterable<ExitReason>): Map<ExitReason, ReasonStyle> {
	const present = new Set(reasons);
	const styles = new Map<ExitReason, ReasonStyle>();
	let index = 0;
	for (const reason of Object.keys(EXIT_REASONS) as ExitReason[]) {
		if (!present.has(reason)) continue;
		styles.set(reason, {
			reason,
			index,
			color: seriesColor(index),
			pattern: seriesPattern(index),
			shape: MARKER_SHAPES[Math.floor(index / SERIES_COUNT) % MARKER_SHAPES.length]
		});
		index++;
	}
	return styles;
}

/** A guest-progress domain [from, to]. */
export type Domain = readonly [number, number];

/** The whole run's domain: from 0 to the end of progress (at least 1 wide). */
export function fullDomain(records: ExitSeries, guestInstructions = 0): Domain {
	const last = records.length > 0 ? records.progress(records.length - 1) : 0;
	return [0, Math.max(1, guestInstructions, last)];
}

/** The records inside a domain (inclusive), as a range of indices [start, end). */
export function visible(records: ExitSeries, d: Domain): { start: number; end: number } {
	return { start: lowerBound(records, d[0]), end: lowerBound(records, d[1] + 1) };
}

/** A mark of the timeline: the first exit of its reason in its pixel column, and how many there are. */
export interface ThinnedMark {
	seq: number;
	progress: number;
	reason: ExitReason;
	count: number;
}

/**
 * At most one mark per reason per pixel column: a zoomed-out timeline of 35,000 exits draws a few
 * thousand marks and looks the same. Each kept mark carries how many exits it stands for. Only the
 * exits' progress and reason are read: no record is built.
 */
export function thin(records: ExitSeries, d: Domain, pixels: number): ThinnedMark[] {
	const { start, end } = visible(records, d);
	const width = Math.max(1, Math.floor(pixels));
	const span = d[1] - d[0] || 1;
	const out: ThinnedMark[] = [];
	const column = new Map<ExitReason, ThinnedMark>();
	let currentColumn = -1;
	for (let i = start; i < end; i++) {
		const progress = records.progress(i);
		const reason = records.reason(i);
		const c = Math.min(width - 1, Math.floor(((progress - d[0]) / span) * width));
		if (c !== currentColumn) {
			column.clear();
			currentColumn = c;
		}
		const mark = column.get(reason);
		if (mark) mark.count++;
		else {
			const m = { seq: i + 1, progress, reason, count: 1 };
			column.set(reason, m);
			out.push(m);
		}
	}
	return out;
}

/** The narrowest domain zoom allows: a few instructions still spread over the axis. */
export const MIN_SPAN = 16;

function clamp(d: Domain, extent: Domain): Domain {
	const full = extent[1] - extent[0];
	const span = Math.min(full, Math.max(Math.min(MIN_SPAN, full), d[1] - d[0]));
	let from = d[0];
	if (from < extent[0]) from = extent[0];
	if (from + span > extent[1]) from = extent[1] - span;
	return [from, from + span];
}

/**
 * Zooms by `factor` (> 1 in, < 1 out) about `anchor` (a progress value that stays put on screen:
 * the pointer, or the current exit from the keyboard), inside `extent`.
 */
export function zoom(d: Domain, factor: number, anchor: number, extent: Domain): Domain {
	const f = factor > 0 && Number.isFinite(factor) ? factor : 1;
	const from = anchor - (anchor - d[0]) / f;
	const to = anchor + (d[1] - anchor) / f;
	return clamp([from, to], extent);
}

/**
 * Two fingers pinching: the progress values `a` and `b` that were under them when they touched
 * stay under them, now at `at` (two x offsets in pixels from the plotting area's left edge, which
 * is `width` pixels wide). Spreading the fingers zooms in, bringing them together zooms out, moving
 * both pans; the result stays inside `extent`.
 */
export function pinch(
	[a, b]: [number, number],
	at: [number, number],
	width: number,
	extent: Domain
): Domain | undefined {
	const pixels = at[1] - at[0];
	if (Math.abs(pixels) < 1 || a === b || width <= 0) return undefined;
	const perPixel = (b - a) / pixels;
	if (!(perPixel > 0)) return undefined;
	const from = a - at[0] * perPixel;
	return clamp([from, from + width * perPixel], extent);
}

/** Pans by `delta` instructions (positive: later), keeping the span, inside `extent`. */
export function pan(d: Domain, delta: number, extent: Domain): Domain {
	return clamp([d[0] + delta, d[1] + delta], extent);
}

/** A domain that shows an exit, keeping the span and moving only if the exit is outside. */
export function reveal(d: Domain, record: ExitRecord, extent: Domain): Domain {
	const x = record.guestInstructions;
	if (x >= d[0] && x <= d[1]) return d;
	const span = d[1] - d[0];
	return clamp([x - span / 2, x + span / 2], extent);
}

/**
 * The `seq` of the exit nearest to a progress value (the earlier one on a tie), for a click on the
 * timeline; undefined when there are none.
 */
export function nearest(records: ExitSeries, progress: number): number | undefined {
	if (records.length === 0) return undefined;
	const i = lowerBound(records, progress);
	if (i === records.length) return i;
	if (i === 0) return 1;
	return progress - records.progress(i - 1) <= records.progress(i) - progress ? i : i + 1;
}
