/**
 * translateForView, the memory view's page walk, against the machine itself: for random page
 * tables (Sv32 at V = 0, VS-stage + G-stage at V = 1), the walk it shows is the walk the hart does
 * (the same PTEs in the same order, as the trace reports them), and the physical address or the
 * exception it predicts is what a real load, store or fetch then gets. It never changes the
 * machine. The playground's paging examples give two worked walks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assemble, symbolValue } from '$lib/emulator/asm/index.ts';
import { encodeNamed } from '$lib/emulator/isa/encode.ts';
import { Machine, type Snapshot } from '$lib/emulator/machine/machine.ts';
import type { TraceEvent } from '$lib/emulator/machine/types.ts';
import { EXAMPLE_SOURCES } from '$lib/widgets/machine/examples/sources.generated.ts';
import {
	decodeFlags,
	translateForView,
	type Access,
	type ViewTranslation
} from '$lib/emulator/mmu/view-translation.ts';

const RAM_BASE = 0x80000000;
const RAM_PAGES = 64;
const CSR = {
	mstatus: 0x300,
	mstatush: 0x310,
	mtvec: 0x305,
	mepc: 0x341,
	mcause: 0x342,
	mtval: 0x343,
	mtval2: 0x34b,
	satp: 0x180,
	vsstatus: 0x200,
	vsatp: 0x280,
	hgatp: 0x680
};
const V = 0x01,
	R = 0x02,
	W = 0x04,
	X = 0x08,
	U = 0x10,
	A = 0x40,
	D = 0x80;

// ---- A small world: 64 pages of RAM with fixed roles.
const page = (k: number) => RAM_BASE + k * 4096; // page k of RAM
const ppnOf = (k: number) => 0x80000 + k;
const CODE = page(0); // lw a0, 0(a1); sw a2, 0(a1); the trap vector after them
const TRAP_VECTOR = CODE + 0x100;
const G_ROOT = 4; // pages 4–7: the Sv32x4 root, 16 KiB aligned
const ROOT = 8; // the first stage's root
const L0 = [9, 10, 11]; // first-stage second-level tables
const G_L0 = 12; // the G-stage's second-level table for GPAs 0x80000000…
const DATA = { min: 16, max: RAM_PAGES - 1 };
const NOT_RAM_PPN = 0x00001; // 0x1000: no RAM and no device there

const VPN1 = [0x000, 0x001, 0x100, 0x200, 0x3ff];
const pte = (ppn: number, flags: number) => (ppn * 1024 + flags) >>> 0;

/**
 * Random PTEs with a bias towards ones that work for the mode, so that walks often reach the end:
 * a leaf usually has every permission, and U exactly when the access is a U-mode one.
 */
