/**
 * mathjs expressions in labs (a reference answer, a target, an instruction limit), evaluated with
 * the lesson notebooks' mathjs instance, whose parser cannot reach JavaScript
 * (https://mathjs.org/docs/expressions/security.html). Parameters are the scope.
 */
import { math } from '../notebook/math.ts';
import type { ParamValue } from './types.ts';

/** Longest expression a student may submit as an answer: enough for a formula, not for a program. */
export const MAX_EXPRESSION_LENGTH = 500;

/**
 * The number an expression gives in `scope`, or throws an Error with mathjs's message. A unit is
 * read in its own unit (`3 ms` → 3); anything that is not a finite number is an error.
 */
export function evaluateNumber(expression: string, scope: Record<string, unknown>): number {
	const value: unknown = math.evaluate(expression, new Map(Object.entries(scope)));
	const number = math.isUnit(value) ? value.toNumber() : value;
	if (typeof number !== 'number' || !Number.isFinite(number))
		throw new Error(`'${expression}' does not give a number`);
	return number;
}

/** Functions a student's answer may call: arithmetic, nothing that builds large values. */
const STUDENT_FUNCTIONS = new Set([
	'sqrt',
	'cbrt',
	'exp',
	'log',
	'log2',
	'log10',
	'abs',
	'min',
	'max',
	'round',
	'floor',
	'ceil',
	'pow'
]);
const STUDENT_NODES = new Set([
	'ConstantNode',
	'SymbolNode',
	'OperatorNode',
	'ParenthesisNode',
	'FunctionNode'
]);

/**
 * Whether a student's expression is arithmetic only: numbers, names, operators and a few
 * functions. A submission runs on the instructor's machine, and `zeros(1e5, 1e5)` is a valid
 * mathjs expression that would exhaust its memory.
 */
export function isArithmetic(expression: string): boolean {
	let root;
	try {
		root = math.parse(expression);
	} catch {
		return false;
	}
	let ok = true;
	root.traverse((node) => {
		if (!STUDENT_NODES.has(node.type)) ok = false;
		else if (math.isFunctionNode(node) && !STUDENT_FUNCTIONS.has(node.fn.toString())) ok = false;
	});
	return ok;
}

/**
 * What a student typed, as a number, or undefined: an arithmetic expression (isArithmetic) of at
 * most MAX_EXPRESSION_LENGTH characters in the parameters.
 */
export function tryNumber(
	expression: string,
	scope: Record<string, ParamValue>
): number | undefined {
	if (expression.length > MAX_EXPRESSION_LENGTH || !isArithmetic(expression)) return undefined;
	try {
		return evaluateNumber(expression, scope);
	} catch {
		return undefined;
	}
}
