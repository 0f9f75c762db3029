/**
 * Reading the operands of directives: the operand list, expressions, and constants that must be
 * known where the directive is (sizes, alignments, counts), each error reported where it is.
 */
import type { ArgsContext } from './context.ts';
import { evaluate, parseWholeExpression, type Expr, type Span } from './expression.ts';
import type { Token } from './lexer.ts';
import { isError, splitOperands, type Operand } from './operands.ts';
import type { SourceLine } from './source.ts';

export interface DirectiveArgs {
	/** Tokens after the directive name. */
	tokens: Token[];
	column: number;
	endColumn: number;
}

export const spanOf = (a: DirectiveArgs): Span => ({ column: a.column, endColumn: a.endColumn });

export function operands(
	ctx: ArgsContext,
	args: DirectiveArgs,
	line: SourceLine
): Operand[] | undefined {
	const ops = splitOperands(args.tokens, spanOf(args));
	if (isError(ops)) {
		ctx.report(line, ops.span, ops.message);
		return undefined;
	}
	return ops;
}

export function expression(ctx: ArgsContext, op: Operand, line: SourceLine): Expr | undefined {
	const e = parseWholeExpression(op.tokens);
	if ('message' in e) {
		ctx.report(line, e.span, e.message);
		return undefined;
	}
	return e;
}

/** Evaluates a constant needed now (sizes, alignments, conditions). */
export function constant(
	ctx: ArgsContext,
	op: Operand,
	line: SourceLine,
	what: string
): number | undefined {
	const e = expression(ctx, op, line);
	if (!e) return undefined;
	const r = evaluate(e, ctx.pass1Env(line));
	if (!r.ok) {
		ctx.report(line, r.span, `${r.message} (${what} must be known at this point)`);
		return undefined;
	}
	if (r.value.section !== undefined) {
		ctx.report(line, op.span, `${what} must be a number, not an address`);
		return undefined;
	}
	const v = r.value.value;
	if (v < -(2n ** 53n) || v > 2n ** 53n) {
		ctx.report(line, op.span, `${what} ${v} is too large`);
		return undefined;
	}
	return Number(v);
}

export function expectCount(
	ctx: ArgsContext,
	name: string,
	ops: Operand[],
	min: number,
	max: number,
	form: string,
	args: DirectiveArgs,
	line: SourceLine
): boolean {
	if (ops.length >= min && ops.length <= max) return true;
	ctx.report(line, spanOf(args), `${name} expects ${form}`);
	return false;
}

export function symbolName(ctx: ArgsContext, op: Operand, line: SourceLine): string | undefined {
	if (op.tokens.length === 1 && op.tokens[0].kind === 'ident') return op.tokens[0].text;
	ctx.report(
		line,
		op.span,
		`expected a symbol name, found '${op.tokens.map((t) => t.text).join('')}'`
	);
	return undefined;
}