function tables(priv: number) {
	const usable = V | R | W | X | A | D | (priv === 0 ? U : 0);
	const leafFlags = fc.oneof(
		{ weight: 3, arbitrary: fc.constant(usable) },
		{ weight: 1, arbitrary: fc.constant(usable ^ U) }, // the other mode's page: SUM may matter
		{ weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }).map((f) => f | V | R) }
	);
	const anyPte = fc
		.tuple(
			fc.constantFrom(NOT_RAM_PPN, ppnOf(L0[0]), ppnOf(DATA.min), 0x80000, 0),
			fc.integer({ min: 0, max: 0xff })
		)
		.map(([p, f]) => pte(p, f));
	const rootPte = fc.oneof(
		{ weight: 1, arbitrary: anyPte },
		{ weight: 4, arbitrary: fc.constantFrom(...L0).map((k) => pte(ppnOf(k), V)) },
		{ weight: 2, arbitrary: leafFlags.map((f) => pte(0x80000, f)) }, // the RAM megapage
		{ weight: 1, arbitrary: leafFlags.map((f) => pte(0x80001, f)) } // misaligned megapage
	);
	const leafPte = fc.oneof(
		{ weight: 1, arbitrary: anyPte },
		{
			weight: 6,
			arbitrary: fc.tuple(fc.integer(DATA), leafFlags).map(([k, f]) => pte(ppnOf(k), f))
		},
		{ weight: 1, arbitrary: fc.constant(pte(ppnOf(DATA.min), V)) } // a pointer at level 0
	);
	// G-stage leaves need U whatever the mode (§9.5.1).
	const gLeafFlags = fc.oneof(
		{ weight: 5, arbitrary: fc.constant(V | R | W | X | U | A | D) },
		{ weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }).map((f) => f | V | R) }
	);
	const gRootPte = fc.oneof(
		{ weight: 4, arbitrary: fc.constant(pte(ppnOf(G_L0), V)) },
		{ weight: 2, arbitrary: gLeafFlags.map((f) => pte(0x80000, f)) },
		{ weight: 1, arbitrary: gLeafFlags.map((f) => pte(0x80001, f)) }, // misaligned megapage
		{ weight: 1, arbitrary: anyPte }
	);
	// Guest page i is mostly host page i; else anywhere but the G-stage's own tables, whose A bits
	// the walk sets as it goes.
	const notGTable = fc
		.integer({ min: 0, max: RAM_PAGES - 1 })
		.filter((k) => k < G_ROOT || (k > G_ROOT + 3 && k !== G_L0));
	const gLeafPte = (i: number) =>
		fc.oneof(
			{ weight: 6, arbitrary: gLeafFlags.map((f) => pte(ppnOf(i), f)) },
			{ weight: 1, arbitrary: fc.tuple(notGTable, gLeafFlags).map(([k, f]) => pte(ppnOf(k), f)) },
			{ weight: 1, arbitrary: anyPte }
		);
	return fc.record({
		root: fc.array(rootPte, { minLength: VPN1.length, maxLength: VPN1.length }),
		l0: fc.array(fc.array(leafPte, { minLength: 4, maxLength: 4 }), {
			minLength: L0.length,
			maxLength: L0.length
		}),
		gRoot: gRootPte,
		gL0: fc.tuple(...Array.from({ length: RAM_PAGES }, (_, i) => gLeafPte(i)))
	});
}

/** True four times out of five: translation is mostly on. */
const mostly = fc.integer({ min: 0, max: 4 }).map((n) => n > 0);

const world = fc
	.record({
		priv: fc.constantFrom(0, 1),
		virt: fc.boolean(),
		access: fc.constantFrom<Access>('load', 'store', 'fetch'),
		firstOn: mostly,
		gOn: mostly,
		sum: fc.boolean(),
		mxr: fc.boolean(),
		vsSum: fc.boolean(),
		vsMxr: fc.boolean(),
		va: fc
			.tuple(
				fc.constantFrom(...VPN1),
				fc.integer({ min: 0, max: 3 }),
				fc.integer({ min: 0, max: 1023 })
			)
			.map(([v1, v0, word]) => (v1 * 2 ** 22 + v0 * 4096 + word * 4) >>> 0)
	})
	.chain((mode) => tables(mode.priv).map((t) => ({ ...mode, ...t })));
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** A fresh machine holding the world: every RAM word holds its own address, then the tables. */
function build(w: World) {
	const walks: [string, number, number, number][] = [];
	const m = new Machine({
		ramSize: RAM_PAGES * 4096,
		trace: {
			mmu: true,
			sink: (e: TraceEvent) => e.kind === 'walk' && walks.push([e.stage, e.level, e.pteAddr, e.pte])
		}
	});
	for (let a = RAM_BASE; a < RAM_BASE + RAM_PAGES * 4096; a += 4) m.writeWord(a, a);
	for (const k of [G_ROOT, G_ROOT + 1, G_ROOT + 2, G_ROOT + 3, ROOT, ...L0, G_L0])
		for (let i = 0; i < 1024; i++) m.writeWord(page(k) + i * 4, 0);
	VPN1.forEach((v, i) => m.writeWord(page(ROOT) + v * 4, w.root[i]));
	w.l0.forEach((entries, t) => entries.forEach((e, i) => m.writeWord(page(L0[t]) + i * 4, e)));
	m.writeWord(page(G_ROOT) + 0x200 * 4, w.gRoot); // GPAs 0x80000000–0x803fffff
	w.gL0.forEach((e, i) => m.writeWord(page(G_L0) + i * 4, e));
	m.writeWord(CODE, encodeNamed('lw', { rd: 10, rs1: 11, imm: 0 }));
	m.writeWord(CODE + 4, encodeNamed('sw', { rs2: 12, rs1: 11, imm: 0 }));
	m.writeCsr(CSR.mtvec, TRAP_VECTOR);
	const on = (yes: boolean, ppn: number) => (yes ? (0x80000000 | ppn) >>> 0 : 0);
	m.writeCsr(w.virt ? CSR.vsatp : CSR.satp, on(w.firstOn, ppnOf(ROOT)));
	if (w.virt) m.writeCsr(CSR.hgatp, on(w.gOn, ppnOf(G_ROOT)));
	const bits = (sum: boolean, mxr: boolean) => (sum ? 1 << 18 : 0) | (mxr ? 1 << 19 : 0);
	m.writeCsr(CSR.mstatus, bits(w.sum, w.mxr));
	m.writeCsr(CSR.vsstatus, bits(w.vsSum, w.vsMxr));
	walks.length = 0;
	return { m, walks };
}

