/**
 * A run's exit records read by position, whatever holds them: the array an ExitLog keeps, or the
 * page's packed copy of what the exit stepper's worker sent (worker/packed-exits.ts), which builds
 * a record only when asked for one. A timeline of tens of thousands of exits needs only each
 * exit's guest progress and reason, and those come without building anything.
 *
 * Index i (from 0) holds the exit whose `seq` is i + 1.
 */
import type { ExitReason } from './exit-reasons.ts';
import type { ExitRecord } from './exit-trace.ts';

export interface ExitSeries {
	/** How many records there are now (a series being filled grows). */
	readonly length: number;
	/** Record i, built if need be. */
	at(index: number): ExitRecord;
	/** Record i's guest progress (`guestInstructions`). */
	progress(index: number): number;
	/** Record i's reason. */
	reason(index: number): ExitReason;
}

/** An array of records as a series. */
export function seriesOf(records: readonly ExitRecord[]): ExitSeries {
	return {
		get length() {
			return records.length;
		},
		at: (i) => records[i],
		progress: (i) => records[i].guestInstructions,
		reason: (i) => records[i].reason
	};
}

/** Records start..end-1 of a series, built. */
export function slice(series: ExitSeries, start = 0, end = series.length): ExitRecord[] {
	const out: ExitRecord[] = [];
	for (let i = Math.max(0, start); i < Math.min(end, series.length); i++) out.push(series.at(i));
	return out;
}
