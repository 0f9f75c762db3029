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
import {
	plotExpression,
	plotNumber,
	sweepBudgetMs,
	sweepWithin,
	type PlotExpression,
	type SharedSamples
} from './sweep.ts';
import { coarseSamples } from './samples.ts';
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

/** Views already made, per result: a re-run keeps the results of the cells it did not touch. */
const views = new WeakMap<CellResult, CellView>();

/**
 * What a cell shows, as text: one row per visible statement, named when it assigns. The same
 * result gives the same view object, so a page redraws only the cells a slider move changed.
 */
export function cellView(result: CellResult | undefined): CellView {
	if (!result) return { status: 'quiet', rows: [] };
	let view = views.get(result);
	if (!view) {
		const rows: ValueRow[] = result.values.map(({ name, value }) =>
			name === undefined ? { text: rowText(value) } : { name, text: rowText(value) }
		);
		view =
			result.message === undefined
				? { status: result.status, rows }
				: { status: result.status, rows, message: result.message };
		views.set(result, view);
	}
	return view;
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

/** A finished sweep and the values of the names it read from its base run. */
interface SweepMemo {
	program: CompiledCell[];
	inputs: [name: string, known: boolean, value: unknown][];
	series: PlotView['series'];
}

/** The last finished sweep of each plot (by its request), to reuse while its inputs stay put. */
const sweeps = new Map<string, SweepMemo>();
const maxSweeps = 64;

function unchanged(memo: SweepMemo, run: Run): boolean {
	return (
		memo.program === run.program &&
		memo.inputs.every(
			([name, known, value]) =>
				run.scope.has(name) === known && Object.is(run.scope.get(name), value)
		)
	);
}

/** Per program, per x and samples: the names that the plots sweeping them read. */
const groups = new WeakMap<CompiledCell[], Map<string, Set<string>>>();
/** Per run, per x and samples: the samples' scopes, shared by those plots. */
const samplesOf = new WeakMap<Run, Map<string, SharedSamples>>();

/**
 * Plots that sweep the same x over the same samples share their samples' scopes: the first to
 * sweep after a slider move computes what all of them read (as far as plots have asked before),
 * and the others evaluate their lines in its scopes.
 */
function sharing(
	run: Run,
	request: PlotRequest,
	codes: PlotExpression[]
): { shared: SharedSamples; alsoWanted: string[] } {
	const group = JSON.stringify([request.x, request.xs]);
	let known = groups.get(run.program);
	if (!known) groups.set(run.program, (known = new Map()));
	let names = known.get(group);
	if (!names) known.set(group, (names = new Set()));
	for (const code of codes) for (const name of code.reads) names.add(name);
	let perRun = samplesOf.get(run);
	if (!perRun) samplesOf.set(run, (perRun = new Map()));
	let shared = perRun.get(group);
	if (!shared) perRun.set(group, (shared = {}));
	return { shared, alsoWanted: [...names] };
}

/**
 * A plot's lines from `run` (the notebook's current run), within the sweep budget. A slider that
 * the plot does not depend on (none of the names its sweep reads changed) re-sweeps nothing: the
 * plot gets the same lines, the very same objects, so nothing downstream is redrawn.
 */
export function plotView(run: Run, request: PlotRequest, budgetMs = sweepBudgetMs): PlotView {
	const key = JSON.stringify([request.x, request.xs, request.expressions]);
	const kept = keptView(run, request, key);
	if (kept) return kept;
	const codes = request.expressions.map(expressionOf);
	const { shared, alsoWanted } = sharing(run, request, codes);
	const { series, done, inputs } = sweepWithin(
		run.program,
		run.vars,
		request.x,
		request.xs,
		codes,
		{ base: run, budgetMs, shared, alsoWanted }
	);
	sweeps.delete(key);
	// A sweep that stopped at its budget is not kept: the next one may get further.
	if (inputs && done === request.xs.length && !run.stopped) {
		if (sweeps.size >= maxSweeps) sweeps.delete(sweeps.keys().next().value!);
		sweeps.set(key, {
			program: run.program,
			inputs: inputs.map((name) => [name, run.scope.has(name), run.scope.get(name)]),
			series
		});
	}
	return { series, current: currentValues(run, request.expressions, series), done };
}

/** The plot's kept sweep when the names it read still have their values in `run`. */
function keptView(run: Run, request: PlotRequest, key: string): PlotView | undefined {
	const memo = sweeps.get(key);
	if (!memo || !unchanged(memo, run)) return undefined;
	const { series } = memo;
	return {
		series,
		current: currentValues(run, request.expressions, series),
		done: request.xs.length
	};
}

/**
 * A plot's lines while a slider is being dragged: its kept sweep of every sample when the moving
 * slider does not affect it (the very same objects, so nothing is redrawn), otherwise a sweep of
 * every few samples (samples.ts, coarseSamples) that keeps up with the slider. `xs` says which.
 */
export function plotViewWhileSliding(run: Run, request: PlotRequest): PlotView & { xs: number[] } {
	const kept = keptView(run, request, JSON.stringify([request.x, request.xs, request.expressions]));
	if (kept) return { ...kept, xs: request.xs };
	const xs = coarseSamples(request.xs);
	return { ...plotView(run, { ...request, xs }), xs };
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

/** Model answers already computed, per program, by expression and the variables they fixed. */
const answers = new WeakMap<CompiledCell[], Map<string, ModelAnswer>>();
const maxAnswers = 256;

/**
 * The model's answer to a prediction: `expr` with the `given` variables fixed, so that it does not
 * follow the sliders. Starts from `run` so that only what `given` changes is re-run. The answer
 * depends only on the program and the variables after `given`, so it is computed once for them (a
 * slider that `given` fixes re-runs nothing for the prediction).
 */
export function modelAnswer(
	run: Run,
	expr: string,
	given: Record<string, number> | undefined
): ModelAnswer {
	const vars = given ? { ...run.vars, ...given } : run.vars;
	const names = Object.keys(vars).sort();
	const key = JSON.stringify([expr, names, names.map((name) => vars[name])]);
	let known = answers.get(run.program);
	if (!known) answers.set(run.program, (known = new Map()));
	const cached = known.get(key);
	if (cached) return cached;
	const fixed = given
		? runProgram(run.program, vars, { previous: run, budgetMs: runBudgetMs })
		: run;
	const answer = answerIn(fixed, expr);
	// A run stopped by its budget may finish next time; its answer is not kept.
	if (!fixed.stopped) {
		if (known.size >= maxAnswers) known.delete(known.keys().next().value!);
		known.set(key, answer);
	}
	return answer;
}

function answerIn(fixed: Run, expr: string): ModelAnswer {
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
