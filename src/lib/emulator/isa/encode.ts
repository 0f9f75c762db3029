/**
 * Instruction encoding: packs operand values into the bit fields that the instruction table's
 * operand kinds name (table.ts, `OperandKind`). Field layouts follow The RISC-V Instruction Set
 * Manual, Volume I (20191213), §2.2–§2.3 "Base Instruction Formats" and "Immediate Encoding
 * Variants".
 *
 * `encode` does not check ranges: the assembler does that first (see `operandRange`) so that it can
 * report a positioned diagnostic. Out-of-range values are truncated to their field here.
 */
import type { InstructionSpec, OperandKind } from './table.ts';

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

const reg = (v: number | undefined) => (v ?? 0) & 0x1f;

/** I-type immediate: imm[11:0] in bits 31:20. */
export function iImmediate(imm: number): number {
	return (imm & 0xfff) << 20;
}

/** S-type immediate: imm[11:5] in 31:25, imm[4:0] in 11:7. */
export function sImmediate(imm: number): number {
	return (((imm >> 5) & 0x7f) << 25) | ((imm & 0x1f) << 7);
}

/** B-type offset: imm[12] in 31, imm[10:5] in 30:25, imm[4:1] in 11:8, imm[11] in 7. */
export function bImmediate(offset: number): number {
	return (
		(((offset >> 12) & 1) << 31) |
		(((offset >> 5) & 0x3f) << 25) |
		(((offset >> 1) & 0xf) << 8) |
		(((offset >> 11) & 1) << 7)
	);
}

/** J-type offset: imm[20] in 31, imm[10:1] in 30:21, imm[11] in 20, imm[19:12] in 19:12. */
export function jImmediate(offset: number): number {
	return (
		(((offset >> 20) & 1) << 31) |
		(((offset >> 1) & 0x3ff) << 21) |
		(((offset >> 11) & 1) << 20) |
		(((offset >> 12) & 0xff) << 12)
	);
}

/** U-type immediate: the 20-bit value goes to bits 31:12. */
export function uImmediate(imm20: number): number {
	return (imm20 & 0xfffff) << 12;
}

/** Bits one operand of kind `kind` contributes to the instruction word. */
function field(kind: OperandKind, v: OperandValues): number {
	const imm = v.imm ?? 0;
	switch (kind) {
		case 'rd':
			return reg(v.rd) << 7;
		case 'rs1':
			return reg(v.rs1) << 15;
		case 'rs2':
			return reg(v.rs2) << 20;
		case 'imm12':
			return iImmediate(imm);
		case 'shamt':
			return (imm & 0x1f) << 20;
		case 'memI':
			return iImmediate(imm) | (reg(v.rs1) << 15);
		case 'memS':
			return sImmediate(imm) | (reg(v.rs1) << 15);
		case 'addr':
			return reg(v.rs1) << 15;
		case 'branch':
			return bImmediate(imm);
		case 'jump':
			return jImmediate(imm);
		case 'upper':
			return uImmediate(imm);
		case 'csr':
			return ((v.csr ?? 0) & 0xfff) << 20;
		case 'uimm5':
			return (imm & 0x1f) << 15;
		case 'pred':
			return ((v.pred ?? 0) & 0xf) << 24;
		case 'succ':
			return ((v.succ ?? 0) & 0xf) << 20;
	}
}

/** The 32-bit word (as an unsigned number) for `spec` with the given operand values. */
export function encode(spec: InstructionSpec, values: OperandValues): number {
	let word = spec.match;
	for (const kind of spec.operands) word |= field(kind, values);
	if (values.aq) word |= 1 << 26;
	if (values.rl) word |= 1 << 25;
	return word >>> 0;
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
