/**
 * Shadow page tables for trap-and-emulate (vmm/shadow-paging.md explains the design). The guest
 * kernel keeps its own Sv32 tables, mapping guest virtual to guest physical addresses; the hardware
 * walks tables the monitor builds from them, mapping guest virtual straight to host physical. The
 * monitor fills them lazily, one 4 KiB entry per hidden page fault, and keeps them in step with the
 * guest's by write-protecting every guest page that holds a page table it has shadowed.
 *
 * A shadow is specific to one guest root table and one "view": the guest kernel and its processes
 * both run in real U-mode, so the U bit of the hardware cannot tell them apart; instead each view
 * has its own shadow, holding only what that virtual privilege may reach (kernel views also
 * depend on sstatus.SUM and MXR). When the guest has paging off, a single "bare" view maps guest
 * physical addresses one to one.
 */
import type { Machine } from '../machine/machine.ts';
import { PRIV_S } from '../machine/constants.ts';
import {
	ACCESS_FETCH,
	ACCESS_LOAD,
	ACCESS_STORE,
	PTE_A,
	PTE_D,
	PTE_R,
	PTE_U,
	PTE_V,
	PTE_W,
	PTE_X,
	leafAllows
} from '../mmu/pte.ts';
import type { ExitStep } from './exit-trace.ts';
import { gpaToHpa, type GuestMemory } from './guest-memory.ts';
import { pagingOn, walkGuest } from './guest-walk.ts';
import type { MonitorMemory } from './monitor-memory.ts';

/** What the guest's privilege and status let it reach; one shadow per view and guest root. */
export interface GuestView {
	satp: number;
	priv: number;
	sum: boolean;
	mxr: boolean;
}

/** A shadow table page: which guest table it mirrors, so a write there can find it. */
interface ShadowTable {
	hpa: number;
	level: 0 | 1;
	/** Guest physical address of the guest table it mirrors. */
	mirrors: number;
	/** A level-0 shadow built from a guest megapage mirrors one root entry only. */
	megapageIndex: number;
	/** For a level-0 shadow: the root shadow and the index it hangs from. */
	parent?: ShadowTable;
	parentIndex: number;
	/** Level-1 only: its level-0 shadows by index. */
	children?: Map<number, ShadowTable>;
	/** Freed (a table can be reached twice while a write drops entries). */
	freed?: boolean;
	/** A root's key in `roots`. */
	key?: string;
}

/** What a hidden page fault turned out to be. */
export type FillOutcome =
	/** The guest's own tables forbid the access: the guest kernel must see the page fault. */
	| { kind: 'guestFault'; steps: ExitStep[] }
	/** A shadow entry was installed (a hidden page fault): the guest retries and succeeds. */
	| { kind: 'filled'; steps: ExitStep[] }
	/** The address maps to a device page: emulate the access. */
	| { kind: 'device'; gpa: number; steps: ExitStep[] }
	/** A store to a guest page table: emulate it and resynchronise. */
	| { kind: 'pageTableWrite'; gpa: number; steps: ExitStep[] }
	/** Guest physical memory that does not exist: an access fault for the guest. */
	| { kind: 'noMemory'; gpa: number; steps: ExitStep[] };

/** Emulated writes to a guest table page, with no use in between, that end its shadowing (KVM: 3). */
const FLOOD_WRITES = 3;
/** Shadow roots kept before the monitor starts over (KVM zaps everything under pressure, too). */
const MAX_ROOTS = 64;
const SHADOW_LEAF_BASE = PTE_V | PTE_U | PTE_A | PTE_D;

export class ShadowPaging {
	private readonly roots = new Map<string, ShadowTable>();
	/** Guest page (GPA of a page table) → shadow tables mirroring it. */
	private readonly mirrorsOf = new Map<number, Set<ShadowTable>>();
	/** Guest frame number → host addresses of shadow leaves that map it (KVM's rmap). */
	private readonly rmap = new Map<number, Set<number>>();
	private readonly freePages: number[] = [];
	/** Guest table page → writes emulated since a shadow of it was last used (KVM's flood count). */
	private readonly writesSinceUse = new Map<number, number>();
	hiddenFaults = 0;
	/** Bumped whenever a shadow root is freed, so a cached satp value is known to be stale. */
	generation = 0;

