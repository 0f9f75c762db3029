/**
 * Shadow page tables of trap mode (shadow-paging.ts). The oracle is the Privileged spec: §4.3.1
 * (what a leaf permits: U, SUM, MXR; W without R reserved), §4.3.2 step 7 (A on every access, D on
 * a store), and the contract a shadow must keep — the hardware, walking the shadow in real U-mode,
 * must allow exactly what the guest's own tables allow the guest's virtual privilege, never more —
 * checked both on the entries written and by running the machine's MMU over them.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';
import {
	MONITOR_SIZE,
	gpaToHpa,
	guestMemory
} from '../../../../src/lib/emulator/vmm/guest-memory.ts';
import { MonitorMemory } from '../../../../src/lib/emulator/vmm/monitor-memory.ts';
import {
	FLOOD_WRITES,
	ShadowPaging,
	type GuestView,
	type ShadowSync
} from '../../../../src/lib/emulator/vmm/shadow-paging.ts';
import { enc, li, toBytes } from '../../../helpers/encode.ts';

const V = 1,
	R = 2,
	W = 4,
	X = 8,
	U = 16,
	A = 64,
	D = 128;
const FETCH = 0,
	LOAD = 1,
	STORE = 2;
const PRIV_U = 0,
	PRIV_S = 1;
const GUEST_RAM = 8 << 20;
const HPA = (gpa: number) => gpa - 0x80000000 + 0x80000000 + MONITOR_SIZE;

// The guest's tables (guest physical addresses).
const ROOT = 0x80001000;
const L0U = 0x80002000; // level-0 table of the user region 0x0040_0000–0x007f_ffff
const CODE = 0x80010000; // user code page, mapped at 0x0040_0000 (U R X, A clear)
const DATA = 0x80011000; // user data page, mapped at 0x0040_1000 (U R W, A and D clear)
const SATP = ((1 << 31) | (ROOT >>> 12)) >>> 0;

const pte = (pa: number, flags: number) => (((pa >>> 12) << 10) | flags) >>> 0;

function setup(sync?: ShadowSync) {
	const machine = new Machine({ ramSize: GUEST_RAM + MONITOR_SIZE, hostTrapsHS: true });
	const mem = guestMemory(GUEST_RAM, true);
	const shadow = new ShadowPaging(machine, mem, new MonitorMemory(machine), sync);
	const put = (gpa: number, v: number) => machine.writeWord(gpaToHpa(mem, gpa), v >>> 0);
	const get = (gpa: number) => machine.readWord(gpaToHpa(mem, gpa))!;
	put(ROOT + 0x200 * 4, pte(0x80000000, V | R | W | X)); // kernel megapage, A and D clear
	put(ROOT + 0x201 * 4, pte(0x80400000, V | X | A)); // kernel execute-only megapage
	put(ROOT + 0x040 * 4, pte(0x10000000, V | R | W | A | D)); // kernel megapage over the UART
	put(ROOT + 1 * 4, pte(L0U, V));
	put(L0U + 0 * 4, pte(CODE, V | R | X | U));
	put(L0U + 1 * 4, pte(DATA, V | R | W | U));
	put(L0U + 2 * 4, pte(0x10000000, V | R | W | U | A | D)); // the UART, given to user space
	put(L0U + 3 * 4, pte(0x90000000, V | R | W | U | A | D)); // past guest RAM
	put(L0U + 4 * 4, pte(0x80012000, V | R | W | U | A | D));

	/** The shadow leaf the hardware would use for `va` under `view`, or 0. */
	const leaf = (view: GuestView, va: number) => {
		const root = (shadow.satpFor(view) & 0x3fffff) * 4096;
		const pointer = machine.readWord(root + (va >>> 22) * 4)!;
		if (!(pointer & V)) return 0;
		expect(pointer & (R | W | X), 'a shadow root entry is a pointer').toBe(0);
		return machine.readWord((pointer >>> 10) * 4096 + ((va >>> 12) & 0x3ff) * 4)!;
	};
	const rootEntry = (view: GuestView, va: number) =>
		machine.readWord((shadow.satpFor(view) & 0x3fffff) * 4096 + (va >>> 22) * 4)!;
	return { machine, mem, shadow, put, get, leaf, rootEntry };
}

