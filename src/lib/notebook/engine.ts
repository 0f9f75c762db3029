/**
 * The notebook's engine: everything that needs mathjs, behind one module that a lesson page loads
 * lazily (`import('./engine.ts')`, on the student's first interaction or when the browser is idle).
 * mathjs is most of a lesson page's JavaScript; the page shows the values the build computed with
 * this same module (prerender.ts) until it arrives. The build and the tests import it directly.
 */
import { formatValue } from './formatValue.ts';
import { math } from './math.ts';
import {
	compileCells,
	evaluateIn,
	runBudgetMs,
	runProgram,
	type CellResult,
	type CompiledCell,
	type Run
} from './program.ts';
import { plotExpression, plotNumber, sweepBudgetMs, sweepWithin } from './sweep.ts';
import type { CellView, PlotView, ValueRow } from './views.ts';
import type { ModelAnswer } from '../widgets/predict/check.ts';

export { compileCells, runProgram, runBudgetMs, sweepBudgetMs };
export type { CompiledCell, Run };

/** A function shows as `f = ƒ(x)`, the way notebooks print a function value. */
function rowText(value: unknown): string {
	if (typeof value === 'function') {
		const syntax = (value as { syntax?: unknown }).syntax;
		const params = typeof syntax === 'string' ? syntax.slice(syntax.indexOf('(')) : '()';
		return `ƒ${params}`;
	}
	return formatValue(value);
}

/** What a cell shows, as text: one row per visible statement, named when it assigns. */
export function cellView(result: CellResult | undefined): CellView {
	if (!result) return { status: 'quiet', rows: [] };
	const rows: ValueRow[] = result.values.map(({ name, value }) =>
		name === undefined ? { text: rowText(value) } : { name, text: rowText(value) }
	);
	return result.message === undefined
		? { status: result.status, rows }
		: { status: result.status, rows, message: result.message };
}

export interface PlotRequest {
	x: string;
	xs: number[];
	/** The mathjs expressions of its lines, left axis first. */
	expressions: string[];
}

const compiledExpressions = new Map<string, ReturnType<typeof plotExpression>>();

function expressionOf(text: string) {
	let compiled = compiledExpressions.get(text);
	if (!compiled) {
		compiled = plotExpression(text);
		compiledExpressions.set(text, compiled);
	}
	return compiled;
}

/** A plot's lines from `run` (the notebook's current run), within the sweep budget. */
export function plotView(run: Run, request: PlotRequest, budgetMs = sweepBudgetMs): PlotView {
	const codes = request.expressions.map(expressionOf);
	const { series, done } = sweepWithin(run.program, run.vars, request.x, request.xs, codes, {
		base: run,
		budgetMs
	});
	return { series, current: currentValues(run, request.expressions, series), done };
}

/** Each line's exact value at the current slider positions, in its line's unit. */
export function currentValues(
	run: Run,
	expressions: string[],
	series: { unit?: string }[]
): (number | null)[] {
	return expressions.map((text, i) => {
		const result = evaluateIn(expressionOf(text).code, run.scope);
		return result.ok ? plotNumber(result.value, series[i]?.unit) : null;
	});
}

/**
 * The model's answer to a prediction: `expr` with the `given` variables fixed, so that it does not
 * follow the sliders. Starts from `run` so that only what `given` changes is re-run.
 */
export function modelAnswer(
	run: Run,
	expr: string,
	given: Record<string, number> | undefined
): ModelAnswer {
	const fixed = given
		? runProgram(run.program, { ...run.vars, ...given }, { previous: run, budgetMs: runBudgetMs })
		: run;
	const result = evaluateIn(expressionOf(expr).code, fixed.scope);
	if (!result.ok) return { value: null, message: result.message };
	const value = plotNumber(result.value);
	if (value === null) return { value: null, message: `${expr} = ${formatValue(result.value)}` };
	// Rounding noise around zero (4e-16 kW) is zero to a student.
	const clean = Math.abs(value) < 1e-12 ? 0 : value;
	const unit = math.isUnit(result.value) ? result.value.formatUnits() : '';
	return { value: clean, shown: formatValue(clean), unit };
}

/** A typed quantity such as `2600 W` in `unit` (kW), or null if it is not one. */
export function quantityIn(text: string, unit: string): number | null {
	try {
		const value: unknown = math.evaluate(text.replace(/,(?=\d{3}\b)/g, ''));
		return math.isUnit(value) ? value.toNumber(unit) : null;
	} catch {
		return null;
	}
}
