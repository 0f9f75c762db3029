import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';

const kinds = (line: string) =>
	tokenizeLine(line).statements.map((s) => s.tokens.map((t) => `${t.kind}:${t.text}`));

describe('tokenizeLine', () => {
	it('splits an instruction into tokens with 1-based columns', () => {
		const { statements } = tokenizeLine('  lw a0, -20(s0)');
		expect(statements[0].tokens.map((t) => [t.kind, t.text, t.column, t.endColumn])).toEqual([
			['ident', 'lw', 3, 5],
			['ident', 'a0', 6, 8],
			['comma', ',', 8, 9],
			['op', '-', 10, 11],
			['number', '20', 11, 13],
			['lparen', '(', 13, 14],
			['ident', 's0', 14, 16],
			['rparen', ')', 16, 17]
		]);
	});

	it('reads GNU as number forms: hex, binary, octal, characters', () => {
		const values = (line: string) => tokenizeLine(line).statements[0].tokens.map((t) => t.value);
		expect(values("0x1F 0b101 017 42 'a '\\n")).toEqual([31n, 5n, 15n, 42n, 97n, 10n]);
	});

	it('reads 1b and 1f as local label references, not numbers', () => {
		const [t1, t2] = tokenizeLine('1b 12f').statements[0].tokens;
		expect([t1.kind, t1.local]).toEqual(['localref', { label: '1', forward: false }]);
		expect([t2.kind, t2.local]).toEqual(['localref', { label: '12', forward: true }]);
	});

	it('decodes string escapes', () => {
		const [t] = tokenizeLine('"a\\n\\t\\"\\x41\\101\\\\"').statements[0].tokens;
		expect(t.bytes).toEqual([97, 10, 9, 34, 65, 65, 92]);
	});

	it('decodes escapes as GNU as 2.40 does (read.c next_char_of_string)', () => {
		// Bytes from riscv64-unknown-elf-as 2.40 for each string.
		const bytes = (src: string) => tokenizeLine(src).statements[0].tokens[0].bytes;
		// Only \b \f \n \r \t \v are letters with a meaning; any other character stands for itself.
		expect(bytes('"\\e\\a\\v\\b\\f\\r\\q\\E\\\'"')).toEqual([
			0x65, 0x61, 0x0b, 0x08, 0x0c, 0x0d, 0x71, 0x45, 0x27
		]);
		// Up to three digits, 8 and 9 included, each times 8, keeping the low byte.
		expect(bytes('"\\0\\07\\1011\\377\\400\\777\\8\\18\\99"')).toEqual([
			0x00, 0x07, 0x41, 0x31, 0xff, 0x00, 0xff, 0x08, 0x10, 0x51
		]);
		// \x takes every hex digit that follows (keeping the low byte); none at all is 0.
		expect(bytes('"\\x41\\x4142\\X41\\x\\xg"')).toEqual([0x41, 0x42, 0x41, 0x00, 0x00, 0x67]);
		// Before a non-ASCII character the backslash changes nothing: é stays UTF-8 c3 a9.
		expect(bytes('"\\é"')).toEqual([0xc3, 0xa9]);
	});

	it('reads a character constant escape as GNU as 2.40 does: only \\b \\f \\n \\r \\t', () => {
		// The GNU as input scrubber (app.c) turns '\c into a number; anything else is the character.
		const values = (line: string) => tokenizeLine(line).statements[0].tokens.map((t) => t.value);
		expect(values("'\\b '\\f '\\n '\\r '\\t")).toEqual([8n, 12n, 10n, 13n, 9n]);
		expect(values("'\\e '\\a '\\v '\\0' '\\q '\\\\ '\\'")).toEqual([
			0x65n,
			0x61n,
			0x76n,
			0x30n,
			0x71n,
			0x5cn,
			0x27n
		]);
	});

	it('stops at # comments and splits statements at ;', () => {
		expect(kinds('nop ; ecall # ; ebreak')).toEqual([['ident:nop'], ['ident:ecall']]);
	});

	it('reads relocation functions and two-character operators', () => {
		expect(kinds('%hi(x) << >> %pcrel_lo')).toEqual([
			['reloc:%hi', 'lparen:(', 'ident:x', 'rparen:)', 'op:<<', 'op:>>', 'reloc:%pcrel_lo']
		]);
	});

	it('reports bad characters, unknown relocations and unclosed strings, and keeps going', () => {
		const { statements, errors } = tokenizeLine('nop ` "open');
		expect(errors.map((e) => [e.column, e.message])).toEqual([
			[5, "unexpected character '`'"],
			[7, 'missing closing quote (")']
		]);
		expect(statements[0].tokens[0].text).toBe('nop');
		expect(tokenizeLine('%got(x)').errors[0].message).toMatch(/unknown relocation '%got'/);
	});
});
