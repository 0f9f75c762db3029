/**
 * How a cell shows any mathjs value: numbers as `formatNumber` prints them, mathjs units with
 * mathjs's choice of prefix (1200 W -> 1.2 kW), matrices and the rest as mathjs prints them.
 * Part of the engine (it needs mathjs); the page before the engine loads shows the text that the
 * build computed with this same function.
 */
import { formatNumber } from './format.ts';
import { math } from './math.ts';

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
