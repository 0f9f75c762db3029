/**
 * Address translation for the memory view's virtual toggle: what the hart would do with a virtual
 * address right now, as data the view can draw: each page-table entry read (where, its raw value,
 * its flags decoded), then the physical address or the exception the access would raise.
 *
 * It follows the rules of src/lib/emulator/mmu/translate.ts, which the tests check it against:
 * - V = 0: Sv32 (Privileged spec §4.3.2), root in satp; M-mode itself never translates, so a
 *   machine stopped in M-mode is shown as its supervisor sees memory;
 * - V = 1: the VS-stage (Sv32, root in vsatp, §9.5) turns a guest virtual address into a guest
 *   physical one, and the G-stage (Sv32x4, root in hgatp, §9.5.1) turns each guest physical
 *   address into a physical one: those of the VS-stage's own PTEs first, then the final one.
 *
 * Unlike the hart, it changes nothing: no A/D bits are set, no TLB entry is filled, nothing is
 * counted. It reads the page tables as they are in memory now (machine.readWord) and the CSRs
 * (machine.readCsr), so a TLB entry the program has not flushed yet may still say otherwise.
 */
import type { Machine } from '../machine/machine.ts';
import { Csr } from '../isa/csr.ts';
import { Cause, MSTATUS_MXR, MSTATUS_SUM, PRIV_M } from '../machine/constants.ts';
import {
	ACCESS_FETCH,
	ACCESS_LOAD,
	ACCESS_STORE,
	PTE_A,
	PTE_D,
	PTE_G,
	PTE_R,
	PTE_U,
	PTE_V,
	PTE_W,
	PTE_X,
	gLeafAllows,
	leafAllows
} from './pte.ts';

export type Access = 'fetch' | 'load' | 'store';

/** S: Sv32 at V = 0; VS: the guest's Sv32 at V = 1; G: the hypervisor's Sv32x4. */
export type Stage = 'S' | 'VS' | 'G';

/** The eight flag bits of a PTE (§4.3.1, Figure 4.18). */
export interface PteFlags {
	V: boolean;
	R: boolean;
	W: boolean;
	X: boolean;
	U: boolean;
	G: boolean;
	A: boolean;
	D: boolean;
}

/** One page-table entry read, in the order the hart reads them. */
export interface WalkStep {
	stage: Stage;
	/** 1 for the root table, 0 for the second level. */
	level: number;
	/** The PTE's address: physical for S and G, guest physical for VS. */
	pteAddr: number;
	/** Where the PTE lies in physical memory: pteAddr, or for VS its G-stage translation. */
	ptePa: number;
	/**
	 * For G-stage steps: the guest physical address being translated, and why: a VS-stage PTE's
	 * address ('vs-pte'), the same PTE again because its A/D bits would be written ('vs-pte-write'),
	 * or the access's own address ('data').
	 */
	gpa?: number;
	purpose?: 'vs-pte' | 'vs-pte-write' | 'data';
	raw: number;
	flags: PteFlags;
	/** Physical page number field (bits 31:10): of the next table or of the page. */
	ppn: number;
	/** invalid: V = 0 or the reserved W-without-R; pointer: R = W = X = 0; leaf: anything else. */
	kind: 'invalid' | 'pointer' | 'leaf';
}

interface ViewCommon {
	/** The virtual address asked about (unsigned). */
	va: number;
	access: Access;
	/** The mode the translation was done for: 0 U, 1 S; V. */
	priv: number;
	virt: boolean;
	/** Translation stages in effect: [] when addresses are physical (Bare, or M-mode). */
	stages: Stage[];
	steps: WalkStep[];
}

export type ViewTranslation =
	| (ViewCommon & {
			ok: true;
			/** The physical address (up to 34 bits: it may exceed 2^32). */
			pa: number;
			/** At V = 1, the guest physical address between the two stages. */
			gpa?: number;
			/** The leaf's page size in bytes: 4096, or 4 MiB for a megapage (the VS or S leaf). */
			pageSize?: number;
	  })
	| (ViewCommon & {
			ok: false;
			/** The exception the access would raise (Table 3.6, and Table 9.6 for 20, 21, 23). */
			cause: number;
			causeName: CauseName;
			/** For a guest-page fault, the guest physical address that failed (htval holds it >> 2). */
			gpa?: number;
	  });

