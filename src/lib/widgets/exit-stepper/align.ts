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
import { slice, type ExitSeries } from '../../emulator/vmm/exit-series.ts';
import type { ExitRecord } from '../../emulator/vmm/exit-trace.ts';

/** A window of guest progress: [from, to). */
export interface ProgressWindow {
	from: number;
	to: number;
}

/** Index of the first record with guestInstructions ≥ progress (records sorted by progress). */
export function lowerBound(records: ExitSeries, progress: number): number {
	let lo = 0;
	let hi = records.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (records.progress(mid) < progress) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The records whose progress falls in the window, in order. */
export function inWindow(records: ExitSeries, w: ProgressWindow): ExitRecord[] {
	return slice(records, lowerBound(records, w.from), lowerBound(records, w.to));
}

/**
 * The other mode's exit nearest in progress to `record` (the earlier one on a tie), for keeping
 * the two views in step; undefined when the other mode has no exits.
 */
export function counterpart(record: ExitRecord, other: ExitSeries): ExitRecord | undefined {
	if (other.length === 0) return undefined;
	const progress = record.guestInstructions;
	const i = lowerBound(other, progress);
	// Among exits at the same progress, take the first: the same point of the guest's work.
	if (i === other.length) return other.at(i - 1);
	if (i === 0 || other.progress(i) === progress) return other.at(i);
	return progress - other.progress(i - 1) <= other.progress(i) - progress
		? other.at(i - 1)
		: other.at(i);
}