const user: GuestView = { satp: SATP, priv: PRIV_U, sum: false, mxr: false };
const kernel = (sum = false, mxr = false): GuestView => ({ satp: SATP, priv: PRIV_S, sum, mxr });

describe('fill under a user view', () => {
	it('maps a user data page readable, not writable until the guest D bit is set, with A set in the guest PTE', () => {
		const { shadow, get, leaf } = setup();
		expect(shadow.fill(user, 0x00401234, LOAD).kind).toBe('filled');
		expect(get(L0U + 4) & (A | D)).toBe(A);
		const l = leaf(user, 0x00401000);
		expect(l >>> 10).toBe(HPA(DATA) >>> 12);
		expect(l & (V | U | R)).toBe(V | U | R);
		expect(l & (W | X)).toBe(0);

		const store = shadow.fill(user, 0x00401234, STORE);
		expect(store.kind).toBe('filled');
		expect(get(L0U + 4) & (A | D)).toBe(A | D);
		expect(leaf(user, 0x00401000) & (R | W)).toBe(R | W);
		expect(store.steps.some((s) => s.kind === 'writeState')).toBe(true); // the guest PTE update is traced
	});

	it('maps user code readable and executable, never writable', () => {
		const { shadow, get, leaf } = setup();
		expect(shadow.fill(user, 0x00400000, FETCH).kind).toBe('filled');
		expect(get(L0U) & A).toBe(A);
		expect(get(L0U) & D).toBe(0);
		expect(leaf(user, 0x00400000) & (R | W | X)).toBe(R | X);
		expect(shadow.fill(user, 0x00400000, STORE).kind).toBe('guestFault');
	});

	it('does not let the user view reach kernel pages (no U bit) or write read-only ones', () => {
		const { shadow, rootEntry } = setup();
		for (const access of [FETCH, LOAD, STORE])
			expect(shadow.fill(user, 0x80000000, access).kind).toBe('guestFault');
		expect(rootEntry(user, 0x80000000)).toBe(0);
	});

	it('reports the guest’s reads of its tables as trace steps, in walk order', () => {
		const { shadow } = setup();
		const out = shadow.fill(user, 0x00401000, LOAD);
		const reads = out.steps.filter((s) => s.kind === 'readGuestTable');
		expect(reads).toEqual([
			{ kind: 'readGuestTable', gpa: ROOT + 4, pte: pte(L0U, V), level: 1 },
			{ kind: 'readGuestTable', gpa: L0U + 4, pte: pte(DATA, V | R | W | U), level: 0 }
		]);
	});
});

describe('fill under a kernel view (sstatus.SUM and MXR)', () => {
	it('refuses user pages with SUM clear and allows loads and stores (never fetches) with SUM set', () => {
		const { shadow, leaf } = setup();
		expect(shadow.fill(kernel(false), 0x00401000, LOAD).kind).toBe('guestFault');
		expect(shadow.fill(kernel(true), 0x00401000, LOAD).kind).toBe('filled');
		expect(shadow.fill(kernel(true), 0x00400000, FETCH).kind).toBe('guestFault');
		expect(shadow.fill(kernel(true), 0x00401000, STORE).kind).toBe('filled');
		const l = leaf(kernel(true), 0x00401000);
		expect(l & (U | R | W | X)).toBe(U | R | W); // U: the deprivileged kernel runs in real U-mode
		expect(leaf(kernel(false), 0x00401000)).toBe(0);
	});

	it('keeps separate shadows for SUM on and off, and for user and kernel', () => {
		const { shadow } = setup();
		const roots = new Set(
			[user, kernel(false), kernel(true), kernel(false, true)].map((v) => shadow.satpFor(v))
		);
		expect(roots.size).toBe(4);
		for (const s of roots) expect(s >>> 31).toBe(1);
	});

	it('with MXR makes execute-only pages readable, without it not', () => {
		const { shadow, leaf } = setup();
		expect(shadow.fill(kernel(), 0x80400000, LOAD).kind).toBe('guestFault');
		expect(shadow.fill(kernel(false, true), 0x80400000, LOAD).kind).toBe('filled');
		expect(leaf(kernel(false, true), 0x80400000) & (R | X)).toBe(R | X);
		expect(shadow.fill(kernel(), 0x80400000, FETCH).kind).toBe('filled');
		expect(leaf(kernel(), 0x80400000) & (R | W | X)).toBe(X);
	});
});