/** Does the access on the machine: a load or store from M-mode with MPRV, or a fetch in the mode. */
function access(m: Machine, w: World) {
	if (w.access === 'fetch') {
		m.setMode(w.priv, w.virt);
		m.pc = w.va;
	} else {
		const mstatus = m.readCsr(CSR.mstatus)!;
		m.writeCsr(CSR.mstatus, mstatus | (1 << 17) | (w.priv << 11)); // MPRV, MPP
		m.writeCsr(CSR.mstatush, w.virt ? 1 << 7 : 0); // MPV
		m.pc = w.access === 'load' ? CODE : CODE + 4;
		m.writeRegister(11, w.va);
		m.writeRegister(12, 0x5eed0000 | (w.va & 0xffff));
	}
	m.step();
	const trapped = m.pc === TRAP_VECTOR;
	return {
		trapped,
		cause: m.readCsr(CSR.mcause)!,
		tval: m.readCsr(CSR.mtval)!,
		htval: m.readCsr(CSR.mtval2)!,
		epc: m.readCsr(CSR.mepc)!
	};
}

/** The parts of two snapshots that differ (typed arrays compared as bytes, for speed). */
function differences(a: Snapshot, b: Snapshot, path = ''): string[] {
	const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
	const out: string[] = [];
	for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
		const [x, y] = [a[key], b[key]];
		if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
			if (!bytes(x).equals(bytes(y))) out.push(path + key);
		} else if (x && y && typeof x === 'object' && typeof y === 'object')
			out.push(...differences(x as Snapshot, y as Snapshot, `${path}${key}.`));
		else if (!Object.is(x, y)) out.push(path + key);
	}
	return out;
}

const FETCH_FAULTS = [1, 12, 20];
const ACCESS_FAULTS = [1, 5, 7];

/**
 * Shows the walk for `w`, does the access on the machine, and checks that they agree: the same PTE
 * reads in the same order, then the same exception or the same physical address.
 */
function agree(w: World): ViewTranslation {
	const { m, walks } = build(w);
	const view = translateForView(m, w.va, w.access, { priv: w.priv, virt: w.virt });
	// The hart sets A (and D) in G-stage PTEs as it walks, so the same root PTE read again later in
	// the walk shows them set; the view shows memory as it was before the access.
	const withoutAD = (walk: (string | number)[][]) =>
		walk.map(([stage, level, at, pte]) => [stage, level, at, (pte as number) & ~(A | D)]);
	const shown = view.steps.map((s) => [s.stage, s.level, s.pteAddr, s.raw]);
	const done = access(m, w);
	// A fetched word may itself be a load or store and walk again: compare the fetch's part.
	const hart = w.access === 'fetch' ? walks.slice(0, shown.length) : walks;
	expect(withoutAD(hart)).toEqual(withoutAD(shown));
	if (!view.ok) {
		expect(done).toMatchObject({ trapped: true, cause: view.cause, tval: w.va });
		if (view.gpa !== undefined) expect(done.htval).toBe(Math.floor(view.gpa / 4));
		return view;
	}
	const inRam = m.readWord(view.pa - (view.pa % 4)) !== undefined;
	if (w.access === 'fetch') {
		// The fetch worked; whatever the word does next, it is not a fault fetching va.
		if (inRam) expect(done.trapped && FETCH_FAULTS.includes(done.cause)).toBe(false);
		else expect(done).toMatchObject({ trapped: true, cause: 1, epc: w.va });
		return view;
	}
	if (!inRam) {
		expect(done.trapped && ACCESS_FAULTS.includes(done.cause)).toBe(true);
		return view;
	}
	expect(done.trapped).toBe(false);
	if (w.access === 'load') expect(m.readRegister(10) >>> 0).toBe(m.readWord(view.pa));
	else expect(m.readWord(view.pa)).toBe(0x5eed0000 | (w.va & 0xffff));
	return view;
}

