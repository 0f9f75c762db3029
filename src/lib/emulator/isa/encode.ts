/**
 * Instruction encoding: packs operand values into the fields that the instruction table says
 * each operand kind fills (table.ts, `operandFields` and `Field`). Field layouts follow The RISC-V
 * Instruction Set Manual, Volume I (20191213), §2.2–§2.3 "Base Instruction Formats" and
 * "Immediate Encoding Variants". This is VirtLab's one encoder: the assembler, the built-in
 * benchmark guest and the tests all encode through it.
 *
 * `encode` does not check ranges: the assembler does that first (see `operandRange`) so that it can
 * report a positioned diagnostic. Out-of-range values are truncated to their field here.
 */
import {
	Field,
	instructionByName,
	operandFields,
	packField,
	type InstructionSpec,
	type OperandKind
} from './table.ts';

/** The values of an instruction's operands, by field. Omitted fields are zero. */
export interface OperandValues {
	rd?: number;
	rs1?: number;
	rs2?: number;
	/** The immediate of imm12, shamt, memI, memS, upper, uimm5; the byte offset of branch and jump. */
	imm?: number;
	csr?: number;
	/** FENCE predecessor and successor sets: bit 3 = i, 2 = o, 1 = r, 0 = w. */
	pred?: number;
	succ?: number;
	/** AMO ordering bits (bit 26 aq, bit 25 rl). */
	aq?: boolean;
	rl?: boolean;
}

/** I-type immediate: imm[11:0] in bits 31:20. */
export const iImmediate = (imm: number) => packField(Field.immI, imm);
/** S-type immediate: imm[11:5] in 31:25, imm[4:0] in 11:7. */
export const sImmediate = (imm: number) => packField(Field.immS, imm);
/** B-type offset: imm[12] in 31, imm[10:5] in 30:25, imm[4:1] in 11:8, imm[11] in 7. */
export const bImmediate = (offset: number) => packField(Field.immB, offset);
/** J-type offset: imm[20] in 31, imm[10:1] in 30:21, imm[11] in 20, imm[19:12] in 19:12. */
export const jImmediate = (offset: number) => packField(Field.immJ, offset);
/** U-type immediate: the 20-bit value goes to bits 31:12. */
export const uImmediate = (imm20: number) => packField(Field.immU, imm20);

/** The 32-bit word (as an unsigned number) for `spec` with the given operand values. */
export function encode(spec: InstructionSpec, values: OperandValues): number {
	let word = spec.match;
	for (const kind of spec.operands)
		for (const [field, value] of operandFields[kind])
			word |= packField(Field[field], values[value] ?? 0);
	if (values.aq) word |= packField(Field.aq, 1);
	if (values.rl) word |= packField(Field.rl, 1);
	return word >>> 0;
}

/** `encode` by mnemonic, for code that builds machine code without the assembler. */
export function encodeNamed(name: string, values: OperandValues = {}): number {
	const spec = instructionByName.get(name);
	if (!spec) throw new Error(`no instruction named '${name}' in the table`);
	return encode(spec, values);
}

/** Inclusive range and required alignment of an operand kind's numeric value. */
export interface OperandRange {
	min: number;
	max: number;
	/** The value must be a multiple of this (branch and jump offsets). */
	multipleOf: number;
}

/** Ranges the assembler checks before calling `encode` (Volume I §2.3, §2.5). */
export function operandRange(kind: OperandKind): OperandRange | undefined {
	switch (kind) {
		case 'imm12':
		case 'memI':
		case 'memS':
			return { min: -2048, max: 2047, multipleOf: 1 };
		case 'shamt':
		case 'uimm5':
			return { min: 0, max: 31, multipleOf: 1 };
		case 'branch':
			return { min: -4096, max: 4094, multipleOf: 2 };
		case 'jump':
			return { min: -(1 << 20), max: (1 << 20) - 2, multipleOf: 2 };
		case 'upper':
			return { min: 0, max: 0xfffff, multipleOf: 1 };
		case 'csr':
			return { min: 0, max: 0xfff, multipleOf: 1 };
		default:
			return undefined;
	}
}
