/**
 * A lesson's cells as a program: each fenced ```math block is parsed once into statements, and a run
 * evaluates every statement of every cell in document order in one fresh scope that already holds
 * the slider variables. A fresh scope per run means a value never outlives the statement that set it:
 * delete a line and what it defined is gone on the next run.
 *
 * A failing statement stops its own cell, and only that cell shows the error; later cells keep running,
 * and those that needed a value the failed cell would have set report their own "Undefined symbol".
 *
 * Two things keep a run from freezing the page. After a slider move, a run given the previous run
 * re-evaluates only the statements that depend on the moved slider (dependencies.ts, `rerunPlan`).
 * And a run has a time budget: when it is spent, the remaining cells are marked `stopped` instead
 * of run (mathjs cannot be interrupted inside one statement, so a single slow statement still takes
 * its time, but a lesson of slow cells does not add up to a frozen page).
 */
import type { EvalFunction, MathNode } from 'mathjs';
import { namesRead, rerunPlan, rootName, type StatementRef } from './dependencies.ts';
import { math } from './math.ts';
import { LayeredScope } from './scope.ts';

export { runBudgetMs } from './budgets.ts';

/** A cell longer than this is refused: it is not something a lesson or a student writes by hand. */
export const maxCellLength = 5000;

export interface Statement {
	/** The statement as mathjs prints it, to name it in an error. */
	text: string;
	/** False when the statement ends with `;` (mathjs hides its value). */
	visible: boolean;
	/** The variable or function an assignment defines, shown beside the value. */
	assigns?: string;
	/** Every name the statement reads (see dependencies.ts); plots use them to re-run less. */
	reads: string[];
	code: EvalFunction;
}

export type CompiledCell =
	| { id: string; source: string; statements: Statement[] }
	| { id: string; source: string; error: string };

export interface CellSource {
	id: string;
	source: string;
}

/** What one statement gave: its value or its error. Missing when it did not run. */
export type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

/** A value a cell shows: every visible statement's, named when the statement assigns a name. */
export interface ShownValue {
	name?: string;
	value: unknown;
}

export interface CellResult {
	/**
	 * `value`: `values` to show; `quiet`: nothing to show (an empty cell, or every statement ended
	 * with `;`); `error`: the values before the failing statement, then `message`; `stopped`: the
	 * run's time budget ran out before this cell finished.
	 */
	status: 'value' | 'quiet' | 'error' | 'stopped';
	values: ShownValue[];
	message?: string;
}

export interface Run {
	program: CompiledCell[];
	vars: Record<string, number>;
	scope: Map<string, unknown>;
	cells: Map<string, CellResult>;
	/** Per cell, per statement, in program order. */
	outcomes: Outcome[][];
	/** True when the time budget ran out and some cells were not run. */
	stopped: boolean;
}

export interface RunOptions {
	/** The run before a slider move: lets this run re-evaluate only what the move changes. */
	previous?: Run;
	/** Milliseconds this run may take before it stops the remaining cells (default: no limit). */
	budgetMs?: number;
	/** The clock, for tests. */
	now?: () => number;
}

/** `(char 12)` in a mathjs parse error becomes `(line 2, column 3)`, which a person can find. */
export function positionMessage(message: string, source: string): string {
	return message.replace(/\(char (\d+)\)/, (_whole, char: string) => {
		const before = source.slice(0, Math.max(0, Number(char) - 1));
		const lines = before.split('\n');
		return `(line ${lines.length}, column ${lines[lines.length - 1].length + 1})`;
	});
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function assignedName(node: MathNode): string | undefined {
	if (math.isAssignmentNode(node)) return rootName(node.object);
	if (math.isFunctionAssignmentNode(node)) return node.name;
	return undefined;
}

function toStatement(node: MathNode, visible: boolean): Statement {
	return {
		text: node.toString(),
		visible,
		assigns: assignedName(node),
		reads: namesRead(node),
		code: node.compile()
	};
}

export function compileCell({ id, source }: CellSource): CompiledCell {
	if (source.length > maxCellLength) {
		return { id, source, error: `This cell is longer than ${maxCellLength} characters` };
	}
	try {
		const root = math.parse(source);
		if (math.isBlockNode(root)) {
			return {
				id,
				source,
				statements: root.blocks.map((block) => toStatement(block.node, block.visible))
			};
		}
		// An empty or comment-only cell parses to an undefined constant: nothing to run.
		if (math.isConstantNode(root) && root.value === undefined)
			return { id, source, statements: [] };
		return { id, source, statements: [toStatement(root, true)] };
	} catch (error) {
		return { id, source, error: positionMessage(errorMessage(error), source) };
	}
}

/** Reuses what was compiled before for unchanged sources (a slider move compiles nothing). */
export function compileCells(
	cells: CellSource[],
	cache?: Map<string, CompiledCell>
): CompiledCell[] {
	return cells.map((cell) => {
		const key = `${cell.id}\u0000${cell.source}`;
		const known = cache?.get(key);
		if (known) return known;
		const compiled = compileCell(cell);
		cache?.set(key, compiled);
		return compiled;
	});
}

/** What a cell shows, from its statements' outcomes. */
export function cellResult(cell: CompiledCell, outcomes: Outcome[], stopped = false): CellResult {
	if ('error' in cell) return { status: 'error', values: [], message: cell.error };
	const values: ShownValue[] = [];
	for (const [i, statement] of cell.statements.entries()) {
		const outcome = outcomes[i];
		if (outcome === undefined) {
			return stopped
				? { status: 'stopped', values }
				: { status: values.length ? 'value' : 'quiet', values };
		}
		if (!outcome.ok) {
			const where = cell.statements.length > 1 ? ` (in ${statement.text})` : '';
			return { status: 'error', values, message: `${outcome.message}${where}` };
		}
		if (statement.visible) values.push({ name: statement.assigns, value: outcome.value });
	}
	return { status: values.length ? 'value' : 'quiet', values };
}

function evaluate(statement: Statement, scope: Map<string, unknown>): Outcome {
	try {
		return { ok: true, value: statement.code.evaluate(scope) };
	} catch (error) {
		return { ok: false, message: errorMessage(error) };
	}
}

/** The slider variables whose values differ between two runs. */
function changedVars(before: Record<string, number>, after: Record<string, number>): string[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...names].filter((name) => !Object.is(before[name], after[name]));
}

