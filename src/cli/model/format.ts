/** Human-readable output of model results: aligned `name  value` lines, numbers to 6 digits. */

export function formatNumber(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString('en-US');
	if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e12)) return x.toExponential(4);
	const rounded = Number(x.toPrecision(6));
	return Number.isInteger(rounded) ? rounded.toLocaleString('en-US') : String(rounded);
}

export function formatValue(v: unknown): string {
	if (typeof v === 'number') return formatNumber(v);
	if (Array.isArray(v)) {
		if (v.length > 12) {
			return `[${v.slice(0, 12).map(formatValue).join(', ')}, … ${v.length} values]`;
		}
		return `[${v.map(formatValue).join(', ')}]`;
	}
	if (v === null || v === undefined) return '-';
	if (typeof v === 'object') return JSON.stringify(v);
	return String(v);
}

/**
 * The length of the longest string. A loop rather than Math.max(...lengths): spreading passes
 * every element as an argument, and a table of 150,000 rows overflows the call stack.
 */
function longest(strings: string[]): number {
	let width = 0;
	for (const s of strings) width = Math.max(width, s.length);
	return width;
}

/** One line per entry, labels padded to a column. */
export function formatTable(rows: [string, unknown][]): string {
	const width = longest(rows.map(([k]) => k));
	return rows.map(([k, v]) => `${k.padEnd(width)}  ${formatValue(v)}`).join('\n') + '\n';
}

/** A plain text table with a header row, columns padded to their widest cell. */
export function formatGrid(header: string[], rows: unknown[][]): string {
	const cells = [header, ...rows.map((r) => r.map(formatValue))];
	const widths = header.map((_, i) => longest(cells.map((r) => String(r[i]))));
	return (
		cells
			.map((r) =>
				r
					.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
					.join('  ')
			)
			.join('\n') + '\n'
	);
}
