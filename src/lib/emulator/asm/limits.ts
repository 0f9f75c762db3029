/**
 * Limits that keep one run of the assembler short, whatever the input: a macro that calls itself
 * twice, `.rept 1000000000`, a huge `.include` or a tree of `.equ` definitions must end in a few
 * seconds with a clear error instead of running for hours. Real programs stay far below every
 * limit (a few thousand lines, a few tens of thousands of tokens).
 *
 * GNU as has few such limits (it stops macro recursion at 100 levels with "macros nested too
 * deeply" and otherwise runs until memory runs out); ours are set so that the worst input takes a
 * few seconds.
 */

/** Lines read after expanding macros, `.rept`/`.irp`/`.irpc` and includes. */
export const MAX_LINES = 250_000;
/**
 * Tokens read after expansion: each becomes an operand, a data item or a fixup. Each character of
 * a string counts as one token too, as it becomes a byte (and costs about as much to read).
 */
export const MAX_TOKENS = 500_000;
/** Characters read, and made by macro and `.irp` substitution (arguments can grow at each call). */
export const MAX_TEXT = 32 * 1024 * 1024;
/** Longest line tokenized. */
export const MAX_LINE_LENGTH = 256 * 1024;
/** Text that all `.include`d files may add together. */
export const MAX_INCLUDE_TEXT = 4 * 1024 * 1024;
export const MAX_MACRO_DEPTH = 64;
export const MAX_INCLUDE_DEPTH = 16;
/** Length of a chain of symbols defined through one another (a = b + 1, b = c + 1, …). */
export const MAX_SYMBOL_CHAIN = 100;
/** Symbol definitions evaluated in the whole run, before their values are final. */
export const MAX_SYMBOL_EVALUATIONS = 2_000_000;
/** Errors, then warnings, shown; the run stops at the first error past the limit. */
export const MAX_ERRORS = 100;
export const MAX_WARNINGS = 100;

const MiB = (n: number) => `${n / (1024 * 1024)} MiB`;
const AFTER = 'after expanding macros, .rept and includes; stopping';
export const TEXT_LIMIT = `${MiB(MAX_TEXT)} of text`;

/** Counts the work of one run; each method returns why the run must stop, if it must. */
export class Work {
	lines = 0;
	tokens = 0;
	text = 0;
	includeText = 0;
	symbolEvaluations = 0;

	/** A line about to be read. */
	readLine(text: string): string | undefined {
		if (++this.lines > MAX_LINES) return `more than ${MAX_LINES} lines ${AFTER}`;
		return this.addText(text.length);
	}

	/** Tokens of the line just read. */
	readTokens(statements: { tokens: { kind: string; text: string }[] }[]): string | undefined {
		for (const st of statements) {
			for (const t of st.tokens) this.tokens += t.kind === 'string' ? t.text.length : 1;
		}
		if (this.tokens > MAX_TOKENS) return `more than ${MAX_TOKENS} tokens ${AFTER}`;
		return undefined;
	}

	/** Characters read or made by substitution. */
	addText(n: number): string | undefined {
		this.text += n;
		if (this.text > MAX_TEXT) return `more than ${TEXT_LIMIT} ${AFTER}`;
		return undefined;
	}

	/** Characters substitution may still make. */
	textLeft(): number {
		return Math.max(0, MAX_TEXT - this.text);
	}

	/** Characters of an included file; false when they would pass the limit. */
	include(n: number): boolean {
		if (this.includeText + n > MAX_INCLUDE_TEXT) return false;
		this.includeText += n;
		return true;
	}
}

export const INCLUDE_LIMIT_MESSAGE = `included files would exceed ${MiB(MAX_INCLUDE_TEXT)} of source in total`;
