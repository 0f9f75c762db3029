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
