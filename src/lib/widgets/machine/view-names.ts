/**
 * The workbench's views, in the order of its tabs. `console` (the UART) sits under the controls,
 * not in a tab: a program's output is what a student looks at first.
 */
export const VIEW_NAMES = [
	'console',
	'registers',
	'csrs',
	'disassembly',
	'memory',
	'traps',
	'tlb'
] as const;

export type ViewName = (typeof VIEW_NAMES)[number];
