/**
 * Instruction fetch and the pre-decoded instruction cache (DESIGN.md §9: decode each word once).
 *
 * `fillFetch` translates the page holding pc (raising instruction access/page faults with
 * tval = pc), gives the RAM page a slot in the decode pool, and enters both in the fetch TLB that
 * the interpreter's fast loop consults. A slot holds [packed, imm] pairs, one per word:
 * packed = op | rd << 8 | rs1 << 14 | rs2 << 19, where rd = 32 stands for x0 (a write sink) so the
 * executor never tests for x0; packed 0 means "not decoded yet". Stores into a page with a slot
 * zero the pair of the word written (store-notify.ts).
 */
import type { Hart } from './hart.ts';
import { Cause } from './constants.ts';
import { raise } from './exception.ts';
import { ACCESS_FETCH, translate } from '../mmu/translate.ts';
import { ramOffsetOf } from './memory-access.ts';
import { PAGE_HAS_CODE } from './store-notify.ts';
import { FETCH_TLB_MASK } from '../mmu/host-tlb.ts';
import {
	IMM_B,
	IMM_CSR,
	IMM_I,
	IMM_J,
	IMM_S,
	IMM_SHAMT,
	IMM_U,
	OP_BREAKPOINT,
	decodeOp,
	immKindById
} from '../isa/ops.ts';
import { immB, immI, immJ, immS, immU } from '../isa/fields.ts';

/** Gives a RAM page a decode slot, growing the pool if needed; returns the slot's first index. */
function slotFor(h: Hart, page: number): number {
	let slot = h.pageSlot[page];
	if (slot >= 0) return slot;
	slot = h.decodePoolUsed;
	if (slot + 2048 > h.decodePool.length) {
		const bigger = new Int32Array(h.decodePool.length * 2);
		bigger.set(h.decodePool); // registers and slots
		h.decodePool = bigger;
		h.x = bigger.subarray(0, 33);
	}
	h.decodePoolUsed = slot + 2048;
	h.pageSlot[page] = slot;
	h.pageFlags[page] |= PAGE_HAS_CODE;
	return slot;
}

/** Fills the fetch TLB for the page holding `pc`; false with the fetch exception raised. */
export function fillFetch(h: Hart, pc: number): boolean {
	const pa = translate(h, pc, ACCESS_FETCH, h.priv, h.virt);
	if (pa < 0) return false;
	const off = ramOffsetOf(h, pa, 4);
	if (off < 0) {
		raise(h, Cause.instructionAccessFault, pc, 0, 0, h.virt === 1);
		return false;
	}
	const i = (pc >>> 12) & FETCH_TLB_MASK;
	h.fetchTag[i] = pc & -4096;
	h.fetchOff[i] = off & ~0xfff;
	h.fetchSlot[i] = slotFor(h, off >>> 12);
	return true;
}

/** RAM offset of the instruction at `pc`, whose page is in the fetch TLB. */
export function fetchedOffset(h: Hart, pc: number): number {
	return h.fetchOff[(pc >>> 12) & FETCH_TLB_MASK] | (pc & 0xfff);
}

/** Decodes the instruction at `pc` (its page in the fetch TLB) into its slot. */
export function decodeAt(h: Hart, pc: number): void {
	const i = (pc >>> 12) & FETCH_TLB_MASK;
	const ramOff = h.fetchOff[i] | (pc & 0xfff);
	const at = h.fetchSlot[i] + ((pc & 0xfff) >> 1);
	const word = h.ram32[ramOff >> 2];
	let op = decodeOp(word);
	if (h.breakpoints.size > 0 && h.breakpoints.has(ramOff + 0x80000000)) op = OP_BREAKPOINT;
	const rd = (word >>> 7) & 31;
	const packed =
		op | ((rd === 0 ? 32 : rd) << 8) | (((word >>> 15) & 31) << 14) | (((word >>> 20) & 31) << 19);
	let imm = word;
	switch (immKindById[op]) {
		case IMM_I:
			imm = immI(word);
			break;
		case IMM_S:
			imm = immS(word);
			break;
		case IMM_B:
			imm = immB(word);
			break;
		case IMM_U:
			imm = immU(word);
			break;
		case IMM_J:
			imm = immJ(word);
			break;
		case IMM_SHAMT:
			imm = (word >>> 20) & 31;
			break;
		case IMM_CSR:
			imm = word >>> 20;
			break;
	}
	h.decodePool[at] = packed;
	h.decodePool[at + 1] = imm;
}
