/**
 * Instruction fetch and the pre-decoded instruction cache (docs/architecture.md,
 * "Speed rules of the interpreter": decode each word once).
 *
 * `fillFetch` translates the page holding pc (raising instruction access/page faults with
 * tval = pc), gives the RAM page a slot in the decode pool, and enters both in the fetch TLB that
 * the interpreter's fast loop consults. A slot holds one pre-decoded word (predecode.ts) per
 * instruction word of the page, 0 meaning "not decoded yet", and after them a guard word,
 * FAST_PAGE_END, which sends the fast loop on to the next page when execution runs off the end.
 * Stores into a page with a slot zero the word written (store-notify.ts).
 */
import { DECODE_SLOT_WORDS, type Hart } from './hart.ts';
import { Cause, RAM_BASE } from './constants.ts';
import { raise } from './exception.ts';
import { ACCESS_FETCH, translate } from '../mmu/translate.ts';
import { ramOffsetOf } from './memory-access.ts';
import { PAGE_HAS_CODE, forgetDecoded } from './store-notify.ts';
import { FETCH_TLB_MASK } from '../mmu/host-tlb.ts';
import { FAST_PAGE_END, FAST_SLOW, predecode } from './predecode.ts';

/**
 * Gives a RAM page a decode slot, forgetting every decoded page first when the pool is full;
 * returns the slot's first index. Called outside the fast loop only (it may empty the fetch TLB).
 */
function slotFor(h: Hart, page: number): number {
	let slot = h.pageSlot[page];
	if (slot >= 0) return slot;
	if (h.decodePoolUsed + DECODE_SLOT_WORDS > h.decodePool.length) forgetDecoded(h);
	slot = h.decodePoolUsed;
	h.decodePoolUsed = slot + DECODE_SLOT_WORDS;
	h.decodePool[slot + DECODE_SLOT_WORDS - 1] = FAST_PAGE_END;
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
	const slot = slotFor(h, off >>> 12); // first: it may empty the fetch TLB
	const i = (pc >>> 12) & FETCH_TLB_MASK;
	h.fetchTag[i] = pc & -4096;
	h.fetchOff[i] = off & ~0xfff;
	h.fetchSlot[i] = slot;
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
	const at = h.fetchSlot[i] + ((pc & 0xfff) >> 2);
	// A word carrying a debugger breakpoint goes to the reference executor, which stops there.
	const breakpoint = h.breakpoints.size > 0 && h.breakpoints.has(ramOff + RAM_BASE);
	h.decodePool[at] = breakpoint ? FAST_SLOW : predecode(h.ram32[ramOff >> 2], pc & 0xfff);
}
