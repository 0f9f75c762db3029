/**
 * Address translation: Sv32 (Privileged spec §4.3), and for V=1 the two-stage translation of the
 * hypervisor extension (§9.5): a VS-stage Sv32 walk of the guest's vsatp whose own page-table reads
 * are guest physical addresses translated by the G-stage (Sv32x4, hgatp, 16 KiB root), then the
 * G-stage translation of the final guest physical address.
 *
 * `translate` returns the physical address (a number, possibly above 2^32: Sv32 makes 34-bit
 * physical addresses) or -1 after raising the architectural exception on the hart. Completed
 * translations go into the architectural TLB; every page-table read can be traced.
 *
 * Every PTE read of a walk is counted by stage (`walkRefsS`, `walkRefsVS`, `walkRefsG` on the
 * hart), on the miss path only: the memory references a TLB miss costs, n natively and up to
 * (n+1)(m+1) − 1 = 8 for Sv32 over Sv32x4 (Bhargava et al., ASPLOS 2008). A/D updates are writes to
 * a PTE the walk has just read and are not counted; the G-stage walk that checks the write of a
 * VS-stage A/D update reads PTEs again and is.
 */
import type { Hart } from '../machine/hart.ts';
import { Cause, MSTATUS_MXR, MSTATUS_SUM, PRIV_M, RAM_BASE } from '../machine/constants.ts';
import {
	PSEUDO_PTE_READ,
	PSEUDO_PTE_WRITE,
	raise,
	transformedInstruction
} from '../machine/exception.ts';
import {
	ACCESS_FETCH,
	ACCESS_LOAD,
	ACCESS_NAMES,
	ACCESS_STORE,
	PTE_A,
	PTE_D,
	PTE_G,
	PTE_R,
	PTE_V,
	PTE_W,
	PTE_X,
	gLeafAllows,
	leafAllows
} from './pte.ts';
import { STAGE_BARE, contextTag } from './tlb.ts';
import { dropHostPage } from './host-tlb.ts';
import { noteRamStore } from '../machine/store-notify.ts';

const PAGE_FAULT = [Cause.instructionPageFault, Cause.loadPageFault, Cause.storePageFault];
const GUEST_PAGE_FAULT = [
	Cause.instructionGuestPageFault,
	Cause.loadGuestPageFault,
	Cause.storeGuestPageFault
];
const ACCESS_FAULT = [Cause.instructionAccessFault, Cause.loadAccessFault, Cause.storeAccessFault];

/** Reads a PTE from RAM; page tables elsewhere give -1 (then the walk raises an access fault). */
function ramOffset(h: Hart, pa: number): number {
	const off = pa - RAM_BASE;
	return off >= 0 && off <= h.ramSize - 4 ? off : -1;
}

/** Outcome of the G-stage: a physical address, or -1 with the exception raised. */
function gStage(
	h: Hart,
	gpa: number,
	access: number,
	hlvx: boolean,
	origAccess: number,
	gva: number,
	implicitPte: boolean
): { pa: number; flags: number } | null {
	if (h.hgatp >>> 31 === 0) return { pa: gpa, flags: STAGE_BARE };
	const mxr = (h.mstatus & MSTATUS_MXR) !== 0;
	const fault = () => {
		const tinst = implicitPte
			? access === ACCESS_STORE
				? PSEUDO_PTE_WRITE
				: PSEUDO_PTE_READ
			: origAccess === ACCESS_FETCH
				? 0
				: transformedInstruction(h.insn);
		raise(h, GUEST_PAGE_FAULT[origAccess], gva, Math.floor(gpa / 4), tinst, true);
		return null;
	};
	if (gpa >= 2 ** 34) return fault();
	// Sv32x4 (§9.5.1): VPN[1] is GPA bits 33:22 (12 bits) indexing a 16 KiB root table.
	let table = (h.hgatp & 0x3ffffc) * 4096;
	for (let level = 1; level >= 0; level--) {
		const index = level === 1 ? Math.floor(gpa / 2 ** 22) : Math.floor(gpa / 4096) & 0x3ff;
		const pteAddr = table + index * 4;
		const off = ramOffset(h, pteAddr);
		if (off < 0) {
			raise(h, ACCESS_FAULT[origAccess], gva, 0, 0, true);
			return null;
		}
		const pte = h.ram32[off >> 2];
		h.walkRefsG++;
		if (h.traceMmu) h.trace!.sink({ kind: 'walk', stage: 'G', level, pteAddr, pte: pte >>> 0 });
		if (!(pte & PTE_V) || (!(pte & PTE_R) && pte & PTE_W)) return fault();
		if (pte & (PTE_R | PTE_X)) {
			if (level === 1 && (pte >>> 10) & 0x3ff) return fault();
			if (!gLeafAllows(pte, access, mxr, hlvx)) return fault();
			const updated = pte | PTE_A | (access === ACCESS_STORE ? PTE_D : 0);
			if (updated !== pte) {
				h.ram32[off >> 2] = updated;
				noteRamStore(h, off);
			}
			const pageOffset = level === 1 ? gpa % 2 ** 22 : gpa % 4096;
			const base = level === 1 ? (pte >>> 20) * 2 ** 22 : (pte >>> 10) * 4096;
			return { pa: base + pageOffset, flags: updated & 0xff };
		}
		if (level === 0) return fault();
		table = (pte >>> 10) * 4096;
	}
	return fault();
}