describe('fill under a user view with sstatus.MXR', () => {
	// §4.1.1: MXR "modifies the privilege with which loads access virtual memory" — for U-mode
	// loads as well as S-mode ones (only SUM is S-mode only).
	it('lets user loads read execute-only pages only while MXR is set', () => {
		const { shadow, put, leaf } = setup();
		put(L0U + 5 * 4, pte(0x80013000, V | X | U | A)); // execute-only user page at 0x0040_5000
		const userMxr: GuestView = { ...user, mxr: true };
		expect(shadow.fill(user, 0x00405000, LOAD).kind).toBe('guestFault');
		expect(shadow.fill(userMxr, 0x00405000, LOAD).kind).toBe('filled');
		expect(leaf(userMxr, 0x00405000) & R).toBe(R);
		// MXR cleared again: the hardware must not find a readable entry for that page.
		expect(leaf(user, 0x00405000) & R).toBe(0);
	});
});

describe('guest megapages', () => {
	it('are split into 4 KiB shadow entries in one level-0 shadow, filled page by page', () => {
		const { shadow, get, leaf, rootEntry } = setup();
		expect(shadow.fill(kernel(), 0x80345678, LOAD).kind).toBe('filled');
		const pointer = rootEntry(kernel(), 0x80345678);
		expect(pointer & (V | R | W | X)).toBe(V);
		expect(leaf(kernel(), 0x80345000) >>> 10).toBe(HPA(0x80345000) >>> 12);
		expect(leaf(kernel(), 0x80344000)).toBe(0);
		expect(leaf(kernel(), 0x80346000)).toBe(0);
		expect(shadow.fill(kernel(), 0x80346000, FETCH).kind).toBe('filled');
		expect(rootEntry(kernel(), 0x80345678)).toBe(pointer);
		expect(leaf(kernel(), 0x80346000) >>> 10).toBe(HPA(0x80346000) >>> 12);
		// A was set in the guest's megapage PTE, D once a store came.
		expect(get(ROOT + 0x800) & (A | D)).toBe(A);
		expect(shadow.fill(kernel(), 0x80347000, STORE).kind).toBe('filled');
		expect(get(ROOT + 0x800) & (A | D)).toBe(A | D);
	});
});

