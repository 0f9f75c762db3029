/**
 * The vocabulary is what the assembler accepts: each mnemonic assembles as an instruction, each
 * register name as a register, each CSR name as a CSR, and a word outside the vocabulary is an
 * unknown instruction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import { registerNumber } from '../../../../../src/lib/emulator/asm/registers.ts';
import { csrNumber } from '../../../../../src/lib/emulator/isa/csr.ts';
import { instructions } from '../../../../../src/lib/emulator/isa/table.ts';
import {
	CSR_NAMES,
	FOREIGN_CSR_NAMES,
	INSTRUCTION_MNEMONICS,
	PSEUDO_MNEMONICS,
	REGISTER_NAMES
} from '../../../../../src/lib/widgets/machine/language/vocabulary.ts';

const messages = (source: string) => assemble(source).diagnostics.map((d) => d.message);
const unknown = (word: string) => messages(word).some((m) => m.startsWith('unknown instruction'));

describe('vocabulary', () => {
	it('has every mnemonic of the instruction table, and nothing the assembler rejects', () => {
		for (const s of instructions) expect(INSTRUCTION_MNEMONICS).toContain(s.name);
		for (const m of [...INSTRUCTION_MNEMONICS, ...PSEUDO_MNEMONICS]) expect(unknown(m)).toBe(false);
	});

	it('keeps pseudo-instructions apart from instructions', () => {
		const both = PSEUDO_MNEMONICS.filter((m) => INSTRUCTION_MNEMONICS.includes(m));
		expect(both).toEqual([]);
		expect(PSEUDO_MNEMONICS).toEqual(expect.arrayContaining(['li', 'la', 'call', 'ret', 'csrr']));
	});

	it('leaves out no word the assembler knows as a mnemonic', () => {
		const known = new Set([...INSTRUCTION_MNEMONICS, ...PSEUDO_MNEMONICS]);
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z][a-z.]{0,7}$/), (word) => {
				expect(unknown(word)).toBe(!known.has(word));
			}),
			{ numRuns: 100 }
		);
	});

	it('names exactly the registers the assembler reads', () => {
		expect(REGISTER_NAMES).toHaveLength(65);
		for (const name of REGISTER_NAMES) expect(registerNumber(name)).toBeDefined();
		for (const name of REGISTER_NAMES) expect(messages(`mv ${name}, ${name}`)).toEqual([]);
	});

	it('names every CSR the machine implements, and the foreign names the assembler accepts', () => {
		expect(CSR_NAMES).toEqual([...csrNumber.keys()]);
		for (const name of [...CSR_NAMES, ...FOREIGN_CSR_NAMES].filter((_, i) => i % 7 === 0))
			expect(messages(`csrr a0, ${name}`)).toEqual([]);
		expect(messages('csrr a0, nosuchcsr')).not.toEqual([]);
	});
});
