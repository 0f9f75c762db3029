/**
 * `.include "file"` (GNU as manual §7 ".include"): the file's lines are read next, as if they were
 * written in place of the directive. The caller's hook reads the file (source.ts, readInclude);
 * diagnostics in it name the file.
 */
import type { IncludeContext } from './context.ts';
import type { Span } from './expression.ts';
import type { Token } from './lexer.ts';
import { readInclude, type SourceLine } from './source.ts';

/** The lines of the file `.include` names (its operand `tokens`), or undefined after an error. */
export function includeFile(
	ctx: IncludeContext,
	tokens: Token[],
	line: SourceLine,
	span: Span
): SourceLine[] | undefined {
	if (tokens.length !== 1 || tokens[0].kind !== 'string') {
		ctx.report(line, span, '.include expects a file name in double quotes');
		return undefined;
	}
	const name = String.fromCharCode(...(tokens[0].bytes ?? []));
	const lines = readInclude(ctx.include, name, ctx.work);
	if (typeof lines === 'string') {
		ctx.report(line, tokens[0], lines);
		return undefined;
	}
	return lines;
}