export type CauseName = keyof typeof Cause;

const ACCESS_INDEX: Record<Access, number> = {
	fetch: ACCESS_FETCH,
	load: ACCESS_LOAD,
	store: ACCESS_STORE
};
const PAGE_FAULT = [Cause.instructionPageFault, Cause.loadPageFault, Cause.storePageFault];
const GUEST_PAGE_FAULT = [
	Cause.instructionGuestPageFault,
	Cause.loadGuestPageFault,
	Cause.storeGuestPageFault
];
const ACCESS_FAULT = [Cause.instructionAccessFault, Cause.loadAccessFault, Cause.storeAccessFault];
const CAUSE_NAMES = new Map(
	(Object.entries(Cause) as [CauseName, number][]).map(([name, code]) => [code, name])
);

export function decodeFlags(pte: number): PteFlags {
	return {
		V: (pte & PTE_V) !== 0,
		R: (pte & PTE_R) !== 0,
		W: (pte & PTE_W) !== 0,
		X: (pte & PTE_X) !== 0,
		U: (pte & PTE_U) !== 0,
		G: (pte & PTE_G) !== 0,
		A: (pte & PTE_A) !== 0,
		D: (pte & PTE_D) !== 0
	};
}

/** What the hart makes of a PTE (§4.3.2 steps 3–4). */
function kindOf(pte: number): WalkStep['kind'] {
	if (!(pte & PTE_V) || (!(pte & PTE_R) && pte & PTE_W)) return 'invalid';
	return pte & (PTE_R | PTE_X) ? 'leaf' : 'pointer';
}

/** A walk's result: a physical address, or the exception that stopped it. */
type Outcome = { pa: number; pageSize: number } | { cause: number; gpa?: number };

/**
 * Translates `va` for an `access` as the hart would in mode `as` (default: the machine's current
 * mode, or S-mode with V = 0 when the machine is in M-mode). Never changes the machine.
 */