/** Re-evaluates only `plan` in a copy of the previous run's scope; null if a statement fails. */
function rerun(
	previous: Run,
	vars: Record<string, number>,
	plan: StatementRef[],
	deadline: number,
	now: () => number
): Run | null {
	const { program } = previous;
	const scope = new Map(previous.scope);
	for (const [name, value] of Object.entries(vars)) scope.set(name, value);
	const outcomes = previous.outcomes.map((cell) => [...cell]);
	const touched = new Set<number>();
	let stoppedAt = -1;
	for (const [i, { cell, statement }] of plan.entries()) {
		const compiled = program[cell];
		if ('error' in compiled) return null;
		const outcome = evaluate(compiled.statements[statement], scope);
		// A new error changes which later statements run: only a full run gets that right.
		if (!outcome.ok) return null;
		outcomes[cell][statement] = outcome;
		touched.add(cell);
		if (now() > deadline && i < plan.length - 1) {
			stoppedAt = i + 1;
			break;
		}
	}
	const cells = new Map(previous.cells);
	const stopped = new Set<number>();
	if (stoppedAt >= 0) {
		// What was not re-evaluated holds values for the old slider positions: stop those cells.
		for (const { cell, statement } of plan.slice(stoppedAt)) {
			outcomes[cell].length = Math.min(outcomes[cell].length, statement);
			stopped.add(cell);
		}
	}
	for (const c of new Set([...touched, ...stopped])) {
		cells.set(program[c].id, cellResult(program[c], outcomes[c], stopped.has(c)));
	}
	return { program, vars, scope, cells, outcomes, stopped: stopped.size > 0 };
}

/**
 * Runs every cell in order in a fresh scope seeded with `vars` (the sliders); or, given the previous
 * run of the same program, re-evaluates only what the changed sliders affect.
 */
export function runProgram(
	program: CompiledCell[],
	vars: Record<string, number>,
	options: RunOptions = {}
): Run {
	const now = options.now ?? (() => performance.now());
	const deadline = now() + (options.budgetMs ?? Infinity);
	const { previous } = options;
	const sameProgram =
		previous !== undefined &&
		!previous.stopped &&
		previous.program.length === program.length &&
		previous.program.every((cell, i) => cell === program[i]) &&
		[...previous.cells.values()].every((result) => result.status !== 'error');
	if (sameProgram) {
		const plan = rerunPlan(program, changedVars(previous.vars, vars));
		const run = plan && rerun(previous, vars, plan, deadline, now);
		if (run) return run;
	}

	const scope = new Map<string, unknown>(Object.entries(vars));
	const cells = new Map<string, CellResult>();
	const outcomes: Outcome[][] = program.map(() => []);
	let stopped = false;
	for (const [c, cell] of program.entries()) {
		if (!stopped && 'statements' in cell) {
			for (const statement of cell.statements) {
				const outcome = evaluate(statement, scope);
				outcomes[c].push(outcome);
				if (!outcome.ok) break;
				if (now() > deadline) {
					stopped = true;
					break;
				}
			}
		}
		const unfinished =
			stopped && 'statements' in cell && outcomes[c].length < cell.statements.length;
		cells.set(cell.id, cellResult(cell, outcomes[c], unfinished));
	}
	return { program, vars, scope, cells, outcomes, stopped };
}

/** Evaluates one expression (a plot's y, a prediction's answer) in the scope a run left behind. */
export function evaluateIn(
	code: EvalFunction,
	scope: Map<string, unknown>
): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		// A layer of its own, so an expression with an assignment cannot change what others see.
		return { ok: true, value: code.evaluate(new LayeredScope(scope)) };
	} catch (error) {
		return { ok: false, message: errorMessage(error) };
	}
}
