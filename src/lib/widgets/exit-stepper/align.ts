/**
 * Two modes side by side, lined up by guest progress: an exit's `guestInstructions` counts the
 * guest instructions completed before it, the same count in every mode for the same guest (trap
 * mode counts the instructions its monitor emulated, hw mode retires them), so exits at equal
 * progress happened at the same point of the guest's work. Where one mode has an exit and the other
 * has none, that is work one monitor must step into and the other need not.
 *
 * pv mode runs a modified kernel (hypercalls instead of privileged instructions), so its progress
 * counts different instructions: it lines up with the others only roughly.
 */
import type { ExitRecord } from '../../emulator/vmm/exit-trace.ts';

/** A window of guest progress: [from, to). */
export interface ProgressWindow {
	from: number;
	to: number;
}

/** Index of the first record with guestInstructions ≥ progress (records sorted by progress). */
export function lowerBound(records: readonly ExitRecord[], progress: number): number {
	let lo = 0;
	let hi = records.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (records[mid].guestInstructions < progress) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The records whose progress falls in the window, in order. */
export function inWindow(records: readonly ExitRecord[], w: ProgressWindow): ExitRecord[] {
	return records.slice(lowerBound(records, w.from), lowerBound(records, w.to));
}

/** A point of guest progress at which at least one of the two modes exits. */
export interface AlignedRow {
	progress: number;
	a: ExitRecord[];
	b: ExitRecord[];
}

/**
 * The exits of two modes within a window, merged by progress: one row per progress value at which
 * either exits, with each side's exits there (often several in a row: a CSR write and the SRET
 * after it in trap mode; none in hw mode).
 */
export function align(
	a: readonly ExitRecord[],
	b: readonly ExitRecord[],
	w: ProgressWindow
): AlignedRow[] {
	const xs = inWindow(a, w);
	const ys = inWindow(b, w);
	const rows: AlignedRow[] = [];
	let i = 0;
	let j = 0;
	while (i < xs.length || j < ys.length) {
		const p = Math.min(
			i < xs.length ? xs[i].guestInstructions : Infinity,
			j < ys.length ? ys[j].guestInstructions : Infinity
		);
		const row: AlignedRow = { progress: p, a: [], b: [] };
		while (i < xs.length && xs[i].guestInstructions === p) row.a.push(xs[i++]);
		while (j < ys.length && ys[j].guestInstructions === p) row.b.push(ys[j++]);
		rows.push(row);
	}
	return rows;
}

/** Counts for a window: exits of each side, and rows where only one side exits. */
export function alignSummary(rows: readonly AlignedRow[]) {
	let a = 0;
	let b = 0;
	let onlyA = 0;
	let onlyB = 0;
	let both = 0;
	for (const r of rows) {
		a += r.a.length;
		b += r.b.length;
		if (r.a.length > 0 && r.b.length > 0) both++;
		else if (r.a.length > 0) onlyA++;
		else onlyB++;
	}
	return { a, b, onlyA, onlyB, both };
}

/** A window of `width` instructions centred on an exit's progress (from never below 0). */
export function windowAround(record: ExitRecord, width: number): ProgressWindow {
	const from = Math.max(0, Math.round(record.guestInstructions - width / 2));
	return { from, to: from + Math.max(1, width) };
}

/**
 * The other mode's exit nearest in progress to `record` (the earlier one on a tie), for keeping
 * the two views in step; undefined when the other mode has no exits.
 */
export function counterpart(
	record: ExitRecord,
	other: readonly ExitRecord[]
): ExitRecord | undefined {
	if (other.length === 0) return undefined;
	const i = lowerBound(other, record.guestInstructions);
	// Among exits at the same progress, take the first: the same point of the guest's work.
	if (i < other.length && other[i].guestInstructions === record.guestInstructions) return other[i];
	const after = other[i];
	const before = other[i - 1];
	if (!after) return before;
	if (!before) return after;
	return record.guestInstructions - before.guestInstructions <=
		after.guestInstructions - record.guestInstructions
		? before
		: after;
}
