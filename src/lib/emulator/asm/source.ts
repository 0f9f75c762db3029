/**
 * Source text as the assembler reads it: lines that remember their file and line number (and, for
 * lines a macro produced, the invocation they came from).
 */
import type { Span } from './expression.ts';
import { INCLUDE_LIMIT_MESSAGE, type Work } from './limits.ts';
import type { AssembleOptions } from './types.ts';

/** One line to assemble, with where it came from. */
export interface SourceLine {
	text: string;
	file: string;
	line: number;
	/** Set for lines produced by a macro: errors point at the invocation. */
	macro?: { name: string; line: number; file: string; span: Span };
}

/**
 * Strings, `#` comments and C comments (which may span lines), in one pass: strings and `#`
 * comments are kept as they are (the lexer reads them); C comments become spaces so that columns
 * and line numbers stay true. (`//` is not a comment in GNU as for RISC-V.)
 */
const COMMENTS = /"(?:[^"\\\n]|\\.)*"?|#[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;

/** Splits source text into lines, blanking C-style comments. */
export function splitSource(text: string, file: string): SourceLine[] {
	const cleaned = text.includes('/*')
		? text.replace(COMMENTS, (m) => (m.startsWith('/*') ? m.replace(/[^\n]/g, ' ') : m))
		: text;
	return cleaned.split('\n').map((t, n) => ({ text: t, file, line: n + 1 }));
}

/**
 * The lines of the file `.include "name"` names, read through the caller's hook, or why there are
 * none. The hook may throw; its text counts towards the limit on included text.
 */
export function readInclude(
	hook: AssembleOptions['include'],
	name: string,
	work: Work
): SourceLine[] | string {
	let text: ReturnType<NonNullable<AssembleOptions['include']>>;
	try {
		text = hook?.(name);
	} catch (e) {
		return `cannot include '${name}': ${e instanceof Error ? e.message : String(e)}`;
	}
	if (typeof text === 'string') {
		if (!work.include(text.length)) return `cannot include '${name}': ${INCLUDE_LIMIT_MESSAGE}`;
		return splitSource(text, name);
	}
	if (typeof text === 'object' && text !== null && 'error' in text) {
		return `cannot include '${name}': ${String(text.error)}`;
	}
	return `cannot include '${name}': file not found`;
}
