/**
 * What the page shows of a notebook, as plain data: text already formatted, numbers already
 * computed. The build computes these views for the lesson as written (prerender.ts), so a page shows
 * every cell's values and every plot before mathjs loads; once it has loaded, the engine computes
 * the same views live (engine.ts). Nothing here imports mathjs.
 */

/** One value a cell shows: `name = text`, or the bare text of a statement without a name. */
export interface ValueRow {
	name?: string;
	text: string;
}

export interface CellView {
	/**
	 * `value`: rows to show; `quiet`: nothing to show (every statement ends with `;`); `error`: the
	 * rows computed before the failing statement, then `message`; `stopped`: the time budget ran out
	 * before this cell finished; `pending`: waiting for the engine (the student's saved edits or
	 * slider values differ from what the build computed).
	 */
	status: 'value' | 'quiet' | 'error' | 'stopped' | 'pending';
	rows: ValueRow[];
	message?: string;
}

export interface SeriesView {
	/** One entry per sample; null where the value is missing or not a finite number. */
	values: (number | null)[];
	/** The mathjs unit the values are expressed in, when the expression yields units. */
	unit?: string;
	/** The first error met while evaluating, shown in place of the line. */
	error?: string;
}

export interface PlotView {
	series: SeriesView[];
	/** Each line's value at the slider's current x. */
	current: (number | null)[];
	/** Samples computed before the sweep's time budget ran out (all of them, normally). */
	done: number;
}