	constructor(
		private readonly machine: Machine,
		private readonly mem: GuestMemory,
		private readonly memory: MonitorMemory
	) {}

	/** Whether a guest page holds a page table the monitor shadows (so it is write-protected). */
	isProtected(gpa: number): boolean {
		return (this.mirrorsOf.get(pageOf(gpa))?.size ?? 0) > 0;
	}

	/** The hardware satp value for a view: Sv32, ASID 0, the shadow root (made if needed). */
	satpFor(view: GuestView): number {
		const root = this.rootFor(view);
		return ((1 << 31) | (root.hpa >>> 12)) >>> 0;
	}

	/**
	 * Handles a page fault the hardware raised at `va` for `access` under the shadow of `view`: it
	 * walks the guest's tables and either installs the missing shadow entry or says what else it is.
	 */
	fill(view: GuestView, va: number, access: number): FillOutcome {
		// A fill needs at most two new pages (a root and a level-0 table); start over when even
		// that is not left, so that no table is freed while this fill holds it.
		if (this.freePages.length + this.memory.pagesLeft() < 2) this.zapAll();
		const steps: ExitStep[] = [];
		let gpa: number;
		let flags: number;
		let leafInfo: { pteGpa: number; pte: number; level: number } | undefined;
		if (!pagingOn(view.satp)) {
			gpa = va >>> 0;
			flags = PTE_R | PTE_W | PTE_X | PTE_A | PTE_D | (view.priv === PRIV_S ? 0 : PTE_U);
		} else {
			const walk = walkGuest(this.machine, this.mem, view.satp, va);
			for (const r of walk.reads)
				steps.push({ kind: 'readGuestTable', gpa: r.gpa, pte: r.pte, level: r.level });
			if (!walk.ok)
				return walk.accessFault
					? { kind: 'noMemory', gpa: -1, steps }
					: { kind: 'guestFault', steps };
			const { leaf } = walk;
			if (!leafAllows(leaf.pte, access, view.priv, view.sum, view.mxr, false))
				return { kind: 'guestFault', steps };
			gpa = leaf.gpa;
			flags = leaf.pte;
			leafInfo = leaf;
			// Set A (and D for a store) in the guest's PTE, as the hardware would have (§4.3.2 step 7).
			const wantAD = PTE_A | (access === ACCESS_STORE ? PTE_D : 0);
			if ((leaf.pte & wantAD) !== wantAD) {
				const updated = (leaf.pte | wantAD) >>> 0;
				this.machine.writeWord(gpaToHpa(this.mem, leaf.pteGpa), updated);
				steps.push({
					kind: 'writeState',
					name: `guest PTE @0x${leaf.pteGpa.toString(16)}`,
					before: leaf.pte >>> 0,
					after: updated
				});
				flags = updated;
			}
			// Every guest table on the way is now shadowed: write-protect it. It is in use, too.
			for (const r of walk.reads) {
				this.protect(r.gpa);
				this.writesSinceUse.delete(pageOf(r.gpa));
			}
		}
		const hpa = gpaToHpa(this.mem, gpa - (gpa % 4096));
		if (hpa < 0) return { kind: gpa >= 0x80000000 ? 'noMemory' : 'device', gpa, steps };
		// The level-0 shadow first: making it registers (and write-protects) the guest table it
		// mirrors, which may be the very page this access touches.
		const l0 = this.levelZeroFor(view, va, leafInfo, steps);
		if (access === ACCESS_STORE && this.isProtected(gpa))
			return { kind: 'pageTableWrite', gpa, steps };

		// The shadow leaf allows exactly what this view may do, and writes only once the guest's D
		// bit is set and the page is not a guest page table.
		let perms = 0;
		if (leafAllows(flags, ACCESS_LOAD, view.priv, view.sum, view.mxr, false)) perms |= PTE_R;
		if (leafAllows(flags, ACCESS_FETCH, view.priv, view.sum, view.mxr, false)) perms |= PTE_X;
		if (
			flags & PTE_D &&
			leafAllows(flags, ACCESS_STORE, view.priv, view.sum, view.mxr, false) &&
			!this.isProtected(gpa)
		)
			perms |= PTE_W;
		if (perms & PTE_W && !(perms & PTE_R)) perms &= ~PTE_W; // W without R is reserved (§4.3.1)
		const leaf = (((hpa >>> 12) << 10) | SHADOW_LEAF_BASE | perms) >>> 0;
		const leafHpa = l0.hpa + ((va >>> 12) & 0x3ff) * 4;
		this.machine.writeWord(leafHpa, leaf);
		this.addRmap(pageOf(gpa), leafHpa);
		steps.push({ kind: 'installEntry', table: 'shadow', address: va >>> 0, pte: leaf, level: 0 });
		this.hiddenFaults++;
		this.machine.flushTlb();
		return { kind: 'filled', steps };
	}

