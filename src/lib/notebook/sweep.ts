/**
 * What a plot draws: the lesson re-run once per sample of a swept variable, with one or more
 * expressions read from each run. Re-running the program (rather than asking authors for closed-form
 * functions) means a plot shows exactly what the cells would show if the student moved that slider to
 * each sample in turn. To stay fast while a slider is dragged, only the statements that depend on x
 * and feed the plot are re-run per sample (dependencies.ts).
 */
import type { EvalFunction } from 'mathjs';
import { sweepSlice } from './dependencies.ts';
import { math } from './math.ts';
import { runProgram, type CompiledCell } from './program.ts';

export interface Series {
	/** One entry per sample; null where the value is missing or not a finite number. */
	values: (number | null)[];
	/** The mathjs unit the values are expressed in, when the expression yields units. */
	unit?: string;
	/** The first error met while evaluating, shown in place of the line. */
	error?: string;
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

/** Evenly spaced samples from `from` to `to`; geometric spacing for a log axis. */
export function samples(from: number, to: number, points: number, log = false): number[] {
	const xs: number[] = [];
	for (let i = 0; i < points; i++) {
		const t = points === 1 ? 0 : i / (points - 1);
		xs.push(log ? from * Math.pow(to / from, t) : from + (to - from) * t);
	}
	return xs;
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

export function sweep(
	program: CompiledCell[],
	vars: Record<string, number>,
	x: string,
	xs: number[],
	expressions: PlotExpression[],
	options: { slice?: boolean } = {}
): Series[] {
	// The base run gives every value that does not depend on x; x is set so that those that do can
	// run too (the caller may leave x out of vars, since every sample overrides it).
	const base = runProgram(program, { ...vars, [x]: xs[0] ?? vars[x] });
	const baseHasErrors = [...base.cells.values()].some((r) => r.status === 'error');
	const wanted = expressions.flatMap((e) => e.reads);
	const slice = options.slice === false ? null : sweepSlice(program, x, wanted, baseHasErrors);

	const series: Series[] = expressions.map(() => ({ values: [] }));
	for (const xValue of xs) {
		const scope = scopeFor(program, vars, x, xValue, base.scope, slice);
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
	}
	return series;
}
