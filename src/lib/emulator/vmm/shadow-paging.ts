/**
 * Shadow page tables for trap-and-emulate (vmm/shadow-paging.md explains the design). The guest
 * kernel keeps its own Sv32 tables, mapping guest virtual to guest physical addresses; the hardware
 * walks tables the monitor builds from them, mapping guest virtual straight to host physical. The
 * monitor fills them lazily, one 4 KiB entry per hidden page fault, and keeps them in step with the
 * guest's by write-protecting every guest page that holds a page table it has shadowed — or, with
 * the `unsync` strategy, by letting leaf tables go out of sync until the guest's next SFENCE.VMA
 * (`ShadowSync` below; shadow-paging.md, "Staying in sync").
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
	/** A root's view: what its entries may grant (a resynchronisation recomputes them). */
	view?: GuestView;
}

/**
 * How the monitor keeps its shadows in step with the guest's tables (KVM's
 * Documentation/virt/kvm/x86/mmu.rst, "Synchronized and unsync pages"):
 *
 * - `write-protect`: every guest table page is write-protected; every PTE write is an exit that
 *   the monitor emulates, dropping the shadow entries derived from the PTE.
 * - `unsync`: as write-protect, but a level-0 guest table page is made writable at its first write
 *   fault and left out of sync: its shadow entries may be stale until the guest fences. The
 *   Privileged spec allows exactly that (§4.2.1: a PTE store need not be seen by translation until
 *   an SFENCE.VMA), so SFENCE.VMA of one address re-reads that address's entries, and SFENCE.VMA of
 *   everything (or a satp write, as KVM does on a CR3 write) resynchronises every out-of-sync page
 *   and write-protects it again. Root tables stay write-protected.
 * - `flood`: write-protect, plus KVM's write-flood rule: a table page written FLOOD_WRITES times
 *   with no use of its shadow in between stops being shadowed (a freed table being zeroed, say).
 */
export type ShadowSync = 'write-protect' | 'unsync' | 'flood';
export const SHADOW_SYNCS: readonly ShadowSync[] = ['write-protect', 'unsync', 'flood'];
/**
 * The default is `flood`, the behaviour trap mode had before the strategies were selectable, so
 * that every exit count and figure the lessons quote stays as it was.
 */
export const DEFAULT_SHADOW_SYNC: ShadowSync = 'flood';

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
	/**
	 * A store to a level-0 guest table under `unsync`: the table is now out of sync and the store's
	 * page mapped writable; the guest retries the store and it goes straight to memory.
	 */
	| { kind: 'unsynced'; gpa: number; steps: ExitStep[] }
	/** Guest physical memory that does not exist: an access fault for the guest. */
	| { kind: 'noMemory'; gpa: number; steps: ExitStep[] };

/**
 * Emulated writes to a guest table page, with no use in between, that end its shadowing under
 * `flood`: KVM's detect_write_flooding() (arch/x86/kvm/mmu/mmu.c) zaps a shadow page at the third
 * such write, the "write flooding" of mmu.rst ("Emulating writes").
 */
