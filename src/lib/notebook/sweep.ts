/**
 * What a plot draws: the lesson re-run once per sample of a swept variable, with one or more
 * expressions read from each run. Re-running the program (rather than asking authors for closed-form
 * functions) means a plot shows exactly what the cells would show if the student moved that slider to
 * each sample in turn.
 *
 * To stay fast while a slider is dragged, a sweep starts from the notebook's current run (no extra
 * full run) and re-evaluates per sample only the statements that depend on x and feed the plot
 * (dependencies.ts). And it has a time budget: a sweep that would take longer stops at the sample it
 * has reached, and the plot says so (a cell such as `sum(1:2e6) * u` costs a second per sample).
 */
import type { EvalFunction } from 'mathjs';
import { sweepSlice } from './dependencies.ts';
import { math } from './math.ts';
import { runProgram, type CompiledCell, type Run } from './program.ts';
import type { SeriesView } from './views.ts';

export { samples } from './samples.ts';

export type Series = SeriesView;

export { sweepBudgetMs } from './budgets.ts';

export interface SweepOptions {
	/** False forces a full re-run per sample (tests compare the two). */
	slice?: boolean;
	/** A complete run of the same program (the notebook's current one), to start from. */
	base?: Run;
	budgetMs?: number;
	now?: () => number;
}

/** A plotted expression: compiled, with the names it reads. */
export interface PlotExpression {
	code: EvalFunction;
	reads: string[];
}

export function plotExpression(text: string): PlotExpression {
	const node = math.parse(text);
	const reads = node
		.filter((n) => math.isSymbolNode(n))
		.map((n) => (n as unknown as { name: string }).name);
	return { code: node.compile(), reads };
}

/** A plotted number from a mathjs value; units are converted to `unit` when one is given. */
export function plotNumber(value: unknown, unit?: string): number | null {
	let n: number;
	if (typeof value === 'number') n = value;
	else if (math.isUnit(value)) {
		try {
			n = unit ? value.toNumber(unit) : value.toNumber();
		} catch {
			return null;
		}
	} else if (math.isBigNumber(value) || math.isFraction(value)) n = Number(value);
	else return null;
	return Number.isFinite(n) ? n : null;
}

/** The scope a full run with x = xValue would leave, computed from the base run and a slice. */
function scopeFor(
	program: CompiledCell[],
	vars: Record<string, number>,
	x: string,
	xValue: number,
	base: Map<string, unknown>,
	slice: ReturnType<typeof sweepSlice>
): Map<string, unknown> {
	if (slice === null) return runProgram(program, { ...vars, [x]: xValue }).scope;
	const scope = new Map(base);
	scope.set(x, xValue);
	let failedCell = -1;
	for (const { cell, statement } of slice) {
		if (cell === failedCell) continue;
		const compiled = program[cell];
		if ('error' in compiled) continue;
		try {
			compiled.statements[statement].code.evaluate(scope);
		} catch {
			// As in a full run, the rest of this cell does not run: forget what it would have set.
			failedCell = cell;
			for (const later of compiled.statements.slice(statement)) {
				if (later.assigns !== undefined) scope.delete(later.assigns);
			}
		}
	}
	return scope;
}

export interface SweepResult {
	series: Series[];
	/** Samples computed before the budget ran out: `xs.length` when the sweep finished. */
	done: number;
}

export function sweepWithin(
	program: CompiledCell[],
	vars: Record<string, number>,
	x: string,
	xs: number[],
	expressions: PlotExpression[],
	options: SweepOptions = {}
): SweepResult {
	const now = options.now ?? (() => performance.now());
	const deadline = now() + (options.budgetMs ?? Infinity);
	// The base run gives every value that does not depend on x; x is set so that those that do can
	// run too (the caller may leave x out of vars, since every sample overrides it).
	const base =
		options.base && options.base.program === program
			? options.base
			: runProgram(program, { ...vars, [x]: xs[0] ?? vars[x] });
	const baseVars = { ...base.vars };
	const baseHasErrors = base.stopped || [...base.cells.values()].some((r) => r.status === 'error');
	const wanted = expressions.flatMap((e) => e.reads);
	const slice = options.slice === false ? null : sweepSlice(program, x, wanted, baseHasErrors);

	const series: Series[] = expressions.map(() => ({ values: [] }));
	let done = 0;
	for (const xValue of xs) {
		if (done > 0 && now() > deadline) break;
		const scope = scopeFor(program, baseVars, x, xValue, base.scope, slice);
		expressions.forEach(({ code }, i) => {
			const line = series[i];
			// The scope is this sample's own copy, so evaluating in it directly is safe.
			let value: unknown;
			try {
				value = code.evaluate(scope);
			} catch (error) {
				line.error ??= error instanceof Error ? error.message : String(error);
				line.values.push(null);
				return;
			}
			if (math.isUnit(value) && line.unit === undefined) line.unit = value.formatUnits();
			line.values.push(plotNumber(value, line.unit));
		});
		done++;
	}
	// A stopped sweep leaves the rest of each line empty rather than short.
	for (const line of series) while (line.values.length < xs.length) line.values.push(null);
	return { series, done };
}

/** The whole sweep, however long it takes (tests, and the build's prerendered plots). */
export function sweep(
	program: CompiledCell[],
	vars: Record<string, number>,
	x: string,
	xs: number[],
	expressions: PlotExpression[],
	options: { slice?: boolean } = {}
): Series[] {
	return sweepWithin(program, vars, x, xs, expressions, options).series;
}