/**
 * The host physical address of a VS-stage PTE at guest physical `pteGpa`: from the G-stage walk
 * cache (walk-cache.ts) when it holds the page, else by a G-stage walk whose result it keeps.
 * Returns -1 with the exception raised.
 */
function tableGpaToPa(h: Hart, pteGpa: number, access: number, va: number): number {
	const cache = h.walkCache;
	const gppn = Math.floor(pteGpa / 4096);
	const vmid = (h.hgatp >>> 22) & 0x7f;
	const i = cache.lookup(gppn, vmid);
	if (i >= 0 && gLeafAllows(cache.flags[i], ACCESS_LOAD, (h.mstatus & MSTATUS_MXR) !== 0, false))
		return cache.ppn[i] * 4096 + (pteGpa % 4096);
	const g = gStage(h, pteGpa, ACCESS_LOAD, false, access, va, true);
	if (!g) return -1;
	if (g.flags !== STAGE_BARE) cache.insert(gppn, vmid, Math.floor(g.pa / 4096), g.flags);
	return g.pa;
}

/**
 * Translates `va` (signed or unsigned 32-bit) for an access by privilege `priv` with
 * virtualization `virt`. `hlvx` marks HLVX.*, which needs execute instead of read permission.
 */
export function translate(
	h: Hart,
	vaIn: number,
	access: number,
	priv: number,
	virt: number,
	hlvx = false
): number {
	const va = vaIn >>> 0;
	if (priv === PRIV_M) return va;
	let satp: number;
	let vsOn: number;
	if (virt) {
		satp = h.vsatp;
		vsOn = satp >>> 31;
		if (!vsOn && h.hgatp >>> 31 === 0) return va;
	} else {
		satp = h.satp;
		vsOn = satp >>> 31;
		if (!vsOn) return va;
	}
	const ctx = contextTag(virt, vsOn, (satp >>> 22) & 0x1ff, virt ? (h.hgatp >>> 22) & 0x7f : 0);
	const status = virt ? h.vsstatus : h.mstatus;
	const sum = (status & MSTATUS_SUM) !== 0;
	const mxr = (status & MSTATUS_MXR) !== 0 || (virt === 1 && (h.mstatus & MSTATUS_MXR) !== 0);
	const vpn = va >>> 12;
	const offset = va & 0xfff;
	const tlb = h.tlb;
	h.tlbLookups++;

	// TLB hit: permissions are re-checked against the cached leaf flags (they depend on the mode).
	const i = tlb.lookup(vpn, ctx);
	if (i >= 0) {
		const f1 = tlb.flags1[i];
		const f2 = tlb.flags2[i];
		if (f1 !== STAGE_BARE && !leafAllows(f1, access, priv, sum, mxr, hlvx)) {
			raise(h, PAGE_FAULT[access], va, 0, 0, virt === 1);
			return -1;
		}
		const dirtyOk = access !== ACCESS_STORE || ((f1 & PTE_D) !== 0 && (f2 & PTE_D) !== 0);
		if (dirtyOk) {
			if (f2 !== STAGE_BARE && !gLeafAllows(f2, access, (h.mstatus & MSTATUS_MXR) !== 0, hlvx)) {
				const gpa = tlb.gppn[i] * 4096 + offset;
				const tinst = access === ACCESS_FETCH ? 0 : transformedInstruction(h.insn);
				raise(h, GUEST_PAGE_FAULT[access], va, Math.floor(gpa / 4), tinst, true);
				return -1;
			}
			return tlb.ppn[i] * 4096 + offset;
		}
		// A store to a clean page walks again so that the walk sets D.
	}
	h.tlbMisses++;
	if (h.traceMmu)
		h.trace!.sink({ kind: 'tlbMiss', va, access: ACCESS_NAMES[access], virt: virt === 1 });

	// Stage 1: Sv32 walk (§4.3.2), or identity when the VS-stage is Bare.
	let gpa = va;
	let flags1 = STAGE_BARE;
	let global = false;
	if (vsOn) {
		const stage = virt ? 'VS' : 'S';
		let table = (satp & 0x3fffff) * 4096;
		let leaf = false;
		for (let level = 1; level >= 0 && !leaf; level--) {
			const index = level === 1 ? va >>> 22 : (va >>> 12) & 0x3ff;
			const pteGpa = table + index * 4;
			let ptePa = pteGpa;
			if (virt) {
				ptePa = tableGpaToPa(h, pteGpa, access, va);
				if (ptePa < 0) return -1;
			}
			const off = ramOffset(h, ptePa);
			if (off < 0) {
				raise(h, ACCESS_FAULT[access], va, 0, 0, virt === 1);
				return -1;
			}
			const pte = h.ram32[off >> 2];
			if (virt) h.walkRefsVS++;
			else h.walkRefsS++;
			if (h.traceMmu)
				h.trace!.sink({ kind: 'walk', stage, level, pteAddr: pteGpa, pte: pte >>> 0 });
			const pageFault = () => {
				raise(h, PAGE_FAULT[access], va, 0, 0, virt === 1);
				return -1;
			};
			if (!(pte & PTE_V) || (!(pte & PTE_R) && pte & PTE_W)) return pageFault();
			if (pte & (PTE_R | PTE_X)) {
				if (level === 1 && (pte >>> 10) & 0x3ff) return pageFault();
				if (!leafAllows(pte, access, priv, sum, mxr, hlvx)) return pageFault();
				// Hardware A/D update (§4.3.2 step 7), itself a store through the G-stage at V=1.
				const updated = pte | PTE_A | (access === ACCESS_STORE ? PTE_D : 0);
				if (updated !== pte) {
					let woff = off;
					if (virt) {
						const g = gStage(h, pteGpa, ACCESS_STORE, false, access, va, true);
						if (!g) return -1;
						woff = ramOffset(h, g.pa);
						if (woff < 0) {
							raise(h, ACCESS_FAULT[access], va, 0, 0, true);
							return -1;
						}
					}
					h.ram32[woff >> 2] = updated;
					noteRamStore(h, woff);
				}
				flags1 = updated & 0xff;
				global = (pte & PTE_G) !== 0;
				const ppn = level === 1 ? (pte >>> 20) * 1024 + ((va >>> 12) & 0x3ff) : pte >>> 10;
				gpa = ppn * 4096 + offset;
				leaf = true;
			} else {
				if (level === 0) return pageFault();
				table = (pte >>> 10) * 4096;
			}
		}
	}

	// Stage 2 for V=1: the G-stage translation of the guest physical address.
	let pa = gpa;
	let flags2 = STAGE_BARE;
	if (virt) {
		const g = gStage(h, gpa, access, hlvx, access, va, false);
		if (!g) return -1;
		pa = g.pa;
		flags2 = g.flags;
	}
	const evicted = tlb.insert(
		vpn,
		ctx,
		global,
		flags1,
		flags2,
		Math.floor(pa / 4096),
		Math.floor(gpa / 4096)
	);
	if (evicted >= 0) dropHostPage(h, evicted);
	return pa;
}

/** Effective privilege and V for loads and stores: MPRV substitutes MPP/MPV in M-mode (§3.1.6.3). */
export { ACCESS_FETCH, ACCESS_LOAD, ACCESS_STORE };
