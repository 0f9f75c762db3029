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

/** The reasons occurring in some records. */
export function reasonsOf(...runs: (readonly ExitRecord[])[]): Set<ExitReason> {
	const set = new Set<ExitReason>();
	for (const records of runs) for (const r of records) set.add(r.reason);
	return set;
}

/** A guest-progress domain [from, to]. */
export type Domain = readonly [number, number];

/** The whole run's domain: from 0 to the end of progress (at least 1 wide). */
export function fullDomain(records: readonly ExitRecord[], guestInstructions = 0): Domain {
	const last = records.length > 0 ? records[records.length - 1].guestInstructions : 0;
	return [0, Math.max(1, guestInstructions, last)];
}

/** The records inside a domain (inclusive), as an index range and the records. */
export function visible(
	records: readonly ExitRecord[],
	d: Domain
): { start: number; end: number; records: readonly ExitRecord[] } {
	const start = lowerBound(records, d[0]);
	const end = lowerBound(records, d[1] + 1);
	return { start, end, records: records.slice(start, end) };
}

/**
 * At most one mark per reason per pixel column: a zoomed-out timeline of 35,000 exits draws a few
 * thousand marks and looks the same. Each kept mark carries how many exits it stands for.
 */
export function thin(
	records: readonly ExitRecord[],
	d: Domain,
	pixels: number
): { record: ExitRecord; count: number }[] {
	const { records: shown } = visible(records, d);
	const width = Math.max(1, Math.floor(pixels));
	const span = d[1] - d[0] || 1;
	const out: { record: ExitRecord; count: number }[] = [];
	const column = new Map<ExitReason, { record: ExitRecord; count: number }>();
	let currentColumn = -1;
	for (const r of shown) {
		const c = Math.min(width - 1, Math.floor(((r.guestInstructions - d[0]) / span) * width));
		if (c !== currentColumn) {
			column.clear();
			currentColumn = c;
		}
		const mark = column.get(r.reason);
		if (mark) mark.count++;
		else {
			const m = { record: r, count: 1 };
			column.set(r.reason, m);
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
 * What a brush over [x0, x1] (either order) selects: the first and last exits inside and how many
 * of each reason, or undefined if it catches none.
 */
export function brush(
	records: readonly ExitRecord[],
	x0: number,
	x1: number
): { first: number; last: number; count: number; byReason: Map<ExitReason, number> } | undefined {
	const lo = Math.min(x0, x1);
	const hi = Math.max(x0, x1);
	const start = lowerBound(records, Math.ceil(lo));
	const end = lowerBound(records, Math.floor(hi) + 1);
	if (end <= start) return undefined;
	const byReason = new Map<ExitReason, number>();
	for (let i = start; i < end; i++)
		byReason.set(records[i].reason, (byReason.get(records[i].reason) ?? 0) + 1);
	return { first: records[start].seq, last: records[end - 1].seq, count: end - start, byReason };
}

/** The exit nearest to a progress value (the earlier one on a tie), for a click on the timeline. */
export function nearest(records: readonly ExitRecord[], progress: number): ExitRecord | undefined {
	if (records.length === 0) return undefined;
	const i = lowerBound(records, progress);
	const after = records[i];
	const before = records[i - 1];
	if (!after) return before;
	if (!before) return after;
	return progress - before.guestInstructions <= after.guestInstructions - progress ? before : after;
}
