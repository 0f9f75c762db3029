/**
 * The operands of `.irp name, values…` and `.irpc name, characters` (GNU as manual §7 ".irp",
 * ".irpc"), read as GNU as reads macro arguments (gas/macro.c).
 */

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

function skipBlanks(s: string, i: number): number {
	while (isBlank(s[i])) i++;
	return i;
}

/** Blanks, at most one comma, blanks (GNU as macro.c, sb_skip_comma). */
function skipComma(s: string, i: number): number {
	i = skipBlanks(s, i);
	return s[i] === ',' ? skipBlanks(s, i + 1) : i;
}

/**
 * Parses `name, values…` after `.irp` or `.irpc`. With no values the block is assembled once with
 * the empty string (GNU as manual, ".irp").
 */
export function parseIrp(
	kind: 'irp' | 'irpc',
	text: string
): { param: string; values: string[] } | string {
	const m = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*)/.exec(text);
	if (!m) return `.${kind} expects a parameter name (missing model parameter)`;
	let i = skipComma(text, m[0].length);
	if (i >= text.length) return { param: m[1], values: [''] };
	const values: string[] = [];
	if (kind === 'irp') {
		while (i < text.length) {
			const [value, next] = irpValue(text, i);
			values.push(value);
			i = skipComma(text, next);
		}
		return { param: m[1], values };
	}
	// .irpc: every character is a value; quotes are dropped, and blanks count only inside them.
	let quoted = false;
	while (i < text.length) {
		if (text[i] === '"') quoted = !quoted;
		else values.push(text[i]);
		i++;
		if (!quoted) i = skipBlanks(text, i);
	}
	return { param: m[1], values };
}

/**
 * One `.irp` value, read as GNU as reads a macro argument (macro.c, get_any_string): a string in
 * double quotes without its quotes, or else the text up to a comma, or a blank outside brackets.
 */
function irpValue(s: string, i: number): [string, number] {
	if (s[i] === '"') return quoted(s, i);
	let out = '';
	const brackets: string[] = [];
	while (i < s.length && s[i] !== ',' && (brackets.length > 0 || !isBlank(s[i]))) {
		const c = s[i];
		if (c === '"' || c === "'") {
			// A quoted part inside a value is kept with its quotes, blanks and all.
			const end = s.indexOf(c, i + 1);
			if (end < 0) return [out + s.slice(i), s.length];
			out += s.slice(i, end);
			i = end;
		} else if (c === '(' || c === '[') brackets.push(c);
		else if (
			(c === ')' && brackets[brackets.length - 1] === '(') ||
			(c === ']' && brackets[brackets.length - 1] === '[')
		)
			brackets.pop();
		out += s[i++];
	}
	return [out, i];
}

/** A string in double quotes (GNU as macro.c, getstring): `\"` and `""` stand for a quote. */
function quoted(s: string, i: number): [string, number] {
	let out = '';
	let escaped = false;
	for (i++; i < s.length; i++) {
		escaped = s[i - 1] === '\\' ? !escaped : false;
		if (!escaped && s[i] === '"') {
			if (s[i + 1] !== '"') return [out, i + 1];
			i++;
		}
		out += s[i];
	}
	return [out, i];
}
