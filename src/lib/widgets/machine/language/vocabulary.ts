/**
 * The words of the assembly language, gathered from where the assembler and the machine define
 * them, so that highlighting, hover and completion can never disagree with what assembles:
 * instructions from the instruction table (isa/table.ts) with the AMO ordering suffixes, the
 * pseudo-instructions the assembler expands (asm/pseudo.ts), directives (directives.ts here),
 * registers (isa/registers.ts and `fp`) and CSR names (isa/csr.ts, and the names objdump prints
 * for CSRs the machine lacks, which the assembler also accepts).
 */
import { knownMnemonics } from '../../../emulator/asm/instructions.ts';
import { objdumpOnlyCsrNumber } from '../../../emulator/isa/csr-objdump.ts';
import { csrNumber } from '../../../emulator/isa/csr.ts';
import { abiNames } from '../../../emulator/isa/registers.ts';
import { instructionByName, instructions } from '../../../emulator/isa/table.ts';
import { DIRECTIVE_DOCS } from './directives.ts';

/** AMOs and LR/SC take `.aq`, `.rl` or `.aqrl` to order them (Volume I §8.2, §8.4). */
export const ORDERING_SUFFIXES = ['.aq', '.rl', '.aqrl'] as const;

/** Mnemonics of the instruction table, and each A instruction with each ordering suffix. */
export const INSTRUCTION_MNEMONICS: readonly string[] = instructions.flatMap((s) =>
	s.extension === 'A' ? [s.name, ...ORDERING_SUFFIXES.map((x) => s.name + x)] : [s.name]
);

/** Mnemonics the assembler expands into other instructions, and that are not instructions. */
export const PSEUDO_MNEMONICS: readonly string[] = knownMnemonics().filter(
	(name) => !instructionByName.has(name)
);

export const DIRECTIVES: readonly string[] = Object.keys(DIRECTIVE_DOCS);

/** x0–x31, then the ABI names, then fp. */
export const REGISTER_NAMES: readonly string[] = [
	...abiNames.map((_, i) => `x${i}`),
	...abiNames,
	'fp'
];

/** CSRs the machine implements, by name. */
export const CSR_NAMES: readonly string[] = [...csrNumber.keys()];

/** CSR names the assembler accepts although the machine lacks them (fcsr, stimecmp, …). */
export const FOREIGN_CSR_NAMES: readonly string[] = [...objdumpOnlyCsrNumber.keys()];

/** `%hi(…)` and friends (asm/lexer.ts): parts of an address for a pair of instructions. */
export const RELOCATIONS: readonly string[] = ['%hi', '%lo', '%pcrel_hi', '%pcrel_lo'];
