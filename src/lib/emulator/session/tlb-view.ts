/**
 * The hart's architectural TLB (mmu/tlb.ts) as plain data, for the playground's TLB view: one
 * row per valid entry, its context tag and cached leaf flags decoded.
 *
 * Privileged spec §4.3.2 lets a hart cache any valid translation until SFENCE.VMA (and, with the
 * hypervisor extension, HFENCE.VVMA/GVMA, §9.3) removes it, so after a PTE changes without a fence
 * the TLB can disagree with the page tables: showing both is what makes that visible. Reading the
 * arrays changes nothing.
 */
import type { Machine } from '../machine/machine.ts';
import { ASID_MASK, STAGE_BARE, type Tlb } from '../mmu/tlb.ts';
import { decodeFlags, type PteFlags } from '../mmu/view-translation.ts';

/** The leaf PTE flags an entry keeps for one stage (§4.3.1, Figure 4.18); V is implied. */
export type LeafFlags = Omit<PteFlags, 'V'>;

export interface TlbEntryView {
	/** The slot: the TLB is direct-mapped, indexed by the low bits of the virtual page number. */
	index: number;
	/** Virtual page number, and the page's first virtual address (guest virtual at V = 1). */
	vpn: number;
	virtualPage: number;
	/** From the context tag: V at the time of the access, whether the first stage (satp or vsatp) was Sv32, the ASID, and the VMID (hgatp, V = 1 only). */
	virt: boolean;
	firstStage: boolean;
	asid: number;
	vmid: number;
	/** The leaf's G bit: the entry serves every ASID (§4.3.1). */
	global: boolean;
	/** The first stage's (S or VS) leaf flags, or 'bare' when that stage was off. */
	stage1: LeafFlags | 'bare';
	/** The G-stage's leaf flags (V = 1), or 'bare' when there was none (always at V = 0). */
	stage2: LeafFlags | 'bare';
	/** Physical page number, and the page's first physical address (up to 34 bits). */
	ppn: number;
	physicalPage: number;
	/** At V = 1: the guest physical page between the two stages (what htval reports on a fault). */
	gppn?: number;
	guestPhysicalPage?: number;
}

const PAGE = 4096;

/** The valid entries of the machine's TLB, by slot. */
export function tlbView(machine: Machine): TlbEntryView[] {
	return tlbEntries(machine.hart.tlb);
}

export function tlbEntries(tlb: Tlb): TlbEntryView[] {
	const entries: TlbEntryView[] = [];
	for (let i = 0; i < tlb.size; i++) {
		const vpn = tlb.vpn[i];
		if (vpn === -1) continue; // an empty or invalidated slot
		const ctx = tlb.ctx[i];
		const virt = (ctx & 1) === 1;
		const firstStage = ((ctx >>> 1) & 1) === 1;
		const ppn = tlb.ppn[i] >>> 0;
		const gppn = tlb.gppn[i] >>> 0;
		entries.push({
			index: i,
			vpn: vpn >>> 0,
			virtualPage: (vpn >>> 0) * PAGE,
			virt,
			firstStage,
			asid: (ctx >>> 2) & ASID_MASK,
			vmid: (ctx >>> 11) & 0x7f,
			global: tlb.global[i] === 1,
			stage1: firstStage ? decodeLeaf(tlb.flags1[i]) : 'bare',
			stage2: leafFlags(tlb.flags2[i]),
			ppn,
			physicalPage: ppn * PAGE,
			...(virt ? { gppn, guestPhysicalPage: gppn * PAGE } : {})
		});
	}
	return entries;
}

/** The G-stage's flags, or 'bare' when hgatp was off (STAGE_BARE, a value no PTE has). */
function leafFlags(flags: number): LeafFlags | 'bare' {
	return flags === STAGE_BARE ? 'bare' : decodeLeaf(flags);
}

/** A cached leaf's permission and status bits: a PTE's flags without V (only valid leaves are cached). */
function decodeLeaf(flags: number): LeafFlags {
	const { V: _valid, ...leaf } = decodeFlags(flags);
	return leaf;
}
