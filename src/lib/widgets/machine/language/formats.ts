/**
 * The base instruction formats (Volume I §2.2 "Base Instruction Formats" and §2.3 "Immediate
 * Encoding Variants"): which fields of the word each format has. An instruction's format follows
 * from its operands in the instruction table: a branch offset makes it B-type, a store S-type, and
 * so on. CSR instructions are I-type with the CSR number in the immediate (Volume I §9.1), and
 * ECALL, EBREAK, MRET, SRET and WFI are I-type with a fixed immediate (funct12) and no operands.
 */
import type { FieldName, InstructionSpec, OperandKind } from '../../../emulator/isa/table.ts';

export type Format = 'R' | 'I' | 'S' | 'B' | 'U' | 'J';

/** The fields each format lays out besides the opcode and function codes. */
export const FORMAT_FIELDS: Readonly<Record<Format, readonly FieldName[]>> = {
	R: ['rd', 'rs1', 'rs2'],
	I: ['rd', 'rs1', 'immI'],
	S: ['rs1', 'rs2', 'immS'],
	B: ['rs1', 'rs2', 'immB'],
	U: ['rd', 'immU'],
	J: ['rd', 'immJ']
};

/** Operand kinds that only one format has, checked in this order. */
const FORMAT_OF_KIND: readonly (readonly [OperandKind, Format])[] = [
	['branch', 'B'],
	['jump', 'J'],
	['upper', 'U'],
	['memS', 'S'],
	['memI', 'I'],
	['imm12', 'I'],
	['shamt', 'I'],
	['csr', 'I'],
	['pred', 'I']
];

/** The format of an instruction: R when it has registers only, I when it has no operands. */
export function formatOf(spec: InstructionSpec): Format {
	for (const [kind, format] of FORMAT_OF_KIND) if (spec.operands.includes(kind)) return format;
	return spec.operands.length === 0 ? 'I' : 'R';
}