describe('translateForView agrees with the machine', () => {
	it('on random page tables: the same PTE reads, then the same address or exception', () => {
		let reached = 0;
		fc.assert(
			fc.property(world, (w) => {
				if (agree(w).ok) reached++;
			}),
			{ numRuns: 150 }
		);
		expect(reached).toBeGreaterThan(5); // the tables are not all faults
	});

	it('at V = 1, setting A in a VS-stage leaf is a store through the G-stage, which may fault', () => {
		// GVA 0x40000000 → l0 (page 9) → a data page; the leaf's A is clear, and the G-stage maps
		// guest page 9 read-only: the hart must write A through the G-stage, and cannot.
		const gL0 = Array.from({ length: RAM_PAGES }, (_, i) =>
			pte(ppnOf(i), V | R | W | X | U | A | D)
		);
		gL0[L0[0]] = pte(ppnOf(L0[0]), V | R | U | A);
		const w: World = {
			...{ priv: 1, virt: true, access: 'load', firstOn: true, gOn: true, va: 0x40000010 },
			...{ sum: false, mxr: false, vsSum: false, vsMxr: false },
			root: VPN1.map((v) => (v === 0x100 ? pte(ppnOf(L0[0]), V) : 0)),
			l0: L0.map((_, t) => [t === 0 ? pte(ppnOf(DATA.min), V | R | W | X) : 0, 0, 0, 0]),
			gRoot: pte(ppnOf(G_L0), V),
			gL0
		};
		const view = agree(w);
		expect(view).toMatchObject({ ok: false, cause: 21, gpa: page(L0[0]) });
		expect(view.steps.at(-1)).toMatchObject({ stage: 'G', purpose: 'vs-pte-write', level: 0 });
		// With A already set there is nothing to write, and the load goes through.
		w.l0[0][0] |= A;
		expect(agree(w)).toMatchObject({
			ok: true,
			pa: page(DATA.min) + 0x10,
			gpa: page(DATA.min) + 0x10
		});
	});

	it('changes nothing in the machine: memory, CSRs, TLB counts', () => {
		fc.assert(
			fc.property(world, (w) => {
				const { m } = build(w);
				const before = m.snapshot();
				translateForView(m, w.va, w.access, { priv: w.priv, virt: w.virt });
				expect(differences(before, m.snapshot())).toEqual([]);
				expect(m.stats().tlbLookups).toBe(0);
			}),
			{ numRuns: 20 }
		);
	});
});

