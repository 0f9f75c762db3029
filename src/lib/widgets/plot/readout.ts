/** The text of a plot's read-out: the x value and every line's value there, with units. */
import { formatNumber } from '../../notebook/format.ts';
import { format as d3format } from 'd3-format';

export interface ReadoutLine {
	label: string;
	value: number | null;
	unit?: string;
}

export function formatWith(specifier: string | undefined, value: number): string {
	return specifier ? d3format(specifier)(value).replace('\u2212', '-') : formatNumber(value);
}

export function readoutText(
	xName: string,
	xValue: number,
	xformat: string | undefined,
	lines: ReadoutLine[]
): string {
	const parts = lines.map(({ label, value, unit }) => {
		const shown = value === null ? '—' : formatNumber(value);
		return `${label} ${shown}${unit && value !== null ? ` ${unit}` : ''}`;
	});
	return `${xName} = ${formatWith(xformat, xValue)}: ${parts.join(' · ')}`;
}
