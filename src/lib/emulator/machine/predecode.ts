/**
 * The pre-decoded form of an instruction word: one 32-bit integer per word, which the
 * interpreter's fast loop (execute.ts) reads once per instruction and switches on.
 *
 * Layout. Bits 6:0 hold a *fast op* (below) in place of the RISC-V major opcode. Most
 * instructions keep their other fields where RISC-V puts them (Volume I §2.2, Figure 2.3), so the
 * fast loop extracts them with one shift and one mask:
 *
 *   R-type, I-type, loads, JALR, U-type:   rd 11:7, rs1 19:15, rs2 24:20, imm12 31:20, imm20 31:12
 *
 * and an I-type immediate is `p >> 20`, a U-type one `p & -4096`, a shift amount `p >> 20` (JS
 * masks shift counts to five bits, as RISC-V does). Stores, branches and JAL scatter their
 * immediates across the word; they are repacked so that one arithmetic shift extracts them:
 *
 *   stores:            rs2 11:7, rs1 19:15, byte offset 31:20
 *   branches:          rs2 11:7, rs1 19:15, target 31:20 (see below)
 *   JAL:               rd 11:7, target 31:12
 *
 * A branch or JAL whose target lies in the same 4 KiB page is a *near* op and its target field
 * is the distance in words, so the taken path moves the fast loop's index into the page's decoded
 * words without translating the pc again; the page offset of a word is the same in every virtual
 * mapping of its physical page, so nearness is a property of the word. A *far* op's field is the
 * byte offset divided by two (it is always even), and the fast loop re-translates the target.
 *
 * Writes to x0 never reach the fast loop: an ALU op, LUI or AUIPC with rd = x0 is a no-op
 * (a HINT, Volume I §2.9), JAL and JALR with rd = x0 become J and JR, and a load into x0 (it must
 * still access memory and may fault) goes to the reference executor. So x0 stays 0 with no test.
 *
 * Everything else — CSRs, atomics, traps, privileged and hypervisor instructions, jumps to a
 * misaligned target, illegal words and breakpoints — is FAST_SLOW: the reference executor
 * (execute-slow.ts) runs it from the instruction word itself.
 */
import { decodeOp, Op } from '../isa/ops.ts';
import { immB, immJ, immS, rdOf, rs1Of, rs2Of } from '../isa/fields.ts';

/**
 * Fast op ids. For the instructions the fast loop executes they are the instruction table's op ids
 * (`Op` of isa/ops.ts), so both executors number an instruction alike; 0 and 56 up are the fast
 * loop's own (table ops from 56 up, LR.W onwards, never reach the fast loop: they are FAST_SLOW).
 * The pre-decoder relies on the table listing each group below in a row (BEQ–BGEU, LB–LHU,
 * SB–SW, ADDI–AND, MUL–REMU); tests/unit/emulator/isa-decode/ops.test.ts checks that.
 */
export const FAST_NOT_DECODED = 0; // the decode cache's empty value
export const FAST_SLOW = 56; // run by the reference executor
export const FAST_NOP = 57; // FENCE, FENCE.I and ALU ops writing x0
export const FAST_PAGE_END = 58; // the guard word after a page's last word: go on to the next page
export const FAST_J = 59; // JAL x0 (near)
export const FAST_JAL_FAR = 60;
export const FAST_J_FAR = 61;
export const FAST_JR = 62; // JALR x0
/** Far branches: the near branch's op id (5..10) plus this. */
export const FAST_BRANCH_FAR_DELTA = 58; // 63..68 = beq..bgeu far

/** rd, rs1 and rs2 in their RISC-V positions, the low seven bits replaced by `op`. */
const withOp = (word: number, op: number) => (word & ~127) | op;

/**
 * The pre-decoded form of `word` found at byte offset `pageOffset` (0..4092) of its page.
 * Pure: the same word at the same page offset always gives the same result.
 */
export function predecode(word: number, pageOffset: number): number {
	const op = decodeOp(word);
	const rd = rdOf(word);
	const rs1 = rs1Of(word);
	const rs2 = rs2Of(word);
	const alu = (op >= Op.ADDI && op <= Op.AND) || (op >= Op.MUL && op <= Op.REMU);
	if (alu || op === Op.LUI || op === Op.AUIPC) return rd === 0 ? FAST_NOP : withOp(word, op);
	// One hart, and stores already invalidate decoded words: the fences have nothing to do.
	if (op === Op.FENCE || op === Op.FENCE_I) return FAST_NOP;
	if (op >= Op.LB && op <= Op.LHU) return rd === 0 ? FAST_SLOW : withOp(word, op);
	if (op >= Op.SB && op <= Op.SW) return (immS(word) << 20) | (rs1 << 15) | (rs2 << 7) | op;
	if (op >= Op.BEQ && op <= Op.BGEU) {
		const imm = immB(word);
		if (imm & 3) return FAST_SLOW; // taken, it raises instruction-address-misaligned
		const regs = (rs1 << 15) | (rs2 << 7);
		const target = pageOffset + imm;
		if (target >= 0 && target < 4096) return ((imm >> 2) << 20) | regs | op;
		return ((imm >> 1) << 20) | regs | (op + FAST_BRANCH_FAR_DELTA);
	}
	if (op === Op.JAL) {
		const imm = immJ(word);
		if (imm & 3) return FAST_SLOW;
		const target = pageOffset + imm;
		if (target >= 0 && target < 4096)
			return ((imm >> 2) << 12) | (rd << 7) | (rd ? Op.JAL : FAST_J);
		return ((imm >> 1) << 12) | (rd << 7) | (rd ? FAST_JAL_FAR : FAST_J_FAR);
	}
	if (op === Op.JALR) return withOp(word, rd ? Op.JALR : FAST_JR);
	return FAST_SLOW;
}
