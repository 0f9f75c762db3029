/**
 * The data of a chart as a table, for readers who cannot see the chart and for anyone who wants
 * the exact numbers: a caption, column headers, and one row per datum whose first cell names it.
 */
export type Cell = string | number;

export interface TableRow {
	/** A stable key for the row (also written as data-row, for tests and styling). */
	key: string;
	cells: Cell[];
	/** Drawn in bold: the row the chart is about (the chosen heuristic, say). */
	highlight?: boolean;
}

export interface DataTable {
	caption: string;
	columns: string[];
	rows: TableRow[];
}

/**
 * A table of sampled series: one row per x, one column per series. `format` writes the numbers
 * (a missing value is a dash).
 */
export function seriesTable(input: {
	caption: string;
	xLabel: string;
	xs: number[];
	formatX: (x: number) => string;
	series: { label: string; values: (number | null)[] }[];
	format: (value: number) => string;
}): DataTable {
	return {
		caption: input.caption,
		columns: [input.xLabel, ...input.series.map((s) => s.label)],
		rows: input.xs.map((x, i) => ({
			key: String(i),
			cells: [
				input.formatX(x),
				...input.series.map((s) => {
					const v = s.values[i];
					return v === null || !Number.isFinite(v) ? '—' : input.format(v);
				})
			]
		}))
	};
}
