import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../src/lib/widgets/machine/language/classify.ts';

describe('classify', () => {
	it('calls a real instruction an instruction even when the assembler also has a short form', () => {
		// fence, jal, jalr and lw have pseudo forms in asm/pseudo.ts; they still encode themselves.
		for (const word of ['fence', 'jal', 'jalr', 'lw', 'sfence.vma', 'csrrw'])
			expect(classify(word)).toBe('instruction');
		for (const word of ['li', 'fence.tso', 'sext.b', 'rdtime'])
			expect(classify(word)).toBe('pseudo');
	});

	it('folds mnemonics and directives to lower case as the assembler does, but not mixed case', () => {
		expect(classify('ADDI')).toBe('instruction');
		expect(classify('AMOSWAP.W.AQRL')).toBe('instruction');
		expect(classify('LI')).toBe('pseudo');
		expect(classify('.WORD')).toBe('directive');
		expect(classify('Addi')).toBe('identifier');
	});

	it('keeps registers and CSR names case-sensitive, as the assembler reads them', () => {
		expect(classify('a0')).toBe('register');
		expect(classify('fp')).toBe('register');
		expect(classify('A0')).toBe('identifier');
		expect(classify('mstatus')).toBe('csr');
		expect(classify('hgatp')).toBe('csr');
		expect(classify('pmpaddr63')).toBe('csr');
		expect(classify('MSTATUS')).toBe('identifier');
	});

	it('knows the names the assembler accepts for CSRs the machine lacks', () => {
		expect(classify('fcsr')).toBe('csr');
		expect(classify('stimecmp')).toBe('csr');
	});

	it('knows the relocations and the .cfi_ family', () => {
		expect(classify('%pcrel_lo')).toBe('relocation');
		expect(classify('%high')).toBe('identifier');
		expect(classify('.cfi_def_cfa_offset')).toBe('directive');
		expect(classify('.cfi_Mixed')).toBe('identifier');
	});

	it('leaves labels and unknown words as identifiers', () => {
		for (const word of ['main', '_start', '.Lloop', 'x32', 'a8'])
			expect(classify(word)).toBe('identifier');
	});
});
