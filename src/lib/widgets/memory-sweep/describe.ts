/**
 * The sweep in words, in the page's language: names of the variants and the parameter, the
 * crossover labels ("shadow paging cheaper from WSET = 128"), the read-out at a point and the data
 * table with the columns of `virtlab vm --sweep --csv`.
 */
import type { DataTable } from '../../chart/table.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatCount } from '../../i18n/plural.ts';
import type { Crossover, SweepPoint } from '../../emulator/vmm/sweep.ts';
import { tableRows, type Measure } from './layout.ts';
import type { MemorySweepVariant } from './schema.ts';
import { say } from './say.ts';

export function variantName(lang: Lang, variant: MemorySweepVariant): string {
	return say(lang, `memorySweep.variant.${variant}`);
}

/** "working set (pages)" for WSET, the parameter's own name for the others. */
export function parameterName(lang: Lang, parameter: string): string {
	return parameter === 'WSET' || parameter === 'RATE'
		? say(lang, `memorySweep.parameter.${parameter}`)
		: say(lang, 'memorySweep.parameter.other', { name: parameter });
}

/** What changes at a crossover: which one is cheaper from which point on. */
export function crossoverText(lang: Lang, crossover: Crossover, parameter: string): string {
	const cheaper = crossover.after === 'trap' ? 'trap' : crossover.variant;
	return say(lang, `memorySweep.cheaper.${cheaper}`, { parameter, value: crossover.value });
}

/** A value on the chart's axis: whole cycles, or cycles per instruction to two decimals. */
export function formatMeasure(lang: Lang, value: number, measure: Measure): string {
	return formatCount(lang, measure === 'cycles' ? Math.round(value) : value);
}

/** "WSET = 128: Shadow paging (trap) 3,966,816; …" (a dash for a run not ended yet). */
export function readoutText(
	lang: Lang,
	parameter: string,
	value: number,
	variants: readonly MemorySweepVariant[],
	values: readonly (number | null)[],
	measure: Measure
): string {
	const parts = variants.map(
		(v, i) =>
			`${variantName(lang, v)} ${values[i] === null ? '—' : formatMeasure(lang, values[i], measure)}`
	);
	const separator = lang === 'zh' ? '；' : '; ';
	return say(lang, 'memorySweep.readout', { parameter, value, values: parts.join(separator) });
}

/** The runs as a table: the columns and rows of `virtlab vm --sweep --csv`, numbers grouped. */
export function sweepTable(
	lang: Lang,
	parameter: string,
	points: readonly SweepPoint[]
): DataTable {
	return {
		caption: say(lang, 'memorySweep.tableCaption'),
		columns: [
			parameter,
			say(lang, 'memorySweep.column.variant'),
			say(lang, 'memorySweep.column.instructions'),
			say(lang, 'memorySweep.column.exits'),
			say(lang, 'memorySweep.column.walks'),
			say(lang, 'memorySweep.column.cycles')
		],
		rows: tableRows(points).map((cells) => ({
			key: `${cells[0]}-${cells[1]}`,
			cells: cells.map((c, column) => (column >= 2 ? formatCount(lang, Number(c)) : c))
		}))
	};
}