	/**
	 * The guest wrote `size` bytes at `gpa`, inside one of its page tables: drop every shadow
	 * entry derived from the PTE it changed, so the next access faults and refills from the new
	 * value (the write-protect strategy of KVM's MMU).
	 */
	guestTableWritten(gpa: number, activeRoot = -1): ExitStep[] {
		const page = pageOf(gpa);
		const index = (gpa & 0xfff) >>> 2;
		let dropped = 0;
		// Write flooding (KVM's mmu.rst): a page written again and again without being used as a
		// table in between is most likely no table any more (a freed page table being zeroed, say).
		// Stop shadowing it, which lifts its write protection; if it is a table after all, the
		// next walk through it shadows it again.
		const writes = (this.writesSinceUse.get(page) ?? 0) + 1;
		this.writesSinceUse.set(page, writes);
		if (writes >= FLOOD_WRITES && page !== activeRoot) {
			for (const table of [...(this.mirrorsOf.get(page) ?? [])]) dropped += this.freeTable(table);
			this.writesSinceUse.delete(page);
			this.machine.flushTlb();
			return [
				{
					kind: 'dropEntries',
					table: 'shadow',
					count: dropped,
					why: 'write flooding: the page is no longer shadowed'
				}
			];
		}
		for (const table of [...(this.mirrorsOf.get(page) ?? [])]) {
			if (table.freed) continue;
			if (table.level === 1) {
				const child = table.children!.get(index);
				if (child) dropped += this.freeTable(child);
				this.machine.writeWord(table.hpa + index * 4, 0);
				dropped++;
			} else if (table.megapageIndex >= 0) {
				if (table.megapageIndex === index) dropped += this.freeTable(table);
			} else {
				this.clearLeaf(table.hpa + index * 4);
				dropped++;
			}
		}
		this.machine.flushTlb();
		return dropped > 0
			? [{ kind: 'dropEntries', table: 'shadow', count: dropped, why: 'guest PTE written' }]
			: [];
	}

	/** Drops every shadow (the monitor starts over; the guest notices nothing). */
	zapAll(): void {
		for (const root of this.roots.values()) this.freeTable(root);
		this.roots.clear();
		this.machine.flushTlb();
	}

	private rootFor(view: GuestView): ShadowTable {
		const key = !pagingOn(view.satp)
			? `bare:${view.priv}`
			: `${view.satp & 0x3fffff}:${view.priv}:${view.priv === PRIV_S ? +view.sum : ''}${+view.mxr}`;
		let root = this.roots.get(key);
		if (!root) {
			if (this.roots.size >= MAX_ROOTS) this.zapAll();
			const rootGpa = pagingOn(view.satp) ? (view.satp & 0x3fffff) * 4096 : -1;
			root = {
				hpa: this.page(),
				level: 1,
				mirrors: rootGpa,
				megapageIndex: -1,
				parentIndex: -1,
				children: new Map(),
				key
			};
			if (rootGpa >= 0) this.addMirror(root);
			this.roots.set(key, root);
		}
		return root;
	}

