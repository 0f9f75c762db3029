/**
 * One statement of pass 1 (GNU as manual §3.5 "Statements"): labels, then an assignment
 * (`name = expr`), a directive, a macro call or an instruction.
 *
 * Most statements are done when this returns. Those that change what is read next — the start of
 * a `.macro` or `.rept`-like block, a macro call, an `.include` — return that to the line loop
 * (reader.ts), which owns the input.
 */
import { handleDirective } from './directives.ts';
import type { StatementContext } from './context.ts';
import { evaluate, parseWholeExpression, type Expr, type Span } from './expression.ts';
import { takeConstants } from './immediates.ts';
import { includeFile } from './include.ts';
import { parseInstruction } from './instructions.ts';
import type { Statement, Token } from './lexer.ts';
import { isError, splitOperands, type OperandError } from './operands.ts';
import { isBlockStart, startBlock, type Block } from './repeat.ts';
import type { SourceLine } from './source.ts';

/** What the line loop must read next, when a statement changes it. */
export type Next =
	{ kind: 'block'; block: Block } | { kind: 'expand' | 'include'; lines: SourceLine[] } | undefined;

/** Assembles one statement of `line`. */
export function statement(ctx: StatementContext, st: Statement, line: SourceLine): Next {
	const tokens = defineLabels(ctx, st.tokens, line);
	if (tokens.length === 0) return undefined;
	const span: Span = { column: tokens[0].column, endColumn: tokens[tokens.length - 1].endColumn };
	const head = tokens[0];
	if (head.kind === 'ident' && tokens[1]?.kind === 'equals') {
		assignment(ctx, head, tokens.slice(2), line);
		return undefined;
	}
	if (head.kind !== 'ident') {
		ctx.report(line, head, `expected an instruction or directive, found '${head.text}'`);
		return undefined;
	}
	const name = head.text.toLowerCase();
	const rest = tokens.slice(1);
	if (isBlockStart(name)) {
		return { kind: 'block', block: startBlock(ctx, name, head, rest, line, span) };
	}
	if (strayBlockEnd(ctx, name, head, line)) return undefined;
	if (name === '.include') {
		const lines = includeFile(ctx, rest, line, span);
		return lines && { kind: 'include', lines };
	}
	// A macro may take a directive's name (GNU as looks macros up first).
	const macro = ctx.macros.get(head.text);
	if (macro) {
		const lines = ctx.macros.call(ctx, macro, head, line, span);
		return lines && { kind: 'expand', lines };
	}
	if (name.startsWith('.')) {
		const args = { tokens: ctx.resolveLocalRefs(rest, line), ...span };
		handleDirective(ctx, name, args, line, head);
		return undefined;
	}
	instruction(ctx, head, rest, line, span);
	return undefined;
}

/** Labels at the start: `name:` or `1:` (numeric local label), possibly several. */
function defineLabels(ctx: StatementContext, tokens: Token[], line: SourceLine): Token[] {
	while (tokens.length >= 2 && tokens[1].kind === 'colon') {
		const t = tokens[0];
		if (t.kind === 'ident') ctx.defineLabel(t.text, t.text, line, t);
		else if (t.kind === 'number' && /^[0-9]+$/.test(t.text))
			ctx.defineLocal(String(Number(t.text)), line, t);
		else {
			ctx.report(line, t, `expected a label name before ':', found '${t.text}'`);
		}
		tokens = tokens.slice(2);
	}
	return tokens;
}

/** `name = expression` is `.set name, expression`. */
function assignment(ctx: StatementContext, name: Token, tokens: Token[], line: SourceLine): void {
	const expr = parseWholeExpression(ctx.resolveLocalRefs(tokens, line));
	if ('message' in expr) ctx.report(line, expr.span, expr.message);
	else ctx.defineConstant(name.text, expr, line, name, true);
}

/** `.endm` or `.endr` outside a block (the block reader takes those that close one). */
function strayBlockEnd(
	ctx: StatementContext,
	name: string,
	head: Token,
	line: SourceLine
): boolean {
	if (name === '.endm' || name === '.endmacro') {
		ctx.report(line, head, `${name} without .macro`);
		return true;
	}
	if (name === '.endr') {
		// A warning in GNU as too.
		const message = '.endr encountered without preceding .rept, .irp, or .irpc';
		ctx.report(line, head, message, 'warning');
		return true;
	}
	return false;
}

/** An instruction or pseudo-instruction: its words are reserved now and encoded in pass 2. */
function instruction(
	ctx: StatementContext,
	head: Token,
	rest: Token[],
	line: SourceLine,
	span: Span
): void {
	const ops = splitOperands(ctx.resolveLocalRefs(rest, line), head);
	if (isError(ops)) {
		ctx.report(line, ops.span, ops.message);
		return;
	}
	// `li` needs its value now, to pick a length (and `la` of a constant becomes `li`).
	const constant = (expr: Expr, sp: Span): bigint | OperandError => {
		const r = evaluate(expr, ctx.pass1Env(line));
		if (!r.ok) return { message: r.message, span: r.span };
		if (r.value.section !== undefined) {
			return { message: 'expected a constant, found an address', span: sp };
		}
		return r.value.value;
	};
	const requests = parseInstruction(head, ops, span, { constant });
	if (requests === undefined) {
		ctx.report(line, head, `unknown instruction '${head.text}'`);
		return;
	}
	if (isError(requests)) {
		ctx.report(line, requests.span, requests.message);
		return;
	}
	ctx.emitInstructions(takeConstants(ctx, requests, line, head.text), line, span);
}