export function translateForView(
	machine: Machine,
	va: number,
	access: Access,
	as: { priv: number; virt: boolean } = viewMode(machine)
): ViewTranslation {
	va >>>= 0;
	const a = ACCESS_INDEX[access];
	const priv = as.priv;
	const virt = as.virt && priv !== PRIV_M;
	const csr = (n: number) => machine.readCsr(n) ?? 0;
	const mstatus = csr(Csr.mstatus);
	const satp = priv === PRIV_M ? 0 : csr(virt ? Csr.vsatp : Csr.satp);
	const hgatp = virt ? csr(Csr.hgatp) : 0;
	const firstOn = satp >>> 31 === 1;
	const gOn = hgatp >>> 31 === 1;
	// At V = 1, SUM and MXR come from vsstatus, and mstatus.MXR applies as well (§9.2.10).
	const status = virt ? csr(Csr.vsstatus) : mstatus;
	const sum = (status & MSTATUS_SUM) !== 0;
	const mxr = (status & MSTATUS_MXR) !== 0 || (virt && (mstatus & MSTATUS_MXR) !== 0);
	const gMxr = (mstatus & MSTATUS_MXR) !== 0;

	const stages: Stage[] = [];
	if (firstOn) stages.push(virt ? 'VS' : 'S');
	if (gOn) stages.push('G');
	const steps: WalkStep[] = [];
	const read = (
		stage: Stage,
		level: number,
		pteAddr: number,
		ptePa: number,
		raw: number,
		g?: { gpa: number; purpose: WalkStep['purpose'] }
	) =>
		steps.push({
			stage,
			level,
			pteAddr,
			ptePa,
			...g,
			raw,
			flags: decodeFlags(raw),
			ppn: raw >>> 10,
			kind: kindOf(raw)
		});

	/** The G-stage (§9.5.1): `gAccess` is checked, faults are reported for the original access. */
	const gStage = (gpa: number, gAccess: number, purpose: WalkStep['purpose']): Outcome => {
		if (!gOn) return { pa: gpa, pageSize: 0 };
		const guestPageFault = { cause: GUEST_PAGE_FAULT[a], gpa };
		let table = (hgatp & 0x3fffff) * 4096;
		for (let level = 1; level >= 0; level--) {
			// Sv32x4: the root is indexed by GPA bits 33:22 (12 bits, a 16 KiB table).
			const index = level === 1 ? Math.floor(gpa / 2 ** 22) : Math.floor(gpa / 4096) & 0x3ff;
			const pteAddr = table + index * 4;
			const pte = machine.readWord(pteAddr);
			if (pte === undefined) return { cause: ACCESS_FAULT[a] };
			read('G', level, pteAddr, pteAddr, pte, { gpa, purpose });
			const kind = kindOf(pte);
			if (kind === 'invalid') return guestPageFault;
			if (kind === 'leaf') {
				if (level === 1 && (pte >>> 10) & 0x3ff) return guestPageFault; // misaligned megapage
				if (!gLeafAllows(pte, gAccess, gMxr, false)) return guestPageFault;
				return level === 1
					? { pa: (pte >>> 20) * 2 ** 22 + (gpa % 2 ** 22), pageSize: 2 ** 22 }
					: { pa: (pte >>> 10) * 4096 + (gpa % 4096), pageSize: 4096 };
			}
			table = (pte >>> 10) * 4096;
		}
		return guestPageFault; // a pointer at level 0
	};

	/** The first stage, Sv32 (§4.3.2), whose PTE addresses at V = 1 are guest physical. */
	const firstStage = (): Outcome => {
		if (!firstOn) return { pa: va, pageSize: 0 };
		const stage: Stage = virt ? 'VS' : 'S';
		const pageFault = { cause: PAGE_FAULT[a] };
		let table = (satp & 0x3fffff) * 4096;
		for (let level = 1; level >= 0; level--) {
			const index = level === 1 ? va >>> 22 : (va >>> 12) & 0x3ff;
			const pteAddr = table + index * 4;
			let ptePa = pteAddr;
			if (virt) {
				const g = gStage(pteAddr, ACCESS_LOAD, 'vs-pte');
				if ('cause' in g) return g;
				ptePa = g.pa;
			}
			const pte = machine.readWord(ptePa);
			if (pte === undefined) return { cause: ACCESS_FAULT[a] };
			read(stage, level, pteAddr, ptePa, pte);
			const kind = kindOf(pte);
			if (kind === 'invalid') return pageFault;
			if (kind === 'leaf') {
				if (level === 1 && (pte >>> 10) & 0x3ff) return pageFault; // misaligned megapage
				if (!leafAllows(pte, a, priv, sum, mxr, false)) return pageFault;
				// The hart would now set A (and D for a store), §4.3.2 step 7. The view does not,
				// but at V = 1 that write goes through the G-stage and may fault there.
				const needsWrite = !(pte & PTE_A) || (a === ACCESS_STORE && !(pte & PTE_D));
				if (virt && needsWrite) {
					const g = gStage(pteAddr, ACCESS_STORE, 'vs-pte-write');
					if ('cause' in g) return g;
					if (machine.readWord(g.pa) === undefined) return { cause: ACCESS_FAULT[a] };
				}
				return level === 1
					? { pa: (pte >>> 20) * 2 ** 22 + (va % 2 ** 22), pageSize: 2 ** 22 }
					: { pa: (pte >>> 10) * 4096 + (va % 4096), pageSize: 4096 };
			}
			table = (pte >>> 10) * 4096;
		}
		return pageFault; // a pointer at level 0
	};

	const common = { va, access, priv, virt, stages, steps };
	const failed = (o: { cause: number; gpa?: number }): ViewTranslation => ({
		...common,
		ok: false,
		cause: o.cause,
		causeName: CAUSE_NAMES.get(o.cause)!,
		...(o.gpa !== undefined ? { gpa: o.gpa } : {})
	});
	const first = firstStage();
	if ('cause' in first) return failed(first);
	const pageSize = first.pageSize || undefined;
	if (!virt) return { ...common, ok: true, pa: first.pa, ...(pageSize ? { pageSize } : {}) };
	const second = gStage(first.pa, a, 'data');
	if ('cause' in second) return failed(second);
	return {
		...common,
		ok: true,
		pa: second.pa,
		gpa: first.pa,
		...(pageSize ? { pageSize } : {})
	};
}

/** The machine's mode for translation: its own, except that M-mode is shown as S-mode. */
function viewMode(machine: Machine): { priv: number; virt: boolean } {
	const { priv, virt } = machine.mode;
	return priv === PRIV_M ? { priv: 1, virt: false } : { priv, virt };
}
