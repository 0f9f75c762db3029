/**
 * Hover: the documentation for the word under the mouse, as Monaco's `provideHover` returns it.
 * Comments and strings have none (the assembler's lexer leaves them out of the tokens).
 *
 * Wiring: monaco.languages.registerHoverProvider(LANGUAGE_ID, { provideHover: (model, pos) =>
 *   hoverAt(model.getValue(), pos.lineNumber, pos.column, { index }) });
 */
import type { Hover } from './monaco-shapes.ts';
import { localLabelTarget, type ProgramIndex } from './program-index.ts';
import { sourceLines, tokenAt, type Token } from './source-tokens.ts';
import { numberMarkdown, wordMarkdown } from './word-docs.ts';

export interface HoverContext {
	index: ProgramIndex;
	/** The current value of a CSR, when a machine is paused; its fields are then decoded. */
	csrValue?: (name: string) => number | undefined;
}

function markdownFor(token: Token, line: number, ctx: HoverContext): string | undefined {
	switch (token.kind) {
		case 'ident':
		case 'reloc':
			return wordMarkdown(token.text, ctx.index, ctx.csrValue);
		case 'number':
			return token.value === undefined ? undefined : numberMarkdown(token.value);
		case 'localref': {
			const { label, forward } = token.local!;
			const target = localLabelTarget(ctx.index, label, forward, line, token.column);
			const where = target ? `line ${target.line}` : 'not defined';
			const direction = forward ? 'after' : 'before';
			return `**${token.text}** · the nearest \`${label}:\` ${direction} this point · ${where}`;
		}
		default:
			return undefined;
	}
}

export function hoverAt(
	source: string,
	line: number,
	column: number,
	ctx: HoverContext
): Hover | undefined {
	const at = tokenAt(sourceLines(source), line, column);
	if (!at) return undefined;
	const value = markdownFor(at.token, line, ctx);
	if (value === undefined) return undefined;
	return {
		range: {
			startLineNumber: line,
			startColumn: at.token.column,
			endLineNumber: line,
			endColumn: at.token.endColumn
		},
		contents: [{ value }]
	};
}
