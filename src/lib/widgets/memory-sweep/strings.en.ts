/**
 * The memory-sweep widget's strings in English. Keys are shared with strings.zh-Hans.ts, which
 * must have every one (its type says so). `{name}` is filled by say.ts; plural choices follow
 * src/lib/i18n/plural.ts.
 */
export const memorySweepEn = {
	'memorySweep.title.wset': 'Model cycles against the working set',
	'memorySweep.title.ptrate': 'Model cycles against the page-table update rate',
	'memorySweep.parameter.WSET': 'working set (pages)',
	'memorySweep.parameter.RATE': 'page-table updates per block',
	'memorySweep.parameter.other': '{name}',
	'memorySweep.variant.trap': 'Shadow paging (trap)',
	'memorySweep.variant.hw': 'Two-stage translation (hw)',
	'memorySweep.variant.hw+megapages': 'Two-stage + megapages',
	'memorySweep.variant.hw+walk-cache': 'Two-stage + walk cache',
	'memorySweep.cheaper.trap': 'shadow paging cheaper from {parameter} = {value}',
	'memorySweep.cheaper.hw': 'two-stage translation cheaper from {parameter} = {value}',
	'memorySweep.cheaper.hw+megapages': 'two-stage + megapages cheaper from {parameter} = {value}',
	'memorySweep.cheaper.hw+walk-cache': 'two-stage + walk cache cheaper from {parameter} = {value}',
	'memorySweep.crossovers': 'Crossovers (the first point run at which the other is cheaper)',
	'memorySweep.noCrossover':
		'No crossover between shadow paging and two-stage translation in this range.',
	'memorySweep.measure': 'Show',
	'memorySweep.measure.cycles': 'model cycles',
	'memorySweep.measure.perInstruction': 'model cycles per guest instruction',
	'memorySweep.yLabel.cycles': 'Model cycles',
	'memorySweep.yLabel.perInstruction': 'Model cycles per guest instruction',
	'memorySweep.logScale': 'log scale',
	'memorySweep.rerun': 'Run again',
	'memorySweep.cancel': 'Stop',
	'memorySweep.progress': '{done} of {total, plural, one {# point} other {# points}} run',
	'memorySweep.running':
		'Running the guest: {done} of {total, plural, one {# point} other {# points}}…',
	'memorySweep.stopped': 'Stopped after {done} of {total, plural, one {# point} other {# points}}.',
	'memorySweep.failed': 'The sweep failed: {message}',
	'memorySweep.alt':
		'{measure} against {parameter} from {from} to {to}, one line per translation{crossovers}',
	'memorySweep.readoutLabel': 'Read the sweep point by point',
	'memorySweep.readoutHint': ' Arrow keys move between points.',
	'memorySweep.readoutEmpty': 'No point has been run yet.',
	'memorySweep.readout': '{parameter} = {value}: {values}',
	'memorySweep.tableCaption': 'The sweep’s runs, one row per point and translation',
	'memorySweep.column.variant': 'variant',
	'memorySweep.column.instructions': 'guest instructions',
	'memorySweep.column.exits': 'exits',
	'memorySweep.column.walks': 'walk references',
	'memorySweep.column.cycles': 'model cycles',
	'memorySweep.source':
		'Model cycles come from the cost model (core2), not from this computer: the same figures as virtlab vm --workload {workload} --sweep {parameter}={range} --csv.'
} as const;

export type MemorySweepKey = keyof typeof memorySweepEn;
