/**
 * A model task's `require`: a comparison in the parameters and the student's numbers that an answer
 * must meet before any model runs, such as `ABOVE - BELOW <= 16` (a bracket narrow enough to be a
 * measurement). It must be one comparison, `left op right`, so that a failing one can say what it
 * measured: "ABOVE - BELOW = 64, expected at most 16".
 */
import type { MathNode } from 'mathjs';
import { math } from '../notebook/math.ts';
import { evaluateNumber } from './expressions.ts';

export const REQUIRE_OPERATORS = ['<=', '<', '>=', '>', '==', '!='] as const;
export type RequireOperator = (typeof REQUIRE_OPERATORS)[number];

export interface Comparison {
	/** The left side as written (mathjs's own spelling: `ABOVE - BELOW`). */
	left: string;
	operator: RequireOperator;
	right: string;
}

/** `expression` as `left op right`, or undefined when it is not one comparison (or not mathjs). */
export function parseComparison(expression: string): Comparison | undefined {
	let node: MathNode;
	try {
		node = math.parse(expression);
	} catch {
		return undefined;
	}
	while (math.isParenthesisNode(node)) node = node.content;
	if (!math.isOperatorNode(node) || node.args.length !== 2) return undefined;
	const operator = node.op as RequireOperator;
	if (!REQUIRE_OPERATORS.includes(operator)) return undefined;
	return { left: node.args[0].toString(), operator, right: node.args[1].toString() };
}

/** Whether `left op right` holds for two numbers. */
export function holds(left: number, operator: RequireOperator, right: number): boolean {
	switch (operator) {
		case '<=':
			return left <= right;
		case '<':
			return left < right;
		case '>=':
			return left >= right;
		case '>':
			return left > right;
		case '==':
			return left === right;
		case '!=':
			return left !== right;
	}
}

export interface RequirementOutcome {
	comparison: Comparison;
	holds: boolean;
	/** Both sides' values, for the message. */
	left: number;
	right: number;
}

/**
 * Evaluates a requirement in `scope` (the parameters and the student's numbers). Throws an Error
 * when the expression is not one comparison or a side does not give a number (a name the student
 * left out: mathjs's "Undefined symbol ABOVE").
 */
export function evaluateRequirement(
	expression: string,
	scope: Record<string, unknown>
): RequirementOutcome {
	const comparison = parseComparison(expression);
	if (!comparison) throw new Error(`'${expression}' is not one comparison such as a - b <= 16`);
	const left = evaluateNumber(comparison.left, scope);
	const right = evaluateNumber(comparison.right, scope);
	return { comparison, holds: holds(left, comparison.operator, right), left, right };
}
