/**
 * Operation ids derived from the instruction table (one table drives decoding and dispatch, see
 * docs/architecture.md, "Boundaries, and why"). An instruction's id is its position in
 * `instructions` (table.ts) plus one, so id 0 can mean "not decoded yet" in the pre-decoded
 * instruction cache.
 *
 * `Op` names every id, for code that switches on them: the reference executor
 * (machine/execute-slow.ts) and the pre-decoder (machine/predecode.ts). The ids are written out as
 * numbers so that each is a compile-time constant; tests/unit/emulator/isa-decode/ops.test.ts
 * checks that `Op` lists exactly the table's mnemonics at their positions. The interpreter's fast
 * loop (machine/execute.ts) switches on integer literals instead, for speed, each labelled with
 * its `Op` name in a comment, and the same test checks every label against `Op`.
 */
import { instructions } from './table.ts';

/** Op ids by mnemonic, upper case with `_` for `.`: FENCE_I is fence.i, AMOADD_W is amoadd.w. */
export const Op = {
	// RV32I base (Volume I chapter 2)
	LUI: 1,
	AUIPC: 2,
	JAL: 3,
	JALR: 4,
	BEQ: 5,
	BNE: 6,
	BLT: 7,
	BGE: 8,
	BLTU: 9,
	BGEU: 10,
	LB: 11,
	LH: 12,
	LW: 13,
	LBU: 14,
	LHU: 15,
	SB: 16,
	SH: 17,
	SW: 18,
	ADDI: 19,
	SLTI: 20,
	SLTIU: 21,
	XORI: 22,
	ORI: 23,
	ANDI: 24,
	SLLI: 25,
	SRLI: 26,
	SRAI: 27,
	ADD: 28,
	SUB: 29,
	SLL: 30,
	SLT: 31,
	SLTU: 32,
	XOR: 33,
	SRL: 34,
	SRA: 35,
	OR: 36,
	AND: 37,
	FENCE: 38,
	ECALL: 39,
	EBREAK: 40,
	// Zifencei (Volume I chapter 3)
	FENCE_I: 41,
	// Zicsr (Volume I chapter 9)
	CSRRW: 42,
	CSRRS: 43,
	CSRRC: 44,
	CSRRWI: 45,
	CSRRSI: 46,
	CSRRCI: 47,
	// M (Volume I chapter 7)
	MUL: 48,
	MULH: 49,
	MULHSU: 50,
	MULHU: 51,
	DIV: 52,
	DIVU: 53,
	REM: 54,
	REMU: 55,
	// A (Volume I chapter 8)
	LR_W: 56,
	SC_W: 57,
	AMOSWAP_W: 58,
	AMOADD_W: 59,
	AMOXOR_W: 60,
	AMOAND_W: 61,
	AMOOR_W: 62,
	AMOMIN_W: 63,
	AMOMAX_W: 64,
	AMOMINU_W: 65,
	AMOMAXU_W: 66,
	// Privileged (Volume II §3.3, §4.2.1)
	SRET: 67,
	MRET: 68,
	WFI: 69,
	SFENCE_VMA: 70,
	// Hypervisor (Volume II §9.3)
	HFENCE_VVMA: 71,
	HFENCE_GVMA: 72,
	HLV_B: 73,
	HLV_BU: 74,
	HLV_H: 75,
	HLV_HU: 76,
	HLVX_HU: 77,
	HLV_W: 78,
	HLVX_WU: 79,
	HSV_B: 80,
	HSV_H: 81,
	HSV_W: 82
} as const;

export type OpName = keyof typeof Op;

/** Id of an illegal (undecodable) word in the pre-decoded cache. */
export const OP_ILLEGAL = 127;

/** The op id of a mnemonic, for tests and tools. */
export function opId(name: string): number {
	const i = instructions.findIndex((s) => s.name === name);
	if (i < 0) throw new Error(`no instruction named '${name}' in the table`);
	return i + 1;
}

/** Table entries bucketed by major opcode (bits 6:0), so decoding scans a handful of entries. */
const byOpcode: { id: number; match: number; mask: number }[][] = Array.from(
	{ length: 128 },
	() => []
);
instructions.forEach((s, i) => {
	byOpcode[s.match & 0x7f].push({ id: i + 1, match: s.match | 0, mask: s.mask | 0 });
});

/** Finds the op id of a 32-bit instruction word, or OP_ILLEGAL. The first match in table order wins. */
export function decodeOp(word: number): number {
	const bucket = byOpcode[word & 0x7f];
	for (let i = 0; i < bucket.length; i++) {
		const e = bucket[i];
		if ((word & e.mask) === e.match) return e.id;
	}
	return OP_ILLEGAL;
}
