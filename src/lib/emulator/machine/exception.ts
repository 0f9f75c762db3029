/**
 * Raising a synchronous exception from a slow path: the details are recorded on the hart and the
 * interpreter loop, seeing `excPending`, enters the trap (trap.ts). No JavaScript exception is
 * ever thrown for guest behaviour.
 */
import type { Hart } from './hart.ts';

export function raise(
	h: Hart,
	cause: number,
	tval: number,
	tval2 = 0,
	tinst = 0,
	gva = false
): void {
	h.excPending = true;
	h.excCause = cause;
	h.excTval = tval | 0;
	h.excTval2 = tval2 | 0;
	h.excTinst = tinst | 0;
	h.excGva = gva;
}

/**
 * The transformed instruction written to htinst/mtinst for a guest-page fault caused by an explicit
 * access (§9.6.3): the immediate and the rs1 field (address offset, zero for aligned accesses) are
 * cleared. Fetch faults and anything else report 0.
 */
export function transformedInstruction(word: number): number {
	switch (word & 0x7f) {
		case 0x03: // loads: keep funct3, rd, opcode
			return word & 0x7fff;
		case 0x23: // stores: keep rs2, funct3, opcode
			return word & 0x01f0707f;
		case 0x2f: // AMOs
		case 0x73: // HLV/HSV
			return word & 0xfff07fff;
		default:
			return 0;
	}
}

/** Pseudoinstructions for implicit VS-stage page-table accesses (§9.6.3, RV32 values). */
export const PSEUDO_PTE_READ = 0x00002000;
export const PSEUDO_PTE_WRITE = 0x00002020;