describe('write protection of guest page tables', () => {
	it('protects every guest table a fill walked, and nothing else', () => {
		const { shadow } = setup();
		shadow.fill(user, 0x00401000, LOAD);
		expect(shadow.isProtected(ROOT)).toBe(true);
		expect(shadow.isProtected(L0U + 0x10)).toBe(true);
		expect(shadow.isProtected(DATA)).toBe(false);
		expect(shadow.isProtected(0x80003000)).toBe(false);
	});

	it('turns a store to a guest table page into pageTableWrite, and maps it read-only for loads', () => {
		const { shadow, leaf } = setup();
		shadow.fill(user, 0x00401000, LOAD); // L0U is now a shadowed table
		const out = shadow.fill(kernel(), L0U + 8, STORE); // the kernel reaches it through its megapage
		expect(out).toMatchObject({ kind: 'pageTableWrite', gpa: L0U + 8 });
		expect(shadow.fill(kernel(), L0U + 8, LOAD).kind).toBe('filled');
		expect(leaf(kernel(), L0U) & (R | W)).toBe(R);
		expect(shadow.fill(kernel(), ROOT + 4, STORE).kind).toBe('pageTableWrite');
	});

	it('takes write permission away from a page mapped writable before it became a page table', () => {
		const { shadow, put, leaf } = setup();
		const NEW_L0 = 0x80003000;
		expect(shadow.fill(kernel(), NEW_L0, STORE).kind).toBe('filled');
		expect(leaf(kernel(), NEW_L0) & W).toBe(W);
		// The guest makes that page a level-0 table for 0x0080_0000 (its root is write-protected,
		// so the monitor emulates that store and resynchronises).
		put(ROOT + 2 * 4, pte(NEW_L0, V));
		shadow.guestTableWritten(ROOT + 2 * 4);
		put(NEW_L0, pte(0x80012000, V | R | W | U | A | D));
		expect(shadow.fill(user, 0x00800000, LOAD).kind).toBe('filled');
		expect(shadow.isProtected(NEW_L0)).toBe(true);
		expect(leaf(kernel(), NEW_L0) & W).toBe(0);
		expect(shadow.fill(kernel(), NEW_L0, STORE).kind).toBe('pageTableWrite');
	});
});

describe('guestTableWritten', () => {
	it('drops the shadow entry derived from a changed level-0 PTE, and only that one', () => {
		const { shadow, put, leaf } = setup();
		shadow.fill(user, 0x00400000, FETCH);
		shadow.fill(user, 0x00401000, LOAD);
		put(L0U + 4, pte(0x80012000, V | R | U | A));
		const steps = shadow.guestTableWritten(L0U + 4);
		expect(steps).toEqual([expect.objectContaining({ kind: 'dropEntries', table: 'shadow' })]);
		expect(steps[0].kind === 'dropEntries' && steps[0].count).toBeGreaterThanOrEqual(1);
		expect(leaf(user, 0x00401000) & V).toBe(0);
		expect(leaf(user, 0x00400000) & V).toBe(V);
		expect(shadow.fill(user, 0x00401000, LOAD).kind).toBe('filled');
		expect(leaf(user, 0x00401000) >>> 10).toBe(HPA(0x80012000) >>> 12);
	});

	it('drops everything under a changed root PTE', () => {
		const { shadow, put, rootEntry, leaf } = setup();
		shadow.fill(user, 0x00400000, FETCH);
		shadow.fill(user, 0x00401000, LOAD);
		put(ROOT + 4, 0);
		shadow.guestTableWritten(ROOT + 4);
		expect(rootEntry(user, 0x00400000)).toBe(0);
		expect(leaf(user, 0x00401000)).toBe(0);
		expect(shadow.fill(user, 0x00401000, LOAD).kind).toBe('guestFault');
	});

	it('drops the split entries of a changed guest megapage in every view', () => {
		const { shadow, put, rootEntry } = setup();
		shadow.fill(kernel(), 0x80345000, LOAD);
		shadow.fill(kernel(true), 0x80345000, LOAD);
		put(ROOT + 0x800, pte(0x80000000, V | R | A)); // read-only now
		shadow.guestTableWritten(ROOT + 0x800);
		expect(rootEntry(kernel(), 0x80345000)).toBe(0);
		expect(rootEntry(kernel(true), 0x80345000)).toBe(0);
		expect(shadow.fill(kernel(), 0x80345000, STORE).kind).toBe('guestFault');
	});

	it('leaves shadows alone for a write that changes no shadowed PTE', () => {
		const { shadow, leaf } = setup();
		shadow.fill(user, 0x00400000, FETCH);
		shadow.guestTableWritten(L0U + 0x100 * 4);
		expect(leaf(user, 0x00400000) & V).toBe(V);
	});
});

