/**
 * Splits one line of GNU as source into tokens. `#` starts a comment (the RISC-V port's comment
 * character, binutils gas/config/tc-riscv.c), `;` separates statements on one line.
 * Numbers follow GNU as: `0x` hex, `0b` binary, a leading `0` octal, `'c` character constants, and
 * `1b`/`1f` refer to the previous/next numeric local label `1:` (GNU as manual §5.3 "Local Labels").
 */

export type TokenKind =
	| 'ident'
	| 'number'
	| 'string'
	| 'localref'
	| 'reloc'
	| 'op'
	| 'comma'
	| 'colon'
	| 'lparen'
	| 'rparen'
	| 'equals';

export interface Token {
	kind: TokenKind;
	/** Source text of the token. */
	text: string;
	/** 1-based column of the first character, and one past the last. */
	column: number;
	endColumn: number;
	/** Numbers: the value. */
	value?: bigint;
	/** Strings: the decoded bytes. */
	bytes?: number[];
	/** Local label references: label number and direction. */
	local?: { label: string; forward: boolean };
	/** How to name the token in messages when `text` is an internal name (resolved local labels). */
	display?: string;
}

export interface LexError {
	column: number;
	endColumn: number;
	message: string;
}

export interface Statement {
	tokens: Token[];
	/** Column span of the whole statement, for diagnostics about it as a whole. */
	column: number;
	endColumn: number;
}

// `@` starts type names such as @function and @nobits in .type and .section.
const identStart = /[A-Za-z_.$@]/;
const identPart = /[A-Za-z0-9_.$]/;
const RELOCS = new Set(['hi', 'lo', 'pcrel_hi', 'pcrel_lo']);
const TWO_CHAR_OPS = ['<<', '>>', '&&', '||', '==', '!=', '<=', '>=', '<>'];
/** One encoder for every string: making one per character cost about 2 µs each. */
const UTF8 = new TextEncoder();

/**
 * Decodes one escape sequence in a string, starting after the backslash; returns [byte,
 * characters used]. This follows GNU as 2.40 (read.c, next_char_of_string), which differs from C:
 * - only \b \f \n \r \t \v name control characters; `\a` is 'a' and `\e` is 'e', like any other
 *   character after a backslash (so `\\`, `\"` and `\'` are themselves);
 * - `\` and up to three decimal digits, 8 and 9 included, read as octal place values: `\101` is
 *   'A', `\18` is 1·8 + 8 = 16, and only the low byte is kept (`\777` is 0xff);
 * - `\x` takes every hex digit that follows and keeps the low byte (`\x4142` is 'B'); with no
 *   digit at all it is 0.
 */
