/**
 * The architectural TLB: a direct-mapped cache of completed translations, indexed by a hash of the
 * virtual page number (`index`). Privileged spec §4.3.2 lets an implementation cache any valid
 * translation until SFENCE.VMA/HFENCE.*. Entries are tagged
 * with a context word so that address spaces coexist: V, the VS-stage mode, the ASID and the VMID.
 * One entry covers one 4 KiB page; megapages are cached page by page.
 *
 * For V=1 an entry holds the combined two-stage translation: the VS-stage leaf flags, the G-stage
 * leaf flags and the intermediate guest physical page (for htval), as in hardware that caches
 * guest-virtual to host-physical translations.
 */

/**
 * Flags value meaning "this stage is Bare": every permission granted, A and D set, and bit 8, which
 * no PTE has, so that a real leaf with all eight flag bits set (0xff) is still checked on a hit.
 */
export const STAGE_BARE = 0x1ff;

export const ASID_MASK = 0x1ff;

/** Context tag: V (bit 0), VS-stage on (bit 1), ASID (bits 10:2), VMID (bits 17:11). */
export function contextTag(virt: number, vsOn: number, asid: number, vmid: number): number {
	return virt | (vsOn << 1) | ((asid & ASID_MASK) << 2) | ((vmid & 0x7f) << 11);
}
const ASID_FIELD = ASID_MASK << 2;

export class Tlb {
	readonly size: number;
	readonly vpn: Int32Array;
	readonly ctx: Int32Array;
	readonly global: Uint8Array;
	readonly flags1: Int32Array;
	readonly flags2: Int32Array;
	readonly ppn: Int32Array;
	readonly gppn: Int32Array;

	constructor(entries: number) {
		this.size = entries;
		this.vpn = new Int32Array(entries).fill(-1);
		this.ctx = new Int32Array(entries);
		this.global = new Uint8Array(entries);
		this.flags1 = new Int32Array(entries);
		this.flags2 = new Int32Array(entries);
		this.ppn = new Int32Array(entries);
		this.gppn = new Int32Array(entries);
	}

	/** Index of the entry translating `vpn` in context `ctx`, or -1. */
	/**
	 * The entry a page goes in. Low VPN bits alone would put pages 2^k apart in one entry, and
	 * programs place things exactly so: the kernel at 0x8000_0000 and a process's text at
	 * 0x0040_0000 both have VPN bits 5:0 zero, so every trap and return would evict the other
	 * (the TLB must then walk twice per system call in every mode). Folding higher VPN bits into
	 * the index, as hardware TLBs hash their set index, spreads such pages over the entries.
	 */
	index(vpn: number): number {
		return (vpn ^ (vpn >>> 7) ^ (vpn >>> 14)) & (this.size - 1);
	}

	lookup(vpn: number, ctx: number): number {
		const i = this.index(vpn);
		if (this.vpn[i] !== vpn) return -1;
		const c = this.ctx[i];
		if (c === ctx) return i;
		if (this.global[i] && (c & ~ASID_FIELD) === (ctx & ~ASID_FIELD)) return i;
		return -1;
	}

	/** Installs an entry; returns the virtual page number it evicted, or -1. */
	insert(
		vpn: number,
		ctx: number,
		global: boolean,
		flags1: number,
		flags2: number,
		ppn: number,
		gppn: number
	): number {
		const i = this.index(vpn);
		const evicted = this.vpn[i];
		this.vpn[i] = vpn;
		this.ctx[i] = ctx;
		this.global[i] = global ? 1 : 0;
		this.flags1[i] = flags1;
		this.flags2[i] = flags2;
		this.ppn[i] = ppn;
		this.gppn[i] = gppn;
		return evicted === vpn ? -1 : evicted;
	}

	/**
	 * Invalidates entries of one translation regime. `virt` selects V=0 or V=1 entries; `vmid`
	 * (V=1 only), `vpn` and `asid` narrow the set when not undefined. As SFENCE.VMA requires (§4.2.1),
	 * an ASID-specific fence leaves global entries alone.
	 */
	flush(virt: number, vmid?: number, vpn?: number, asid?: number): void {
		for (let i = 0; i < this.size; i++) {
			if (this.vpn[i] === -1) continue;
			const c = this.ctx[i];
			if ((c & 1) !== virt) continue;
			if (vmid !== undefined && ((c >>> 11) & 0x7f) !== (vmid & 0x7f)) continue;
			if (vpn !== undefined && this.vpn[i] !== vpn) continue;
			if (asid !== undefined && (this.global[i] || ((c >>> 2) & ASID_MASK) !== (asid & ASID_MASK)))
				continue;
			this.vpn[i] = -1;
		}
	}

	/**
	 * Invalidates the non-global entries of one regime (and VMID, when given): what a CPU without
	 * ASIDs must do when the page-table root changes (`MachineConfig.tlbTags: false`). Global
	 * entries stay, as they exist in every address space (§4.3.1, the G bit).
	 */
	flushNonGlobal(virt: number, vmid?: number): void {
		for (let i = 0; i < this.size; i++) {
			if (this.vpn[i] === -1 || this.global[i]) continue;
			const c = this.ctx[i];
			if ((c & 1) !== virt) continue;
			if (vmid !== undefined && ((c >>> 11) & 0x7f) !== (vmid & 0x7f)) continue;
			this.vpn[i] = -1;
		}
	}

	flushAll(): void {
		this.vpn.fill(-1);
	}
}