describe('translateForView', () => {
	const bare = new Machine({ ramSize: 64 * 1024 });

	it('shows a physical address as itself when translation is off (Bare, or M-mode)', () => {
		const view = translateForView(bare, 0x80001234, 'load');
		expect(view).toMatchObject({ ok: true, pa: 0x80001234, stages: [], steps: [], priv: 1 });
		const m = translateForView(bare, -4, 'store', { priv: 3, virt: true });
		expect(m).toMatchObject({ ok: true, pa: 0xfffffffc, va: 0xfffffffc, virt: false });
	});

	it('decodes the eight flag bits of a PTE', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 0xff }), (bits) => {
				const f = decodeFlags(bits);
				const back = ['V', 'R', 'W', 'X', 'U', 'G', 'A', 'D'].reduce(
					(acc, name, i) => acc | (f[name as keyof typeof f] ? 1 << i : 0),
					0
				);
				expect(back).toBe(bits);
			}),
			{ numRuns: 50 }
		);
		expect(decodeFlags(V | R | A)).toEqual({
			V: true,
			R: true,
			W: false,
			X: false,
			U: false,
			G: false,
			A: true,
			D: false
		});
	});

	/** Runs a playground example to its end and returns the machine and its symbols. */
	function finished(file: string) {
		const { image } = assemble(EXAMPLE_SOURCES[file], { file });
		const m = new Machine({ ramSize: 4 << 20 });
		m.loadImage(image!);
		expect(m.run({ maxInsns: 1_000_000 }).kind).toBe('halted');
		return { m, symbol: (name: string) => symbolValue(image!, name)! };
	}

	it('walks paging.s’s table: root pointer, then the leaf its fault handler wrote', () => {
		const { m, symbol } = finished('paging.s');
		const view = translateForView(m, 0x40001008, 'store', { priv: 1, virt: false });
		expect(view).toMatchObject({
			ok: true,
			pa: symbol('spare_page') + 8,
			pageSize: 4096,
			stages: ['S']
		});
		expect(view.steps.map((s) => [s.stage, s.level, s.pteAddr, s.kind, s.ppn])).toEqual([
			['S', 1, symbol('root') + 0x100 * 4, 'pointer', symbol('l0') / 4096],
			['S', 0, symbol('l0') + 4, 'leaf', symbol('spare_page') / 4096]
		]);
		expect(view.steps[1].flags).toMatchObject({ V: true, R: true, W: true, X: false, U: false });
		// U-mode may not use a page without U: a page fault, found at the same leaf.
		const user = translateForView(m, 0x40001008, 'load', { priv: 0, virt: false });
		expect(user).toMatchObject({ ok: false, cause: 13, causeName: 'loadPageFault' });
		// Nothing is mapped at 0x40002000.
		expect(translateForView(m, 0x40002000, 'fetch', { priv: 1, virt: false })).toMatchObject({
			ok: false,
			cause: 12,
			causeName: 'instructionPageFault'
		});
		expect(translateForView(m, 0x80000000, 'fetch', { priv: 1, virt: false })).toMatchObject({
			ok: true,
			pa: 0x80000000,
			pageSize: 4 << 20
		});
	});

	it('walks two-stage.s’s tables: each VS-stage PTE address through the G-stage, then the data', () => {
		const { m, symbol } = finished('two-stage.s');
		const view: ViewTranslation = translateForView(m, 0x40000010, 'load', { priv: 1, virt: true });
		expect(view).toMatchObject({
			ok: true,
			gpa: 0x00400010,
			pa: symbol('guest_page') + 0x10,
			stages: ['VS', 'G']
		});
		const [groot, gl0, vroot, vl0] = ['groot', 'gl0', 'vroot', 'vl0'].map(symbol);
		expect(view.steps.map((s) => [s.stage, s.level, s.pteAddr, s.purpose])).toEqual([
			['G', 1, groot + 0x200 * 4, 'vs-pte'], // vroot's GPA, through the G-stage megapage
			['VS', 1, vroot + 0x100 * 4, undefined],
			['G', 1, groot + 0x200 * 4, 'vs-pte'], // vl0's GPA
			['VS', 0, vl0, undefined],
			['G', 1, groot + 1 * 4, 'data'], // GPA 0x00400010: groot[1] → gl0[0]
			['G', 0, gl0, 'data']
		]);
		expect(view.steps[4].gpa).toBe(0x00400010);
		// The next guest page has no G-stage mapping: a load guest-page fault, with its GPA.
		const unmapped = translateForView(m, 0x40001000, 'load', { priv: 1, virt: true });
		expect(unmapped).toMatchObject({ ok: false, cause: 13 }); // vl0[1] is invalid
		// Point vl0[1] at GPA 0x00401000, which the G-stage does not back: a guest-page fault.
		m.writeWord(vl0 + 4, ((0x00401000 >>> 12) << 10) | V | R | W | A | D);
		const gpf = translateForView(m, 0x40001004, 'store', { priv: 1, virt: true });
		expect(gpf).toMatchObject({
			ok: false,
			cause: 23,
			causeName: 'storeGuestPageFault',
			gpa: 0x00401004
		});
		expect(gpf.steps.at(-1)).toMatchObject({ stage: 'G', level: 0, kind: 'invalid', raw: 0 });
	});
});