describe('addresses outside guest RAM', () => {
	it('are a device below RAM (the UART) and noMemory above it', () => {
		const { shadow } = setup();
		expect(shadow.fill(kernel(), 0x10000005, LOAD)).toMatchObject({
			kind: 'device',
			gpa: 0x10000005
		});
		expect(shadow.fill(user, 0x00402000, STORE)).toMatchObject({ kind: 'device', gpa: 0x10000000 });
		expect(shadow.fill(user, 0x00403010, LOAD)).toMatchObject({
			kind: 'noMemory',
			gpa: 0x90000010
		});
	});

	it('still respect the guest’s permissions first', () => {
		const { shadow } = setup();
		expect(shadow.fill(user, 0x10000000, LOAD).kind).toBe('guestFault'); // kernel-only mapping
	});
});

describe('paging off (bare views)', () => {
	it('map guest physical one to one, kernel and user alike', () => {
		const bare = { satp: 0, sum: false, mxr: false };
		const { shadow, leaf } = setup();
		for (const priv of [PRIV_S, PRIV_U]) {
			const view = { ...bare, priv };
			expect(shadow.fill(view, 0x80005000, STORE).kind).toBe('filled');
			const l = leaf(view, 0x80005000);
			expect(l >>> 10).toBe(HPA(0x80005000) >>> 12);
			expect(l & (V | U | R | W | X)).toBe(V | U | R | W | X);
			expect(shadow.fill(view, 0x10000000, LOAD)).toMatchObject({
				kind: 'device',
				gpa: 0x10000000
			});
		}
	});
});

describe('the machine’s MMU over the shadows', () => {
	it('runs a user program on filled shadows: its loads see guest memory, its stores land in guest pages', () => {
		const { machine, shadow, put, get } = setup();
		const code = [
			...li(5, 0x00401000),
			enc('lw', { rd: 10, rs1: 5, imm: 0x10 }),
			enc('addi', { rd: 10, rs1: 10, imm: 1 }),
			enc('sw', { rd: 0, rs1: 5, rs2: 10, imm: 0x14 }),
			enc('ecall')
		];
		machine.writeMemory(HPA(CODE), toBytes(code));
		put(DATA + 0x10, 41);
		machine.writeCsr(Csr.medeleg, 0x00f0b7ff);
		machine.writeCsr(Csr.satp, shadow.satpFor(user));
		machine.setMode(PRIV_U, false);
		machine.pc = 0x00400000;
		const causes: number[] = [];
		for (let i = 0; i < 20; i++) {
			const stop = machine.run({ maxInsns: 100 });
			if (stop.kind !== 'hostTrap') throw new Error(`unexpected stop ${stop.kind}`);
			causes.push(stop.trap.cause);
			if (stop.trap.cause === 8) break; // the ecall at the end
			const access = { 12: FETCH, 13: LOAD, 15: STORE }[stop.trap.cause as 12 | 13 | 15];
			expect(shadow.fill(user, stop.trap.tval, access).kind).toBe('filled');
			machine.writeCsr(Csr.satp, shadow.satpFor(user));
		}
		expect(machine.readRegister(10)).toBe(42);
		expect(get(DATA + 0x14)).toBe(42);
		expect(causes).toEqual([12, 13, 15, 8]); // fetch, load, store (D clear), ecall
		expect(get(L0U + 4) & (A | D)).toBe(A | D);
	});
});

// ---- Synchronisation strategies (ShadowSync; KVM's mmu.rst, "Synchronized and unsync pages").
// The oracle is §4.2.1: after a PTE store the hardware may go on using the old translation until
// an SFENCE.VMA covering that address, and never after it.

const OTHER = 0x80012000; // a second data page

