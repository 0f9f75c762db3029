/**
 * `.macro name params` … `.endm` (GNU as manual §7.86 ".macro"): parameters may have defaults
 * (`p=1`) or be marked `:req`; the body refers to them as `\p`. `\@` is the number of macros
 * expanded so far and `\()` separates a parameter name from following text.
 * Expansion is textual, line by line.
 */
import type { Span } from './expression.ts';
import type { SourceLine } from './source.ts';

export interface MacroParam {
	name: string;
	default?: string;
	required: boolean;
}

export interface MacroHeader {
	name: string;
	params: MacroParam[];
}

/** Splits at commas outside parentheses and quotes; trims each part. */
export function splitArguments(text: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let quoted = false;
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
		if (!quoted && c === '(') depth++;
		if (!quoted && c === ')') depth--;
		if (!quoted && depth <= 0 && c === ',') {
			out.push(current.trim());
			current = '';
			continue;
		}
		current += c;
	}
	if (current.trim() !== '' || out.length > 0) out.push(current.trim());
	return out;
}

/** Parses the text after `.macro`. */
export function parseMacroHeader(text: string): MacroHeader | string {
	const m = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*)\s*,?\s*(.*)$/.exec(text);
	if (!m) return 'expected a macro name after .macro';
	const rest = m[2].trim();
	const parts = rest === '' ? [] : rest.includes(',') ? splitArguments(rest) : rest.split(/\s+/);
	const params: MacroParam[] = [];
	for (const part of parts) {
		const p = /^([A-Za-z_.$][A-Za-z0-9_.$]*)(:req|:vararg)?\s*(?:=\s*(.*))?$/.exec(part);
		if (!p) return `bad macro parameter '${part}'`;
		params.push({ name: p[1], default: p[3], required: p[2] === ':req' });
	}
	return { name: m[1], params };
}

/**
 * Binds invocation arguments to parameters: positional, or `name=value`. Arguments may be
 * separated by commas, or by spaces when there are no commas (as GNU as allows).
 */
export function bindArguments(header: MacroHeader, argText: string): Map<string, string> | string {
	const trimmed = argText.trim();
	let args = trimmed === '' ? [] : splitArguments(trimmed);
	if (args.length === 1 && header.params.length > 1 && !trimmed.includes('"')) {
		args = trimmed.split(/\s+/);
	}
	const bound = new Map<string, string>();
	let position = 0;
	for (const arg of args) {
		const named = /^([A-Za-z_.$][A-Za-z0-9_.$]*)\s*=(.*)$/.exec(arg);
		if (named && header.params.some((p) => p.name === named[1])) {
			bound.set(named[1], named[2].trim());
			continue;
		}
		if (position >= header.params.length) {
			return `macro '${header.name}' takes ${header.params.length} argument${header.params.length === 1 ? '' : 's'}, given ${args.length}`;
		}
		bound.set(header.params[position++].name, arg);
	}
	for (const p of header.params) {
		const v = bound.get(p.name);
		if (v === undefined || v === '') {
			if (p.required) return `macro '${header.name}' needs argument '${p.name}'`;
			bound.set(p.name, v || p.default || '');
		}
	}
	return bound;
}

/**
 * Substitutes `\param`, `\@` and `\()` in one body line. A parameter name ends before a
 * character that cannot continue it; the longest parameter that fits wins (`\a.b` is `b`'s value
 * when there are parameters `a` and `a.b`, else `a`'s value then `.b`). Returns undefined when the
 * result would be longer than `limit` characters (arguments that grow at every call would
 * otherwise fill the memory).
 */
export function substitute(
	line: string,
	bound: Map<string, string>,
	counter: number,
	limit = Infinity
): string | undefined {
	let out = '';
	for (let i = 0; i < line.length; i++) {
		if (out.length > limit) return undefined;
		if (line[i] !== '\\') {
			out += line[i];
			continue;
		}
		if (line.startsWith('@', i + 1)) {
			out += String(counter);
			i += 1;
			continue;
		}
		if (line.startsWith('()', i + 1)) {
			i += 2;
			continue;
		}
		const name = longestParameter(line, i + 1, bound);
		if (name !== undefined) {
			out += bound.get(name);
			i += name.length;
			continue;
		}
		out += '\\';
	}
	return out.length > limit ? undefined : out;
}

/** The longest parameter named at `start` and followed by no letter, digit, `_` or `$`. */
function longestParameter(
	line: string,
	start: number,
	bound: Map<string, string>
): string | undefined {
	let end = start;
	while (end < line.length && /[A-Za-z0-9_$.]/.test(line[end])) end++;
	// A name may end at the end of the run or before any `.` in it.
	for (let stop = end; stop > start; stop--) {
		if (stop !== end && line[stop] !== '.') continue;
		const name = line.slice(start, stop);
		if (bound.has(name)) return name;
	}
	return undefined;
}

/**
 * The lines of one macro call: the body with the arguments substituted. Errors in them point at
 * the call (`origin`). Returns undefined when they would be longer than `limit` characters in all.
 */
export function expandMacro(
	body: SourceLine[],
	bound: Map<string, string>,
	counter: number,
	origin: { name: string; line: number; file: string; span: Span },
	limit: number
): SourceLine[] | undefined {
	const lines: SourceLine[] = [];
	let left = limit;
	for (const b of body) {
		const text = substitute(b.text, bound, counter, left);
		if (text === undefined) return undefined;
		left -= text.length;
		lines.push({ text, file: b.file, line: b.line, macro: origin });
	}
	return lines;
}
