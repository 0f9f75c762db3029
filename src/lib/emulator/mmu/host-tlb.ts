/**
 * The host-side translation cache: a direct-mapped table from a virtual page to the RAM offset of
 * its frame, valid for the current data-access context only (privilege, V, MPRV, SUM, MXR, satp,
 * vsatp, hgatp). It sits in front of the architectural TLB like QEMU's softmmu TLB: the interpreter
 * checks one tag per load or store and falls back to the slow path (architectural TLB, page walk,
 * devices) on a miss. An entry is filled only after the slow path has checked permissions (and, for
 * writes, that the D bit is already set), so a hit never skips an architectural check.
 *
 * Tags are page-aligned addresses. The fast path compares `tag === (address & mask)`, where the
 * mask keeps the page number and the address bits that must be zero for the access size (bit 0 for
 * halfwords, bits 1:0 for words), folding the alignment check into the tag comparison. The empty
 * tag is therefore 4: no masked address has bit 2 set.
 */
import type { Hart } from '../machine/hart.ts';

/** A tag no masked address can equal (see above). */
export const EMPTY_TAG = 4;

export const HOST_TLB_SIZE = 256;
export const HOST_TLB_MASK = HOST_TLB_SIZE - 1;
/** The same idea for instruction fetch: virtual page -> RAM offset and pre-decoded slot. */
export const FETCH_TLB_SIZE = 64;
export const FETCH_TLB_MASK = FETCH_TLB_SIZE - 1;

/** Forgets every cached translation (context switch, fence, CSR write affecting translation). */
export function flushHostTlb(h: Hart): void {
	h.readTag.fill(EMPTY_TAG);
	h.writeTag.fill(EMPTY_TAG);
	h.fetchTag.fill(EMPTY_TAG);
}

/** Forgets cached translations of one virtual page number. */
export function dropHostPage(h: Hart, vpn: number): void {
	const i = vpn & HOST_TLB_MASK;
	const tag = (vpn << 12) | 0;
	if (h.readTag[i] === tag) h.readTag[i] = EMPTY_TAG;
	if (h.writeTag[i] === tag) h.writeTag[i] = EMPTY_TAG;
}

/**
 * An entry maps the page of `va` to the RAM page holding `ramOffset`. It stores their difference,
 * so the fast path computes a RAM offset with one addition, `(va + delta) | 0` (32-bit wrap-around
 * makes this right for every va), as QEMU's softmmu TLB stores an addend.
 */
export function fillHostRead(h: Hart, va: number, ramOffset: number): void {
	const i = (va >>> 12) & HOST_TLB_MASK;
	h.readTag[i] = va & -4096;
	h.readDelta[i] = ((ramOffset & -4096) - (va & -4096)) | 0;
}

export function fillHostWrite(h: Hart, va: number, ramOffset: number): void {
	const i = (va >>> 12) & HOST_TLB_MASK;
	h.writeTag[i] = va & -4096;
	h.writeDelta[i] = ((ramOffset & -4096) - (va & -4096)) | 0;
}

/**
 * The context the host TLBs were filled for: the fetch mode (privilege and V) and the effective
 * data-access mode (which MPRV, MPP and MPV decide in M-mode). Traps and xRET flush the host TLB only when this changes; CSR
 * writes that change SUM, MXR or the translation roots flush it unconditionally.
 */
export function dataContextKey(
	priv: number,
	mstatus: number,
	mstatush: number,
	virt: number
): number {
	if (priv === 3 && mstatus & (1 << 17)) {
		const mpp = (mstatus >>> 11) & 3;
		return mpp | (mpp !== 3 && mstatush & (1 << 7) ? 4 : 0);
	}
	return priv | (virt << 2);
}