describe('unsync: a level-0 guest table left out of sync until the guest fences', () => {
	/** L0U shadowed under the user view (two entries filled), then a first kernel store to it. */
	function unsynced() {
		const t = setup('unsync');
		t.shadow.fill(user, 0x00400000, FETCH);
		t.shadow.fill(user, 0x00401000, LOAD);
		const first = t.shadow.fill(kernel(), L0U + 4, STORE);
		return { ...t, first };
	}

	it('turns the first store to the table into an unsync: no emulation, the page mapped writable', () => {
		const { shadow, leaf, first } = unsynced();
		expect(first).toMatchObject({ kind: 'unsynced', gpa: L0U + 4 });
		expect(first.steps).toContainEqual(
			expect.objectContaining({ kind: 'dropEntries', why: expect.stringMatching(/out of sync/) })
		);
		expect(shadow.isOutOfSync(L0U)).toBe(true);
		expect(shadow.isProtected(L0U)).toBe(false);
		expect(leaf(kernel(), L0U) & (R | W)).toBe(R | W);
		// Further stores are ordinary fills (or, once mapped, no fault at all).
		expect(shadow.fill(kernel(true), L0U + 8, STORE).kind).toBe('filled');
	});

	it('keeps root tables write-protected: a store there is still emulated', () => {
		const { shadow } = unsynced();
		expect(shadow.fill(kernel(), ROOT + 4, STORE).kind).toBe('pageTableWrite');
		expect(shadow.isOutOfSync(ROOT)).toBe(false);
	});

	it('lets the old translation stand until SFENCE.VMA of that address, then maps the new one', () => {
		const { shadow, put, leaf } = unsynced();
		put(L0U + 4, pte(OTHER, V | R | W | U | A)); // the guest remaps 0x0040_1000, no fault
		expect(leaf(user, 0x00401000) >>> 10).toBe(HPA(DATA) >>> 12); // stale: allowed until a fence
		const steps = shadow.syncAddress(0x00401234);
		expect(steps).toContainEqual({
			kind: 'readGuestTable',
			gpa: L0U + 4,
			pte: pte(OTHER, V | R | W | U | A),
			level: 0
		});
		expect(steps.some((s) => s.kind === 'installEntry')).toBe(true);
		expect(leaf(user, 0x00401000) >>> 10).toBe(HPA(OTHER) >>> 12);
		expect(leaf(user, 0x00401000) & W).toBe(0); // D clear: the first store must set it
		// One address fenced: the table stays out of sync (KVM's INVLPG on an unsync page).
		expect(shadow.isOutOfSync(L0U)).toBe(true);
		expect(leaf(user, 0x00400000) & V).toBe(V);
	});

	it('drops an entry whose guest PTE was cleared, at the fence of its address only', () => {
		const { shadow, put, leaf } = unsynced();
		put(L0U + 4, 0);
		put(L0U + 0, 0);
		shadow.syncAddress(0x00401000);
		expect(leaf(user, 0x00401000)).toBe(0);
		expect(leaf(user, 0x00400000) & V).toBe(V); // not fenced yet
		expect(shadow.fill(user, 0x00401000, LOAD).kind).toBe('guestFault');
	});

	it('resynchronises every out-of-sync table at a full fence and write-protects it again', () => {
		const { shadow, put, leaf } = unsynced();
		put(L0U + 0, 0); // unmapped
		put(L0U + 4, pte(OTHER, V | R | U | A)); // remapped read-only
		const steps = shadow.syncAll();
		// Each present shadow entry's guest PTE is re-read, once.
		const reads = steps.filter((s) => s.kind === 'readGuestTable');
		expect(reads.map((s) => s.kind === 'readGuestTable' && s.gpa)).toEqual([L0U, L0U + 4]);
		expect(steps.at(-1)).toMatchObject({
			kind: 'dropEntries',
			count: 2,
			why: expect.stringMatching(/resynchronised/)
		});
		expect(leaf(user, 0x00400000)).toBe(0);
		expect(leaf(user, 0x00401000) >>> 10).toBe(HPA(OTHER) >>> 12);
		expect(shadow.isOutOfSync(L0U)).toBe(false);
		expect(shadow.isProtected(L0U)).toBe(true);
		expect(leaf(kernel(), L0U) & W).toBe(0);
		expect(shadow.fill(kernel(), L0U + 8, STORE).kind).toBe('unsynced'); // and again
	});

	it('keeps entries whose guest PTE did not change, and drops one whose A bit the guest cleared', () => {
		const { shadow, get, put, leaf } = unsynced();
		const code = leaf(user, 0x00400000);
		put(L0U + 4, get(L0U + 4) & ~A);
		const steps = shadow.syncAll();
		expect(leaf(user, 0x00400000)).toBe(code);
		expect(leaf(user, 0x00401000)).toBe(0);
		expect(steps.at(-1)).toMatchObject({ kind: 'dropEntries', count: 1 });
	});

	it('has nothing to do when no table is out of sync', () => {
		const { shadow } = setup('unsync');
		shadow.fill(user, 0x00401000, LOAD);
		expect(shadow.syncAll()).toEqual([]);
		expect(shadow.syncAddress(0x00401000)).toEqual([]);
	});

	it('write-protects an out-of-sync page again before it is used as a root table', () => {
		const { shadow, put } = unsynced();
		// The guest reuses L0U as a root: copy of ROOT's kernel megapage entry.
		put(L0U + 0x800, pte(0x80000000, V | R | W | X | A | D));
		const asRoot: GuestView = {
			satp: ((1 << 31) | (L0U >>> 12)) >>> 0,
			priv: PRIV_S,
			sum: false,
			mxr: false
		};
		expect(shadow.fill(asRoot, 0x80005000, LOAD).kind).toBe('filled');
		expect(shadow.isOutOfSync(L0U)).toBe(false);
		expect(shadow.isProtected(L0U)).toBe(true);
		expect(shadow.fill(kernel(), L0U + 8, STORE).kind).toBe('pageTableWrite');
	});
});

