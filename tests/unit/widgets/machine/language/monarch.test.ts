/**
 * The Monarch tokenizer, run by a small interpreter (monarch-interpreter.ts): every word the
 * emulator defines gets its class's token, taken from the emulator's own lists (not from the
 * vocabulary the tokenizer is built from), and the rest of the syntax follows the assembler's lexer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownMnemonics } from '../../../../../src/lib/emulator/asm/instructions.ts';
import { tokenizeLine } from '../../../../../src/lib/emulator/asm/lexer.ts';
import { abiNames } from '../../../../../src/lib/emulator/isa/registers.ts';
import { csrNumber } from '../../../../../src/lib/emulator/isa/csr.ts';
import { instructionByName, instructions } from '../../../../../src/lib/emulator/isa/table.ts';
import { classify } from '../../../../../src/lib/widgets/machine/language/classify.ts';
import { DIRECTIVE_DOCS } from '../../../../../src/lib/widgets/machine/language/directives.ts';
import {
	monarchLanguage,
	TOKEN,
	TOKEN_OF_CLASS
} from '../../../../../src/lib/widgets/machine/language/monarch.ts';
import { runMonarch, visible } from './monarch-interpreter.ts';

/** The token of a word written alone on a line, where it is one token. */
function tokenOfWord(word: string): string {
	const tokens = visible(runMonarch(monarchLanguage, word));
	expect(tokens.map((t) => t.text)).toEqual([word]);
	return tokens[0].token;
}

const tokensOf = (line: string) =>
	visible(runMonarch(monarchLanguage, line)).map((t) => [t.text, t.token]);

describe('monarchLanguage: words', () => {
	it('gives each class of word its own token, so that a theme can colour them apart', () => {
		const tokens = Object.values(TOKEN_OF_CLASS);
		expect(new Set(tokens).size).toBe(tokens.length);
	});

	it('gives every mnemonic of the instruction table the instruction token, in either case', () => {
		for (const { name } of instructions) {
			expect(tokenOfWord(name)).toBe(TOKEN_OF_CLASS.instruction);
			expect(tokenOfWord(name.toUpperCase())).toBe(TOKEN_OF_CLASS.instruction);
		}
	});

	it('gives AMOs and LR/SC with an ordering suffix the instruction token', () => {
		const atomics = instructions.filter((s) => s.extension === 'A');
		expect(atomics.length).toBeGreaterThan(0);
		for (const { name } of atomics)
			for (const suffix of ['.aq', '.rl', '.aqrl'])
				expect(tokenOfWord(name + suffix)).toBe(TOKEN_OF_CLASS.instruction);
	});

	it('gives every pseudo-instruction the assembler expands the pseudo token', () => {
		const pseudos = knownMnemonics().filter((m) => !instructionByName.has(m));
		expect(pseudos).toContain('li');
		for (const name of pseudos) expect(tokenOfWord(name)).toBe(TOKEN_OF_CLASS.pseudo);
	});

	it('gives every directive the directive token, .cfi_ ones included', () => {
		for (const name of [...Object.keys(DIRECTIVE_DOCS), '.cfi_startproc', '.CFI_ENDPROC'])
			expect(tokenOfWord(name)).toBe(TOKEN_OF_CLASS.directive);
	});

	it('gives x0–x31, the ABI names and fp the register token', () => {
		const names = [...abiNames, ...abiNames.map((_, i) => `x${i}`), 'fp'];
		for (const name of names) expect(tokenOfWord(name)).toBe(TOKEN_OF_CLASS.register);
	});

	it('gives every CSR the machine implements the CSR token', () => {
		expect(csrNumber.size).toBeGreaterThan(100);
		for (const name of csrNumber.keys()) expect(tokenOfWord(name)).toBe(TOKEN_OF_CLASS.csr);
	});

	it('leaves other words, mixed-case mnemonics and upper-case registers as identifiers', () => {
		for (const word of ['loop', '_start', '.Lend', 'Addi', 'A0', 'MSTATUS', 'x32'])
			expect(tokenOfWord(word)).toBe(TOKEN_OF_CLASS.identifier);
	});

	it('agrees with classify() on any word the assembler lexes as an identifier', () => {
		const vocabulary = [
			...instructions.map((s) => s.name),
			...knownMnemonics(),
			...Object.keys(DIRECTIVE_DOCS),
			...abiNames,
			...csrNumber.keys()
		];
		const word = fc.oneof(
			fc.constantFrom(...vocabulary),
			fc.constantFrom(...vocabulary).map((w) => w.toUpperCase()),
			fc.stringMatching(/^[A-Za-z_.$][A-Za-z0-9_.$]{0,8}$/)
		);
		fc.assert(
			fc.property(word, (w) => {
				const lexed = tokenizeLine(w).statements[0]?.tokens ?? [];
				fc.pre(lexed.length === 1 && lexed[0].kind === 'ident');
				expect(tokenOfWord(w)).toBe(TOKEN_OF_CLASS[classify(w)]);
			}),
			{ numRuns: 100 }
		);
	});
});

