/**
 * Conditional assembly (GNU as manual §7 ".if", ".ifdef", ".ifndef"/".ifnotdef", ".else",
 * ".elseif", ".endif"). Each open `.if` is one entry of a stack; a line is assembled only when
 * every entry is active. Conditionals are followed even inside inactive blocks, so that their
 * `.endif`s pair up, but their conditions are then not evaluated (and not reported on), as in
 * GNU as.
 */
import { constant, operands, spanOf, symbolName, type DirectiveArgs } from './args.ts';
import type { ConditionalContext } from './context.ts';
import type { Span } from './expression.ts';
import type { SourceLine } from './source.ts';

export interface Conditional {
	/** This branch is being assembled. */
	active: boolean;
	/** Some branch of this .if has been taken already. */
	taken: boolean;
	/** The enclosing block was active. */
	parentActive: boolean;
	sawElse: boolean;
	where: SourceLine;
	span: Span;
}

const CONDITIONALS = new Set([
	'.if',
	'.ifdef',
	'.ifndef',
	'.ifnotdef',
	'.else',
	'.elseif',
	'.endif'
]);

export function isConditional(name: string): boolean {
	return CONDITIONALS.has(name);
}

/** Whether lines are being assembled: every open conditional is in an active branch. */
export function allActive(stack: readonly Conditional[]): boolean {
	return stack.every((c) => c.active);
}

/** Runs one conditional directive. `head` is the directive name's token. */
export function conditional(
	ctx: ConditionalContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine,
	head: Span
): void {
	const stack = ctx.conditionals;
	const top = stack[stack.length - 1];
	if (name === '.else' || name === '.elseif') {
		if (!top || top.sawElse) {
			ctx.report(line, head, top ? `second ${name} for one .if` : `${name} without .if`);
			return;
		}
		if (name === '.else') {
			top.sawElse = true;
			top.active = top.parentActive && !top.taken;
			top.taken = true;
			return;
		}
		const cond = top.parentActive && !top.taken ? evaluateCondition(ctx, args, line) : false;
		top.active = top.parentActive && !top.taken && cond;
		top.taken ||= top.active;
		return;
	}
	if (name === '.endif') {
		if (!top) ctx.report(line, head, '.endif without .if');
		else stack.pop();
		return;
	}
	const parentActive = allActive(stack);
	const cond = parentActive && opening(ctx, name, args, line);
	stack.push({
		active: cond,
		taken: cond,
		parentActive,
		sawElse: false,
		where: line,
		span: head
	});
}

/** The condition of `.if expr`, `.ifdef sym` or `.ifndef sym`. */
function opening(
	ctx: ConditionalContext,
	name: string,
	args: DirectiveArgs,
	line: SourceLine
): boolean {
	if (name === '.if') return evaluateCondition(ctx, args, line);
	const ops = operands(ctx, args, line);
	if (ops && ops.length === 1) {
		const sym = symbolName(ctx, ops[0], line);
		const defined = sym !== undefined && ctx.isDefined(sym);
		return name === '.ifdef' ? defined : !defined;
	}
	if (ops) ctx.report(line, spanOf(args), `${name} expects one symbol name`);
	return false;
}

function evaluateCondition(
	ctx: ConditionalContext,
	args: DirectiveArgs,
	line: SourceLine
): boolean {
	const ops = operands(ctx, args, line);
	if (!ops || ops.length !== 1) {
		if (ops) ctx.report(line, spanOf(args), '.if expects one expression');
		return false;
	}
	const v = constant(ctx, ops[0], line, 'the condition');
	return v !== undefined && v !== 0;
}

/** At the end of the input: every `.if` still open is an error. */
export function reportUnclosed(ctx: ConditionalContext): void {
	for (const c of ctx.conditionals) ctx.report(c.where, c.span, 'this .if has no matching .endif');
}
