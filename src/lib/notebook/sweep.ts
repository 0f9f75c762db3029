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
import type { EvalFunction, Unit } from 'mathjs';
import { sweepSlice } from './dependencies.ts';
import { math } from './math.ts';
import { runProgram, type CompiledCell, type Run } from './program.ts';
import { LayeredScope } from './scope.ts';
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
	/**
	 * Samples' scopes to share between the plots that sweep the same x over the same samples from
	 * the same base run: read when they were made for the same names, replaced by this sweep's
	 * otherwise. `alsoWanted` names what the other plots read, so that one sweep serves them all.
	 */
	shared?: SharedSamples;
	alsoWanted?: string[];
}

/** Every sample's scope of a finished sweep, and the names the slice computed them for. */
export interface SharedSamples {
	current?: { names: string; scopes: Map<string, unknown>[] };
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

/** Units to convert to, parsed once: a sweep converts every sample of a line to the same unit. */
const parsedUnits = new Map<string, Unit | null>();

function parsedUnit(unit: string): Unit | null {
	let parsed = parsedUnits.get(unit);
	if (parsed === undefined) {
		try {
			parsed = math.Unit.parse(unit);
		} catch {
			parsed = null;
		}
		parsedUnits.set(unit, parsed);
	}
	return parsed;
}

/**
 * `value` in `unit`. mathjs converts to a parsed unit exactly as to its text (it clones the one and
 * parses the other), which saves parsing the text at every sample; its types admit only the text.
 */
function numberIn(value: Unit, unit: string): number {
	const parsed = parsedUnit(unit);
	if (!parsed) return value.toNumber(unit);
	const toNumber = value.toNumber as unknown as (this: Unit, unit: Unit) => number;
	return toNumber.call(value, parsed);
}

/** A plotted number from a mathjs value; units are converted to `unit` when one is given. */
export function plotNumber(value: unknown, unit?: string): number | null {
	let n: number;
	if (typeof value === 'number') n = value;
	else if (math.isUnit(value)) {
		try {
			n = unit ? numberIn(value, unit) : value.toNumber();
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
	// The sample's own layer over the base run's scope: what the slice sets, and nothing copied.
	const scope = new LayeredScope(base);
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
	/**
	 * The names whose values the sweep took from the base run: with the same program, x, samples and
	 * expressions, a base run that holds the same values for these gives the same lines. Null when
	 * the sweep re-ran the whole lesson per sample (it then depends on everything).
	 */
	inputs: string[] | null;
}

/** The names a slice and the plotted expressions read that the slice itself does not set. */
function sliceInputs(
	program: CompiledCell[],
	x: string,
	slice: NonNullable<ReturnType<typeof sweepSlice>>,
	expressions: PlotExpression[]
): string[] {
	const reads = new Set(expressions.flatMap((e) => e.reads));
	const written = new Set([x]);
	for (const { cell, statement } of slice) {
		const compiled = program[cell];
		if ('error' in compiled) continue;
		const st = compiled.statements[statement];
		for (const name of st.reads) reads.add(name);
		if (st.assigns !== undefined) written.add(st.assigns);
	}
	return [...reads].filter((name) => !written.has(name));
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
	const own = expressions.flatMap((e) => e.reads);
	const wanted = [...new Set([...own, ...(options.alsoWanted ?? [])])].sort();
	const slice = options.slice === false ? null : sweepSlice(program, x, wanted, baseHasErrors);
	// A slice for more names sets more in each sample's scope, and what this plot reads the same.
	const { shared } = options;
	const names = wanted.join(' ');
	const reuse = slice && shared?.current?.names === names ? shared.current.scopes : undefined;
	const scopes: Map<string, unknown>[] = [];

	const series: Series[] = expressions.map(() => ({ values: [] }));
	let done = 0;
	for (const [k, xValue] of xs.entries()) {
		if (done > 0 && now() > deadline) break;
		const sample = reuse?.[k] ?? scopeFor(program, baseVars, x, xValue, base.scope, slice);
		scopes.push(sample);
		// The sample's scope is this sweep's own unless it is shared: then an expression that
		// assigns must not change what the other plots see.
		const scope = shared ? new LayeredScope(sample) : sample;
		expressions.forEach(({ code }, i) => {
			const line = series[i];
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
	if (shared && slice && !reuse && done === xs.length) shared.current = { names, scopes };
	// What the lines depend on is what this plot's own slice reads.
	const ownSlice =
		slice && wanted.length > new Set(own).size ? sweepSlice(program, x, own, baseHasErrors) : slice;
	return { series, done, inputs: ownSlice && sliceInputs(program, x, ownSlice, expressions) };
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