describe('monarchLanguage: syntax', () => {
	it('marks labels where they are defined, named and numeric', () => {
		expect(tokensOf('loop: addi a0, a0, -1')).toEqual([
			['loop', TOKEN.label],
			[':', TOKEN.delimiter],
			['addi', 'keyword'],
			['a0', 'variable.predefined'],
			[',', TOKEN.delimiter],
			['a0', 'variable.predefined'],
			[',', TOKEN.delimiter],
			['-', TOKEN.operator],
			['1', TOKEN.number]
		]);
		expect(tokensOf('1 : bnez t0, 1b')[0]).toEqual(['1', TOKEN.label]);
		expect(tokensOf('1 : bnez t0, 1b').at(-1)).toEqual(['1b', TOKEN.localLabelRef]);
		// A mnemonic's name followed by a colon is a label, as the assembler reads it.
		expect(tokensOf('nop: nop')[0]).toEqual(['nop', TOKEN.label]);
	});

	it('reads numbers as the lexer does: hex, binary, octal, decimal and characters', () => {
		const line = "li a0, 0x1F + 0b101 + 017 + 42 + 'A + '\\n'";
		const numbers = tokensOf(line).filter(([, t]) => t.startsWith('number'));
		expect(numbers).toEqual([
			['0x1F', TOKEN.hex],
			['0b101', TOKEN.binary],
			['017', TOKEN.octal],
			['42', TOKEN.number],
			["'A", TOKEN.char],
			["'\\n'", TOKEN.char]
		]);
		// The lexer refuses an octal number with an 8 or 9 in it.
		expect(tokensOf('li a0, 019')).toContainEqual(['019', TOKEN.invalid]);
		expect(tokenizeLine('li a0, 019').errors).toHaveLength(1);
	});

	it('colours # comments to the end of the line, but not inside a string', () => {
		expect(tokensOf('nop # add a0, a0, a1')).toEqual([
			['nop', TOKEN_OF_CLASS.pseudo],
			['# add a0, a0, a1', TOKEN.comment]
		]);
		expect(tokensOf('.asciz "a # b\\" c" # end')).toEqual([
			['.asciz', TOKEN_OF_CLASS.directive],
			['"a # b\\" c"', TOKEN.string],
			['# end', TOKEN.comment]
		]);
		expect(tokensOf('.ascii "open')).toContainEqual(['"open', TOKEN.unterminatedString]);
	});

	it('carries a C comment across lines and resumes code after it', () => {
		const tokens = visible(runMonarch(monarchLanguage, 'nop /* one\n two */ ret'));
		expect(tokens.map((t) => [t.line, t.text, t.token])).toEqual([
			[1, 'nop', TOKEN_OF_CLASS.pseudo],
			[1, '/*', TOKEN.comment],
			[1, ' one', TOKEN.comment],
			[2, ' two ', TOKEN.comment],
			[2, '*/', TOKEN.comment],
			[2, 'ret', TOKEN_OF_CLASS.pseudo]
		]);
	});

	it('does not treat // as a comment: GNU as for RISC-V does not', () => {
		expect(tokensOf('nop // x')).toContainEqual(['x', TOKEN_OF_CLASS.identifier]);
	});

	it('marks the four relocations and only them', () => {
		expect(tokensOf('lui a0, %hi(msg)')).toContainEqual(['%hi', TOKEN_OF_CLASS.relocation]);
		for (const r of ['%lo', '%pcrel_hi', '%pcrel_lo'])
			expect(tokensOf(`addi a0, a0, ${r}(x)`)).toContainEqual([r, TOKEN_OF_CLASS.relocation]);
		expect(tokensOf('addi a0, a0, %high(x)')).not.toContainEqual(
			expect.arrayContaining([TOKEN_OF_CLASS.relocation])
		);
	});

	it('marks macro arguments in a macro body', () => {
		expect(tokensOf('addi \\reg, \\reg, 1')).toContainEqual(['\\reg', TOKEN.macroArgument]);
	});
});