function stringEscape(text: string, i: number): [number, number] {
	const c = text[i];
	const simple: Record<string, number> = { b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
	if (c in simple) return [simple[c], 1];
	if (c === 'x' || c === 'X') {
		const digits = /^[0-9a-fA-F]*/.exec(text.slice(i + 1))![0];
		const value = digits === '' ? 0 : Number(BigInt('0x' + digits) & 0xffn);
		return [value, 1 + digits.length];
	}
	const decimal = /^[0-9]{1,3}/.exec(text.slice(i));
	if (decimal) {
		let value = 0;
		for (const d of decimal[0]) value = value * 8 + Number(d);
		return [value & 0xff, decimal[0].length];
	}
	return [text.charCodeAt(i) & 0xff, 1];
}

/**
 * Decodes the character after the backslash of a character constant such as `'\n`. GNU as reads
 * these in its input scrubber (app.c), which knows only \b \f \n \r \t: everything else, digits
 * and `\v` included, is the character itself, so `'\0` is '0' (48), not NUL.
 */
function charEscape(text: string, i: number): number {
	const simple: Record<string, number> = { b: 8, f: 12, n: 10, r: 13, t: 9 };
	return simple[text[i]] ?? text.charCodeAt(i) & 0xff;
}

/** Parses a numeric literal at `i`; returns the token or undefined when it is not one. */
function lexNumber(text: string, i: number): { end: number; token: Partial<Token> } | undefined {
	const rest = text.slice(i);
	let m = /^0[xX]([0-9a-fA-F]+)/.exec(rest);
	if (m) return { end: i + m[0].length, token: { kind: 'number', value: BigInt('0x' + m[1]) } };
	m = /^0[bB]([01]+)(?![0-9])/.exec(rest);
	if (m) return { end: i + m[0].length, token: { kind: 'number', value: BigInt('0b' + m[1]) } };
	m = /^([0-9]+)([bfBF])(?![A-Za-z0-9_.$])/.exec(rest);
	if (m) {
		const forward = m[2] === 'f' || m[2] === 'F';
		return {
			end: i + m[0].length,
			token: { kind: 'localref', local: { label: String(Number(m[1])), forward } }
		};
	}
	m = /^[0-9]+/.exec(rest);
	if (!m) return undefined;
	const digits = m[0];
	const octal = digits.length > 1 && digits[0] === '0';
	if (octal && /[89]/.test(digits)) return undefined;
	const value = octal ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
	return { end: i + digits.length, token: { kind: 'number', value } };
}

/**
 * Tokenizes `text` (one source line, comments included) into statements separated by `;`.
 * Errors are reported per bad character; the rest of the line is still tokenized.
 */
export function tokenizeLine(text: string): { statements: Statement[]; errors: LexError[] } {
	const statements: Statement[] = [];
	const errors: LexError[] = [];
	let tokens: Token[] = [];
	const finish = () => {
		if (tokens.length > 0) {
			const last = tokens[tokens.length - 1];
			statements.push({ tokens, column: tokens[0].column, endColumn: last.endColumn });
		}
		tokens = [];
	};
	const push = (t: Partial<Token> & { kind: TokenKind }, from: number, to: number) => {
		tokens.push({ text: text.slice(from, to), column: from + 1, endColumn: to + 1, ...t });
	};

	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
			i++;
			continue;
		}
		if (c === '#') break;
		if (c === ';') {
			finish();
			i++;
			continue;
		}
		if (identStart.test(c)) {
			let j = i + 1;
			while (j < text.length && identPart.test(text[j])) j++;
			push({ kind: 'ident' }, i, j);
			i = j;
			continue;
		}
		if (c >= '0' && c <= '9') {
			const n = lexNumber(text, i);
			if (n) {
				push(n.token as Token, i, n.end);
				i = n.end;
				continue;
			}
			let j = i + 1;
			while (j < text.length && identPart.test(text[j])) j++;
			errors.push({ column: i + 1, endColumn: j + 1, message: `bad number '${text.slice(i, j)}'` });
			i = j;
			continue;
		}
		if (c === '"') {
			const bytes: number[] = [];
			let j = i + 1;
			let closed = false;
			while (j < text.length) {
				const d = text[j];
				if (d === '"') {
					closed = true;
					j++;
					break;
				}
				if (d === '\\' && j + 1 < text.length) {
					// GNU as reads bytes: before a non-ASCII character the backslash escapes only the
					// first byte of its UTF-8 form, which stands for itself, so the character comes
					// out unchanged. Drop the backslash and let the code below write the character.
					if (text.charCodeAt(j + 1) >= 0x80) {
						j++;
						continue;
					}
					const [b, used] = stringEscape(text, j + 1);
					bytes.push(b);
					j += 1 + used;
					continue;
				}
				// Characters outside ASCII are written as UTF-8, as GNU as reads the raw bytes.
				const code = text.codePointAt(j) ?? 0;
				if (code < 0x80) bytes.push(code);
				else bytes.push(...UTF8.encode(String.fromCodePoint(code)));
				j += code > 0xffff ? 2 : 1;
			}
			if (!closed) {
				errors.push({ column: i + 1, endColumn: j + 1, message: 'missing closing quote (")' });
			}
			push({ kind: 'string', bytes }, i, j);
			i = j;
			continue;
		}
		if (c === "'") {
			// GNU as character constant: 'c, optionally closed by a second quote; escapes allowed.
			let j = i + 1;
			let value = 0;
			if (j >= text.length) {
				errors.push({ column: i + 1, endColumn: j + 1, message: 'missing character after quote' });
				i = j;
				continue;
			}
			if (text[j] === '\\' && j + 1 < text.length) {
				value = charEscape(text, j + 1);
				j += 2;
			} else {
				value = text.charCodeAt(j) & 0xff;
				j++;
			}
			if (text[j] === "'") j++;
			push({ kind: 'number', value: BigInt(value) }, i, j);
			i = j;
			continue;
		}
		if (c === '%') {
			const m = /^%([A-Za-z_]+)/.exec(text.slice(i));
			if (m && RELOCS.has(m[1])) {
				push({ kind: 'reloc' }, i, i + m[0].length);
				i += m[0].length;
				continue;
			}
			if (m && /^\s*\(/.test(text.slice(i + m[0].length))) {
				errors.push({
					column: i + 1,
					endColumn: i + 1 + m[0].length,
					message: `unknown relocation '${m[0]}' (expected %hi, %lo, %pcrel_hi or %pcrel_lo)`
				});
				i += m[0].length;
				continue;
			}
		}
		const two = text.slice(i, i + 2);
		if (TWO_CHAR_OPS.includes(two)) {
			push({ kind: 'op' }, i, i + 2);
			i += 2;
			continue;
		}
		const single: Record<string, TokenKind> = {
			',': 'comma',
			':': 'colon',
			'(': 'lparen',
			')': 'rparen',
			'=': 'equals'
		};
		if (c in single) {
			push({ kind: single[c] }, i, i + 1);
			i++;
			continue;
		}
		if ('+-*/%&|^~!<>'.includes(c)) {
			push({ kind: 'op' }, i, i + 1);
			i++;
			continue;
		}
		errors.push({ column: i + 1, endColumn: i + 2, message: `unexpected character '${c}'` });
		i++;
	}
	finish();
	return { statements, errors };
}
