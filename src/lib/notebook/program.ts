/**
 * A lesson's cells as a program: each fenced ```math block is parsed once into statements, and a run
 * evaluates every statement of every cell in document order in one fresh scope that already holds
 * the slider variables. A fresh scope per run means a value never outlives the statement that set it:
 * delete a line and what it defined is gone on the next run.
 *
 * A failing statement stops its own cell, and only that cell shows the error; later cells keep running,
 * and those that needed a value the failed cell would have set report their own "Undefined symbol".
 */
import type { EvalFunction, MathNode } from 'mathjs';
import { namesRead, rootName } from './dependencies.ts';
import { math } from './math.ts';

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

export type CellResult =
	/** The last visible statement's value; `name` when that statement was an assignment. */
	| { status: 'value'; value: unknown; name?: string }
	/** Nothing to show: an empty cell, or every statement ended with `;`. */
	| { status: 'quiet' }
	| { status: 'error'; message: string };

export interface Run {
	scope: Map<string, unknown>;
	cells: Map<string, CellResult>;
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

export function runCell(cell: CompiledCell, scope: Map<string, unknown>): CellResult {
	if ('error' in cell) return { status: 'error', message: cell.error };
	let result: CellResult = { status: 'quiet' };
	for (const statement of cell.statements) {
		try {
			const value = statement.code.evaluate(scope);
			if (statement.visible) result = { status: 'value', value, name: statement.assigns };
		} catch (error) {
			const message = errorMessage(error);
			return {
				status: 'error',
				message: cell.statements.length > 1 ? `${message} (in ${statement.text})` : message
			};
		}
	}
	return result;
}

/** Runs every cell in order in a fresh scope seeded with `vars` (the sliders). */
export function runProgram(program: CompiledCell[], vars: Record<string, number>): Run {
	const scope = new Map<string, unknown>(Object.entries(vars));
	const cells = new Map<string, CellResult>();
	for (const cell of program) cells.set(cell.id, runCell(cell, scope));
	return { scope, cells };
}

/** Evaluates one expression (a plot's y, a prediction's answer) in the scope a run left behind. */
export function evaluateIn(
	code: EvalFunction,
	scope: Map<string, unknown>
): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		// A copy, so an expression with an assignment cannot change what other widgets see.
		return { ok: true, value: code.evaluate(new Map(scope)) };
	} catch (error) {
		return { ok: false, message: errorMessage(error) };
	}
}