export const FLOOD_WRITES = 3;
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
	/** Level-0 guest table pages left writable and out of sync (`unsync`; KVM's sp->unsync). */
	private readonly outOfSync = new Set<number>();
	hiddenFaults = 0;
	/** Bumped whenever a shadow root is freed, so a cached satp value is known to be stale. */
	generation = 0;

	constructor(
		private readonly machine: Machine,
		private readonly mem: GuestMemory,
		private readonly memory: MonitorMemory,
		readonly sync: ShadowSync = DEFAULT_SHADOW_SYNC
	) {}

	/**
	 * Whether a guest page holds a page table the monitor shadows and keeps in sync, so that it is
	 * write-protected (an out-of-sync table is shadowed but writable).
	 */
	isProtected(gpa: number): boolean {
		const page = pageOf(gpa);
		return (this.mirrorsOf.get(page)?.size ?? 0) > 0 && !this.outOfSync.has(page);
	}

	/** Whether a guest table page is out of sync (`unsync`): writable, its shadows maybe stale. */
	isOutOfSync(gpa: number): boolean {
		return this.outOfSync.has(pageOf(gpa));
	}

	/** How many guest table pages are out of sync now. */
	get outOfSyncPages(): number {
		return this.outOfSync.size;
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
		let unsynced = false;
		if (access === ACCESS_STORE && this.isProtected(gpa)) {
			if (!this.mayGoOutOfSync(pageOf(gpa))) return { kind: 'pageTableWrite', gpa, steps };
			// KVM's unsync: rather than emulate this store and every one after it, lift the
			// protection of this leaf table until the guest's next fence (see ShadowSync).
			this.outOfSync.add(pageOf(gpa));
			steps.push({
				kind: 'dropEntries',
				table: 'shadow',
				count: 0,
				why: `guest table ${hex(pageOf(gpa))} out of sync: writable until SFENCE.VMA`
			});
			unsynced = true;
		}

		const leaf = this.shadowLeaf(view, flags, gpa);
		const leafHpa = l0.hpa + ((va >>> 12) & 0x3ff) * 4;
		this.clearLeaf(leafHpa);
		this.machine.writeWord(leafHpa, leaf);
		this.addRmap(pageOf(gpa), leafHpa);
		steps.push({ kind: 'installEntry', table: 'shadow', address: va >>> 0, pte: leaf, level: 0 });
		this.hiddenFaults++;
		this.machine.flushTlb();
		return unsynced ? { kind: 'unsynced', gpa, steps } : { kind: 'filled', steps };
	}

	/**
	 * SFENCE.VMA of one address (`unsync`): re-reads the guest PTE for `va` in every out-of-sync
	 * table and brings the shadow entries derived from it back in step. The tables stay out of
	 * sync, as KVM leaves a page unsync on INVLPG: the guest has only promised this one address.
	 */
	syncAddress(va: number): ExitStep[] {
		const steps: ExitStep[] = [];
		const rootIndex = va >>> 22;
		const index = (va >>> 12) & 0x3ff;
		for (const page of this.outOfSync) {
			let changed = 0;
			let synced = false;
			for (const table of this.mirrorsOf.get(page) ?? []) {
				if (table.parentIndex !== rootIndex) continue;
				synced = true;
				changed += this.syncEntry(table, index, steps);
			}
			if (synced)
				steps.push({
					kind: 'dropEntries',
					table: 'shadow',
					count: changed,
					why: `SFENCE.VMA ${hex(va >>> 0)}: entry of out-of-sync guest table ${hex(page)} re-read`
				});
		}
		if (steps.length > 0) this.machine.flushTlb();
		return steps;
	}

	/**
	 * SFENCE.VMA of everything, or a satp write (`unsync`): every out-of-sync table is
	 * resynchronised — each guest PTE a shadow entry was derived from is re-read, the entry kept,
	 * updated or dropped — and write-protected again (KVM's mmu_sync_children on a CR3 write).
	 */
	syncAll(): ExitStep[] {
		const steps: ExitStep[] = [];
		for (const page of [...this.outOfSync]) this.resync(page, steps);
		if (steps.length > 0) this.machine.flushTlb();
		return steps;
	}

	/** Brings one out-of-sync page back in step and write-protects it again. */
	private resync(page: number, steps: ExitStep[]): void {
		let changed = 0;
		for (const table of this.mirrorsOf.get(page) ?? [])
			for (let i = 0; i < 1024; i++) changed += this.syncEntry(table, i, steps);
		this.outOfSync.delete(page);
		this.protect(page);
		steps.push({
			kind: 'dropEntries',
			table: 'shadow',
			count: changed,
			why: `guest table ${hex(page)} resynchronised and write-protected again`
		});
	}

	/**
	 * Re-reads the guest PTE behind entry `index` of a level-0 shadow and makes the entry what a
	 * fill would install now: kept, updated (an installEntry step) or dropped. Returns 1 when the
	 * entry changed. An empty entry is left alone: the next access faults and fills it.
	 */
	private syncEntry(table: ShadowTable, index: number, steps: ExitStep[]): number {
		const at = table.hpa + index * 4;
		const old = this.machine.readWord(at)!;
		if (!(old & PTE_V)) return 0;
		const pteGpa = table.mirrors + index * 4;
		const pte = this.machine.readWord(gpaToHpa(this.mem, pteGpa))!;
		steps.push({ kind: 'readGuestTable', gpa: pteGpa, pte, level: 0 });
		// Only a valid leaf the hardware has marked accessed may stay mapped: a fill would set A
		// first, and without it the guest would never see A set for its next access.
		const valid =
			pte & PTE_V && pte & PTE_A && pte & (PTE_R | PTE_X) && !(pte & PTE_W && !(pte & PTE_R));
		const gpa = (pte >>> 10) * 4096;
		const next =
			valid && gpaToHpa(this.mem, gpa) >= 0 ? this.shadowLeaf(table.parent!.view!, pte, gpa) : 0;
		if (next === old) return 0;
		this.clearLeaf(at);
		if (next & (PTE_R | PTE_X)) {
			this.machine.writeWord(at, next);
			this.addRmap(gpa, at);
			const address = ((table.parentIndex << 22) | (index << 12)) >>> 0;
			steps.push({ kind: 'installEntry', table: 'shadow', address, pte: next, level: 0 });
		}
		return 1;
	}

	/**
	 * The shadow leaf for a guest leaf PTE (`flags`) mapping guest page `gpa` under `view`: exactly
	 * what the view may do, and writes only once the guest's D bit is set and the page is not a
	 * write-protected guest page table. No access allowed at all gives a leaf with no R, W or X.
	 */
	private shadowLeaf(view: GuestView, flags: number, gpa: number): number {
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
		const hpa = gpaToHpa(this.mem, gpa - (gpa % 4096));
		return (((hpa >>> 12) << 10) | SHADOW_LEAF_BASE | perms) >>> 0;
	}

	/**
	 * Whether a write-protected table page may go out of sync: only under `unsync`, and only when
	 * every shadow of it is a level-0 table (a root, or the root entry behind a split megapage,
	 * stays write-protected, as KVM unsyncs only last-level pages).
	 */
	private mayGoOutOfSync(page: number): boolean {
		if (this.sync !== 'unsync') return false;
		for (const table of this.mirrorsOf.get(page) ?? [])
			if (table.level !== 0 || table.megapageIndex >= 0) return false;
		return true;
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
		if (this.sync === 'flood') this.writesSinceUse.set(page, writes);
		if (this.sync === 'flood' && writes >= FLOOD_WRITES && page !== activeRoot) {
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
				key,
				view: { ...view }
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
		if (this.outOfSync.has(frame)) return; // writable on purpose until the next fence
		for (const leafHpa of this.rmap.get(frame / 4096) ?? []) {
			const pte = this.machine.readWord(leafHpa)!;
			if (pte & PTE_W) this.machine.writeWord(leafHpa, pte & ~PTE_W);
		}
	}

	private addMirror(table: ShadowTable): void {
		// Only plain level-0 shadows may mirror an out-of-sync page: a page that becomes a root
		// (a freed leaf table reused) is resynchronised and write-protected first.
		if ((table.level !== 0 || table.megapageIndex >= 0) && this.outOfSync.has(table.mirrors))
			this.resync(table.mirrors, []);
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
			if (set?.size === 0) {
				// No longer shadowed at all: nothing is left to be out of sync.
				this.mirrorsOf.delete(table.mirrors);
				this.outOfSync.delete(table.mirrors);
			}
		}
		for (let i = 0; i < 1024; i++) this.machine.writeWord(table.hpa + i * 4, 0);
		this.freePages.push(table.hpa);
		return dropped;
	}

	private page(): number {
		return this.freePages.pop() ?? this.memory.allocate();
	}
}

/** An address as the exit steps write it: 0x8000_1000 → "0x80001000". */
function hex(v: number): string {
	return `0x${v.toString(16).padStart(8, '0')}`;
}

/** The guest physical address of the page holding `gpa`. */
function pageOf(gpa: number): number {
	return gpa - (gpa % 4096);
}