	private levelZeroFor(
		view: GuestView,
		va: number,
		leaf: { pteGpa: number; level: number } | undefined,
		steps: ExitStep[]
	): ShadowTable {
		const root = this.rootFor(view);
		const index = va >>> 22;
		let table = root.children!.get(index);
		if (!table) {
			// A level-0 shadow mirrors the guest's level-0 table, or — for a guest megapage, which
			// the shadow splits into 4 KiB entries — the one root entry that maps it.
			const megapage = !leaf || leaf.level === 1;
			table = {
				hpa: this.page(),
				level: 0,
				mirrors: megapage ? root.mirrors : pageOf(leaf!.pteGpa),
				megapageIndex: megapage ? index : -1,
				parent: root,
				parentIndex: index
			};
			root.children!.set(index, table);
			if (table.mirrors >= 0) this.addMirror(table);
			const pointer = (((table.hpa >>> 12) << 10) | PTE_V) >>> 0;
			this.machine.writeWord(root.hpa + index * 4, pointer);
			steps.push({
				kind: 'installEntry',
				table: 'shadow',
				address: (index << 22) >>> 0,
				pte: pointer,
				level: 1
			});
		}
		return table;
	}

	/** Write-protects a guest page that holds a page table: no shadow leaf may map it writable. */
	private protect(pteGpa: number): void {
		const frame = pageOf(pteGpa);
		for (const leafHpa of this.rmap.get(frame / 4096) ?? []) {
			const pte = this.machine.readWord(leafHpa)!;
			if (pte & PTE_W) this.machine.writeWord(leafHpa, pte & ~PTE_W);
		}
	}

	private addMirror(table: ShadowTable): void {
		let set = this.mirrorsOf.get(table.mirrors);
		if (!set) this.mirrorsOf.set(table.mirrors, (set = new Set()));
		set.add(table);
		this.protect(table.mirrors);
	}

	private addRmap(gpaPage: number, leafHpa: number): void {
		const frame = gpaPage / 4096;
		let set = this.rmap.get(frame);
		if (!set) this.rmap.set(frame, (set = new Set()));
		set.add(leafHpa);
	}

	private clearLeaf(leafHpa: number): void {
		const pte = this.machine.readWord(leafHpa)!;
		if (!(pte & PTE_V)) return;
		const hpaPage = (pte >>> 10) * 4096;
		const frame = (hpaPage - this.mem.hpaBase + 0x80000000) / 4096;
		this.rmap.get(frame)?.delete(leafHpa);
		this.machine.writeWord(leafHpa, 0);
	}

	/** Frees a shadow table (and a root's children); returns how many entries that dropped. */
	private freeTable(table: ShadowTable): number {
		if (table.freed) return 0;
		table.freed = true;
		let dropped = 0;
		if (table.level === 1) {
			for (const child of table.children!.values()) dropped += this.freeTable(child);
			table.children!.clear();
			if (table.key !== undefined) this.roots.delete(table.key);
			this.generation++;
		} else {
			for (let i = 0; i < 1024; i++) {
				const at = table.hpa + i * 4;
				if (this.machine.readWord(at)! & PTE_V) {
					this.clearLeaf(at);
					dropped++;
				}
			}
			if (table.parent) {
				table.parent.children!.delete(table.parentIndex);
				this.machine.writeWord(table.parent.hpa + table.parentIndex * 4, 0);
			}
		}
		if (table.mirrors >= 0) {
			const set = this.mirrorsOf.get(table.mirrors);
			set?.delete(table);
			if (set?.size === 0) this.mirrorsOf.delete(table.mirrors);
		}
		for (let i = 0; i < 1024; i++) this.machine.writeWord(table.hpa + i * 4, 0);
		this.freePages.push(table.hpa);
		return dropped;
	}

	private page(): number {
		return this.freePages.pop() ?? this.memory.allocate();
	}
}

/** The guest physical address of the page holding `gpa`. */
function pageOf(gpa: number): number {
	return gpa - (gpa % 4096);
}
