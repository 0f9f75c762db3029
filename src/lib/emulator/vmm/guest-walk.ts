/**
 * Walking the guest's own Sv32 page tables in software (Privileged spec §4.3.2), as a
 * trap-and-emulate monitor must: to fill a shadow entry, to fetch the instruction it emulates. The
 * tables live in guest physical memory; each PTE read is reported so the exit trace can show it.
 */
import type { Machine } from '../machine/machine.ts';
import { PTE_R, PTE_V, PTE_W, PTE_X } from '../mmu/pte.ts';
import { gpaToHpa, type GuestMemory } from './guest-memory.ts';

export interface GuestLeaf {
	/** Guest physical address the virtual address maps to. */
	gpa: number;
	/** The leaf PTE and where it is (guest physical), for A/D updates. */
	pte: number;
	pteGpa: number;
	/** 1 for a 4 MiB megapage, 0 for a 4 KiB page. */
	level: number;
}

export interface PteRead {
	gpa: number;
	pte: number;
	level: number;
}

/** The walk's outcome: a leaf, or no valid mapping (the guest would take a page fault). */
export type GuestWalk =
	| { ok: true; leaf: GuestLeaf; reads: PteRead[] }
	| { ok: false; reads: PteRead[]; why: string; accessFault?: boolean };

/** Whether satp selects Sv32 (MODE, bit 31; §4.1.11). */
export const pagingOn = (satp: number) => satp >>> 31 === 1;

/**
 * Translates `va` through the table rooted at satp.PPN. Only validity and the structure are
 * checked here; whether the leaf permits an access is the caller's question (leafAllows).
 */
export function walkGuest(machine: Machine, mem: GuestMemory, satp: number, va: number): GuestWalk {
	const reads: PteRead[] = [];
	let table = (satp & 0x3fffff) * 4096;
	for (let level = 1; level >= 0; level--) {
		const index = level === 1 ? va >>> 22 : (va >>> 12) & 0x3ff;
		const pteGpa = table + index * 4;
		const hpa = gpaToHpa(mem, pteGpa);
		// A PTE that is not in memory is an access fault of the original access (§4.3.2 step 2).
		if (hpa < 0)
			return {
				ok: false,
				reads,
				why: `page table at 0x${pteGpa.toString(16)} is outside guest RAM`,
				accessFault: true
			};
		const pte = machine.readWord(hpa)!;
		reads.push({ gpa: pteGpa, pte, level });
		if (!(pte & PTE_V) || (!(pte & PTE_R) && pte & PTE_W))
			return { ok: false, reads, why: 'invalid PTE' };
		const ppn = pte >>> 10;
		if (pte & (PTE_R | PTE_X)) {
			if (level === 1 && ppn & 0x3ff) return { ok: false, reads, why: 'misaligned megapage' };
			const gpa =
				level === 1 ? (ppn >>> 10) * 2 ** 22 + (va & 0x3fffff) : ppn * 4096 + (va & 0xfff);
			return { ok: true, leaf: { gpa, pte, pteGpa, level }, reads };
		}
		table = ppn * 4096;
	}
	return { ok: false, reads, why: 'no leaf at level 0' };
}
