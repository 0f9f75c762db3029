/**
 * How a cell shows a value: numbers to five significant digits with thousands grouped, very large or
 * small numbers in exponent form, mathjs units with mathjs's choice of prefix (1200 W -> 1.2 kW).
 */
import { formatLocale } from 'd3-format';
import { math } from './math.ts';

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

const maxLength = 400;

function clip(text: string): string {
	return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A mathjs Unit, formatted with mathjs (which picks the prefix), its number re-formatted by us. */
function formatUnit(value: unknown): string {
	const text = math.format(value, { precision: 14 });
	const match = /^(\S+) (.+)$/.exec(text);
	const n = match ? Number(match[1]) : NaN;
	return match && Number.isFinite(n) ? `${formatNumber(n)} ${match[2]}` : text;
}

export function formatValue(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number') return formatNumber(value);
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'function') {
		const syntax = (value as { syntax?: unknown }).syntax;
		return typeof syntax === 'string' ? syntax : 'function';
	}
	if (math.isUnit(value)) return clip(formatUnit(value));
	return clip(math.format(value, { precision: 5 }));
}
