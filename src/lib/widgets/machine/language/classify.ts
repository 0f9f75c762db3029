/**
 * The class of a word of assembly source: what highlighting colours it as, and what hover and
 * completion say about it. The Monarch tokenizer (monarch.ts) is generated from the same word
 * sets, so the editor and this function agree (the unit test runs both).
 *
 * Mnemonics and directives are case-insensitive in the assembler (GNU as folds them); the editor
 * recognises them in lower case and in upper case (`ADDI`), not mixed (`Addi`), which Monarch's
 * word lists cannot express without folding registers too. Registers and CSR names are
 * case-sensitive, as in the assembler.
 */
import { CFI_PREFIX } from './directives.ts';
import {
	CSR_NAMES,
	DIRECTIVES,
	FOREIGN_CSR_NAMES,
	INSTRUCTION_MNEMONICS,
	PSEUDO_MNEMONICS,
	REGISTER_NAMES,
	RELOCATIONS
} from './vocabulary.ts';

export type WordClass =
	'instruction' | 'pseudo' | 'directive' | 'register' | 'csr' | 'relocation' | 'identifier';

/** Each spelling the editor recognises: the lower-case word and its upper-case form. */
export const bothCases = (words: readonly string[]): string[] =>
	words.flatMap((w) => [w, w.toUpperCase()]);

const instructionSet = new Set(bothCases(INSTRUCTION_MNEMONICS));
const pseudoSet = new Set(bothCases(PSEUDO_MNEMONICS));
const directiveSet = new Set(bothCases(DIRECTIVES));
const registerSet = new Set(REGISTER_NAMES);
const csrSet = new Set([...CSR_NAMES, ...FOREIGN_CSR_NAMES]);
const relocationSet = new Set(RELOCATIONS);

/** Call-frame directives (`.cfi_startproc`, …) as a family, in either case. */
export function isCfiDirective(word: string): boolean {
	return (
		word.toLowerCase().startsWith(CFI_PREFIX) &&
		(word === word.toLowerCase() || word === word.toUpperCase())
	);
}

export function classify(word: string): WordClass {
	if (instructionSet.has(word)) return 'instruction';
	if (pseudoSet.has(word)) return 'pseudo';
	if (directiveSet.has(word) || isCfiDirective(word)) return 'directive';
	if (registerSet.has(word)) return 'register';
	if (csrSet.has(word)) return 'csr';
	if (relocationSet.has(word)) return 'relocation';
	return 'identifier';
}
