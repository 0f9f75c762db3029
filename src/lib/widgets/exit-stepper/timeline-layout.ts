/**
 * Where the timeline draws everything, in pixels: one row per mode, split into one lane per exit
 * reason (so marks of different reasons never cover each other, and a reason keeps its lane's height
 * as well as its colour and shape), a strip below the rows for the brush, and the x axis of guest
 * instructions retired. At most one mark per reason per pixel column (timeline.ts `thin`), so a run
 * of 35,000 exits draws a few thousand marks at most.
 */
import { markerAt } from '../../chart/markers.ts';
import { frame, size, type Frame } from '../../chart/frame.ts';
import { continuous, type Scale } from '../../chart/scales.ts';
import { ticks, type Tick } from '../../chart/ticks.ts';
import type { ExitReason } from '../../emulator/vmm/exit-reasons.ts';
import type { ExitSeries } from '../../emulator/vmm/exit-series.ts';
import type { ExitRecord, VmMode } from '../../emulator/vmm/exit-trace.ts';
import { thin, type Domain, type ReasonStyle } from './timeline.ts';

export const LANE = 8;
export const ROW_GAP = 10;
export const BRUSH_STRIP = 22;

export interface TimelineRow {
	mode: VmMode;
	records: ExitSeries;
	/** The exit the student is at in this mode, if any. */
	current?: ExitRecord;
}

export interface Mark {
	x: number;
	y: number;
	reason: ExitReason;
	style: ReasonStyle;
	/** How many exits this mark stands for (in its pixel column). */
	count: number;
	seq: number;
}

export interface RowBox {
	mode: VmMode;
	top: number;
	height: number;
	/** x of the current exit, when it is in view. */
	current?: number;
}

export interface TimelineLayout {
	frame: Frame;
	x: Scale;
	ticks: Tick[];
	rows: RowBox[];
	marks: Mark[];
	brush: { top: number; height: number };
}

/** The lane of each reason: its place in the palette (the legend's order). */
function laneCount(palette: ReadonlyMap<ExitReason, ReasonStyle>): number {
	return Math.max(1, palette.size);
}

/** The chart's height for `rows` modes and the palette's reasons. */
export function timelineHeight(
	rows: number,
	palette: ReadonlyMap<ExitReason, ReasonStyle>
): number {
	const margin = frame(0, 0).margin;
	return margin.top + rows * (laneCount(palette) * LANE + ROW_GAP) + BRUSH_STRIP + margin.bottom;
}

export function timelineLayout(
	width: number,
	rows: readonly TimelineRow[],
	domain: Domain,
	palette: ReadonlyMap<ExitReason, ReasonStyle>
): TimelineLayout {
	const f = frame(width, timelineHeight(rows.length, palette));
	const x = continuous([domain[0], domain[1]], [f.left, f.right], { nice: false });
	const rowHeight = laneCount(palette) * LANE;
	const boxes: RowBox[] = [];
	const marks: Mark[] = [];
	rows.forEach((row, i) => {
		const top = f.top + i * (rowHeight + ROW_GAP);
		const c = row.current;
		const inView = c && c.guestInstructions >= domain[0] && c.guestInstructions <= domain[1];
		boxes.push({
			mode: row.mode,
			top,
			height: rowHeight,
			current: inView ? x(c.guestInstructions) : undefined
		});
		for (const { seq, progress, reason, count } of thin(row.records, domain, size(f.innerWidth))) {
			const style = palette.get(reason);
			if (!style) continue;
			marks.push({
				x: x(progress),
				y: top + style.index * LANE + LANE / 2,
				reason,
				style,
				count,
				seq
			});
		}
	});
	const brushTop = f.top + rows.length * (rowHeight + ROW_GAP);
	return {
		frame: f,
		x,
		ticks: ticks(x, 'x', ',d'),
		rows: boxes,
		marks,
		brush: { top: brushTop, height: size(Math.min(BRUSH_STRIP, f.bottom - brushTop)) }
	};
}

/**
 * The marks as one SVG path per reason (each mark a small closed shape at its place): a dozen
 * elements for the browser to lay out instead of thousands, so a redraw while the worker streams
 * records stays short.
 */
export function markPaths(marks: readonly Mark[], r: number): { style: ReasonStyle; d: string }[] {
	const byReason = new Map<ExitReason, { style: ReasonStyle; parts: string[] }>();
	for (const m of marks) {
		let entry = byReason.get(m.reason);
		if (!entry) byReason.set(m.reason, (entry = { style: m.style, parts: [] }));
		entry.parts.push(`M${round(m.x)},${round(m.y)}${markerAt(m.style.shape, r)}`);
	}
	return [...byReason.values()]
		.sort((a, b) => a.style.index - b.style.index)
		.map((e) => ({ style: e.style, d: e.parts.join('') }));
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}
