/**
 * The G-stage table of hw mode: the monitor's map from guest physical to host physical addresses,
 * the RISC-V counterpart of Intel's EPT and AMD's NPT (Privileged spec §9.5, Sv32x4). The guest
 * never sees it; the hardware walks it under the guest's own (VS-stage) translation.
 *
 * Policy (documented in vmm/README.md): start empty and fill lazily. The first access to a guest
 * page raises a guest-page fault, the monitor maps that one 4 KiB page and the guest retries — as
 * KVM populates EPT on EPT violations. Device pages are never mapped, so every access to them
 * exits and is emulated.
 *
 * With megapages (`virtlab vm --g-megapages`) the first touch maps the whole 4 MiB region around the
 * page with one level-1 leaf, where the region lies in guest RAM and its host address is 4 MiB
 * aligned (Sv32x4 megapages, §9.5.1 with §4.3.1): every G-stage walk then reads one PTE instead of
 * two, and a guest needs one fault per 4 MiB. Host large pages under nested paging gave Bhargava et
 * al. (ASPLOS 2008) a further 3–22%.
 */
import { PTE_A, PTE_D, PTE_R, PTE_U, PTE_V, PTE_W, PTE_X } from '../mmu/pte.ts';
import type { MonitorMemory } from './monitor-memory.ts';
import type { ExitStep } from './exit-trace.ts';

/** hgatp.MODE = Sv32x4 (bit 31), VMID in bits 28:22, root PPN in 21:0 (§9.2.10). */
export const HGATP_SV32X4 = 1 << 31;
export const GUEST_VMID = 1;

/** Leaf permissions: G-stage leaves must have U set (§9.5.1); A and D preset, no update traps. */
const LEAF = PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D;
/** The span of a level-1 leaf: 4 MiB. */
export const MEGAPAGE_SIZE = 4 << 20;

export class GStageTable {
	/** Host physical address of the 16 KiB root (2^12 entries: Sv32x4 widens VPN[1] by 2 bits). */
	readonly root: number;
	mappedPages = 0;

	constructor(private readonly memory: MonitorMemory) {
		this.root = memory.allocate(4, 16384);
	}

	get hgatp(): number {
		return (HGATP_SV32X4 | (GUEST_VMID << 22) | (this.root >>> 12)) >>> 0;
	}

	/**
	 * Maps the guest page of `gpa` to the host page of `hpa`, creating the second-level table when
	 * needed, and returns the steps taken (for the exit trace).
	 */
	map(gpa: number, hpa: number): ExitStep[] {
		const steps: ExitStep[] = [];
		const rootEntry = this.root + Math.floor(gpa / 2 ** 22) * 4; // GPA bits 33:22
		let entry = this.memory.read32(rootEntry);
		if (!(entry & PTE_V)) {
			const table = this.memory.allocate();
			entry = (((table >>> 12) << 10) | PTE_V) >>> 0; // a pointer: V set, R/W/X clear
			this.memory.write32(rootEntry, entry);
			steps.push({ kind: 'installEntry', table: 'G-stage', address: gpa, pte: entry, level: 1 });
		}
		const table = ((entry >>> 10) << 12) >>> 0;
		const leafAddress = table + ((gpa >>> 12) & 0x3ff) * 4;
		const leaf = (((hpa >>> 12) << 10) | LEAF) >>> 0;
		this.memory.write32(leafAddress, leaf);
		this.mappedPages++;
		steps.push({ kind: 'installEntry', table: 'G-stage', address: gpa, pte: leaf, level: 0 });
		return steps;
	}

	/**
	 * Maps the 4 MiB guest region at `gpa` (4 MiB aligned) to the host region at `hpa` (likewise)
	 * with one megapage leaf in the root, and returns the step; undefined, changing nothing, when
	 * the root entry already points to a table of 4 KiB pages.
	 */
	mapMegapage(gpa: number, hpa: number): ExitStep[] | undefined {
		const rootEntry = this.root + Math.floor(gpa / 2 ** 22) * 4;
		if (this.memory.read32(rootEntry) & PTE_V) return undefined;
		const leaf = ((Math.floor(hpa / MEGAPAGE_SIZE) << 20) | LEAF) >>> 0; // PPN[0] = 0
		this.memory.write32(rootEntry, leaf);
		this.mappedPages += MEGAPAGE_SIZE / 4096;
		return [{ kind: 'installEntry', table: 'G-stage', address: gpa, pte: leaf, level: 1 }];
	}
}
