/**
 * How the course prints a number: five significant digits with thousands grouped, very large or
 * small numbers in exponent form. This module is free of mathjs on purpose: every widget prints
 * numbers with it, and a lesson page must show its numbers before mathjs has loaded
 * (docs/architecture.md, "Weight"). Values that need mathjs (units, matrices) are formatted by
 * `formatValue.ts`, part of the lazily loaded engine.
 */
import { formatLocale } from 'd3-format';

/** d3's default locale prints U+2212 for minus; a plain hyphen can be pasted back into a cell. */
const locale = formatLocale({
	decimal: '.',
	thousands: ',',
	grouping: [3],
	currency: ['', ''],
	minus: '-'
});
const grouped = locale.format(',.5~r');
const groupedInteger = locale.format(',d');
const exponent = locale.format('.4~e');

export function formatNumber(n: number): string {
	if (Number.isNaN(n)) return 'NaN';
	if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
	if (n === 0) return '0';
	const size = Math.abs(n);
	if (size >= 1e15 || size < 1e-4) return exponent(n);
	if (Number.isInteger(n)) return groupedInteger(n);
	return grouped(n);
}
