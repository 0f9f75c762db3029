/**
 * What must happen after a store into RAM lands on a page with flags (Hart.pageFlags):
 * pre-decoded instructions of the written word are forgotten (so self-modifying code and loaders
 * behave without FENCE.I bookkeeping), and a write to the HTIF `tohost` word ends the run the way
 * the RISC-V test environment expects: (code << 1) | 1 exits with `code`.
 * Returns true when the run must stop.
 */
import type { Hart } from './hart.ts';
import { RAM_BASE } from './constants.ts';
import { EMPTY_TAG } from '../mmu/host-tlb.ts';

export const PAGE_HAS_CODE = 1;
export const PAGE_HAS_HTIF = 2;

export function noteRamStore(h: Hart, offset: number): boolean {
	const page = offset >>> 12;
	const flags = h.pageFlags[page];
	if (flags === 0) return false;
	if (flags & PAGE_HAS_CODE) {
		const slot = h.pageSlot[page];
		if (slot >= 0) h.decodePool[slot + ((offset & 0xfff) >> 2)] = 0;
	}
	if (flags & PAGE_HAS_HTIF && h.tohost >= 0) {
		const tohostOff = h.tohost - RAM_BASE;
		if ((offset & ~3) === tohostOff) {
			const value = h.ram32[tohostOff >> 2];
			if (value !== 0) {
				if (value & 1) h.haltCode = value >>> 1;
				else
					h.errorMessage = `HTIF: tohost command 0x${(value >>> 0).toString(16)} is not supported`;
				return true;
			}
		}
	}
	return false;
}

/**
 * Forgets the pre-decoded instructions of the RAM bytes [offset, offset + length), as stores there
 * would, and no others: the host writes a guest's byte or halfword this way under trap-and-emulate,
 * and forgetting every decoded page at each such write made a shadow-paging run re-decode its
 * whole kernel again and again.
 */
export function forgetDecodedRange(h: Hart, offset: number, length: number): void {
	const end = offset + length;
	for (let page = offset >>> 12; page << 12 < end; page++) {
		const slot = h.pageSlot[page];
		if (!(h.pageFlags[page] & PAGE_HAS_CODE) || slot < 0) continue;
		const first = Math.max(offset, page << 12) & 0xfff;
		const last = (Math.min(end, (page + 1) << 12) - 1) & 0xfff;
		h.decodePool.fill(0, slot + (first >> 2), slot + (last >> 2) + 1);
	}
}

/** Forgets all pre-decoded instructions (after the host rewrites memory or restores a snapshot). */
export function forgetDecoded(h: Hart): void {
	h.decodePool.fill(0, 0, h.decodePoolUsed);
	h.decodePoolUsed = 0;
	h.pageSlot.fill(-1);
	h.fetchTag.fill(EMPTY_TAG);
	for (let i = 0; i < h.pageFlags.length; i++) h.pageFlags[i] &= ~PAGE_HAS_CODE;
}
