/**
 * Source text seen through the assembler's own lexer (src/lib/emulator/asm/source.ts and
 * lexer.ts), so that the editor finds words, labels and comments exactly where the assembler
 * does: C comments blanked (columns kept), `#` comments dropped, strings as one token.
 */
import { tokenizeLine, type Token } from '../../../emulator/asm/lexer.ts';
import { splitSource } from '../../../emulator/asm/source.ts';

export type { Token };

/** The lines of `source` as the assembler reads them, C comments turned into spaces. */
export function sourceLines(source: string): string[] {
	return splitSource(source, 'input.s').map((l) => l.text);
}

/** The statements of one line, each a list of tokens (`;` separates statements). */
export function statementsOf(lineText: string): Token[][] {
	return tokenizeLine(lineText).statements.map((s) => s.tokens);
}

export interface TokenAt {
	token: Token;
	/** The statement the token belongs to, and the token's place in it. */
	statement: Token[];
	index: number;
}

/**
 * The token at 1-based `line` and `column`: the one covering the character at `column`, or else
 * the one ending just before it (a cursor right after a word still points at the word).
 */
export function tokenAt(
	lines: readonly string[],
	line: number,
	column: number
): TokenAt | undefined {
	const text = lines[line - 1];
	if (text === undefined) return undefined;
	let touching: TokenAt | undefined;
	for (const statement of statementsOf(text)) {
		for (let index = 0; index < statement.length; index++) {
			const token = statement[index];
			if (token.column <= column && column < token.endColumn) return { token, statement, index };
			if (token.endColumn === column) touching = { token, statement, index };
		}
	}
	return touching;
}