describe('write-protect and flood: every store to a table is emulated', () => {
	for (const sync of ['write-protect', 'flood'] as const)
		it(`${sync}: a store to a level-0 table is a pageTableWrite, never an unsync`, () => {
			const { shadow } = setup(sync);
			shadow.fill(user, 0x00401000, LOAD);
			expect(shadow.fill(kernel(), L0U + 4, STORE).kind).toBe('pageTableWrite');
			expect(shadow.isOutOfSync(L0U)).toBe(false);
			expect(shadow.syncAll()).toEqual([]);
		});

	it(`flood: the ${FLOOD_WRITES}th write with no use in between ends the table's shadowing`, () => {
		const { shadow } = setup('flood');
		shadow.fill(user, 0x00401000, LOAD);
		for (let i = 1; i < FLOOD_WRITES; i++) {
			shadow.guestTableWritten(L0U + 0x100 * 4);
			expect(shadow.isProtected(L0U)).toBe(true);
		}
		const steps = shadow.guestTableWritten(L0U + 0x100 * 4);
		expect(steps).toEqual([expect.objectContaining({ why: expect.stringMatching(/flooding/) })]);
		expect(shadow.isProtected(L0U)).toBe(false);
	});

	it('flood: a use of the table in between starts the count again', () => {
		const { shadow } = setup('flood');
		shadow.fill(user, 0x00401000, LOAD);
		for (let i = 0; i < 3 * FLOOD_WRITES; i++) {
			shadow.guestTableWritten(L0U + 0x100 * 4);
			shadow.fill(user, 0x00400000 + ((i % 2) << 12), LOAD); // a walk through L0U
		}
		expect(shadow.isProtected(L0U)).toBe(true);
	});

	it('write-protect: a table written again and again stays shadowed and protected', () => {
		const { shadow } = setup('write-protect');
		shadow.fill(user, 0x00401000, LOAD);
		for (let i = 0; i < 10 * FLOOD_WRITES; i++) shadow.guestTableWritten(L0U + 0x100 * 4);
		expect(shadow.isProtected(L0U)).toBe(true);
	});
});
