import { describe, expect, it } from 'vitest';
import { indexProgram } from '../../../../../src/lib/widgets/machine/language/program-index.ts';
import {
	directiveMarkdown,
	numberMarkdown,
	registerMarkdown,
	symbolMarkdown,
	wordMarkdown
} from '../../../../../src/lib/widgets/machine/language/word-docs.ts';

describe('word docs', () => {
	it('dispatches on the class of the word', () => {
		const index = indexProgram('');
		expect(wordMarkdown('sub', index)).toContain('rd = rs1 - rs2');
		expect(wordMarkdown('mv', index)).toContain('pseudo-instruction');
		expect(wordMarkdown('.text', index)).toContain('**.text** directive');
		expect(wordMarkdown('sp', index)).toContain('stack pointer');
		expect(wordMarkdown('sepc', index)).toContain('CSR 0x141');
		expect(wordMarkdown('%pcrel_lo', index)).toContain('auipc');
		expect(wordMarkdown('nothing', index)).toBeUndefined();
	});

	it('names registers by number and ABI name, with who saves them', () => {
		expect(registerMarkdown('fp')).toMatch(/^\*\*x8\*\* \(s0\) · saved register, frame pointer/);
		expect(registerMarkdown('x1')).toContain('saved by the caller');
		expect(registerMarkdown('x0')).not.toContain('saved by');
	});

	it('knows directives in either case and the .cfi_ family', () => {
		expect(directiveMarkdown('.WORD')).toContain('4 bytes');
		expect(directiveMarkdown('.cfi_offset')).toContain('ignored');
		expect(directiveMarkdown('.nosuch')).toBeUndefined();
	});

	it('writes numbers in decimal, hex, binary and as a character', () => {
		expect(numberMarkdown(65n)).toBe("65 = 0x41 = 0b1000001 = 'A'");
		expect(numberMarkdown(-1n)).toBe('-1 = -0x1');
		expect(numberMarkdown(0x10000n)).toBe('65536 = 0x10000');
	});

	it('gives a symbol made by a macro its value though it is written nowhere', () => {
		const index = indexProgram('', [
			{ name: 'made', value: 0x80000010, section: '.text', global: false }
		]);
		expect(symbolMarkdown(undefined, 'made', index)).toBe(
			'**made** · label · address 0x80000010 in .text'
		);
	});
});
