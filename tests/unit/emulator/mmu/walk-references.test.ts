/**
 * The page-walk counters of translate.ts on a bare machine, with tables written by hand: the
 * memory references a TLB miss costs natively (2 for Sv32), under two-stage translation (8 for
 * Sv32 over Sv32x4 with 4 KiB pages), and fewer with G-stage megapages or the G-stage walk cache;
 * HFENCE.GVMA empties the walk cache; a TLB without ASID tags is flushed by a satp change.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import type { MachineConfig } from '../../../../src/lib/emulator/machine/types.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';

const V = 1,
	R = 2,
	W = 4,
	X = 8,
	U = 16,
	G = 32,
	A = 64,
	D = 128;
const LEAF = V | R | W | X | A | D;

/** Guest physical = host physical layout: code page, three data pages, the tables. */
const CODE = 0x8000_0000; // VA 0x0000_0000
const DATA = [0x8000_1000, 0x8000_2000, 0x8000_3000]; // VA 0x1000, 0x2000, 0x3000
const FENCES = 0x8001_0000; // M-mode code, untranslated
const VS_ROOT = 0x8010_0000;
const VS_L0 = 0x8010_1000;
const G_ROOT = 0x8040_0000; // 16 KiB aligned
const G_L0 = 0x8040_4000;

const PROGRAM = `
	lw t0, 0(a0)
	lw t0, 0(a1)
	lw t0, 0(a2)
	ecall
`;

function write(m: Machine, source: string, at: number) {
	const result = assemble(`.option norvc\n${source}`, { base: at });
	expect(result.diagnostics).toEqual([]);
	for (const s of result.image!.sections) m.writeMemory(s.address, s.bytes);
}

const pte = (pa: number, flags: number) => ((Math.floor(pa / 4096) << 10) | flags) >>> 0;

/**
 * A machine whose Sv32 table (at VS_ROOT) maps VA 0 → CODE and the data pages, code page flagged
 * `codeFlags`; with `gStage`, an Sv32x4 table identity-maps the first 4 MiB of RAM (4 KiB pages or
 * one megapage).
 */
function machine(config: MachineConfig, gStage?: 'pages' | 'megapage', codeFlags = LEAF) {
	const m = new Machine({ ramSize: 8 << 20, hostTrapsM: true, hostTrapsHS: true, ...config });
	m.writeWord(VS_ROOT, pte(VS_L0, V));
	m.writeWord(VS_L0, pte(CODE, codeFlags));
	DATA.forEach((pa, i) => m.writeWord(VS_L0 + 4 * (i + 1), pte(pa, LEAF)));
	write(m, PROGRAM, CODE);
	write(m, 'hfence.gvma x0, x0\nhfence.vvma x0, x0\nsfence.vma x0, x0', FENCES);
	if (gStage === 'megapage') {
		m.writeWord(G_ROOT + (CODE / 2 ** 22) * 4, (((CODE / 2 ** 22) << 20) | LEAF | U) >>> 0);
	} else if (gStage === 'pages') {
		m.writeWord(G_ROOT + (CODE / 2 ** 22) * 4, pte(G_L0, V));
		for (let page = 0; page < 1024; page++)
			m.writeWord(G_L0 + page * 4, pte(CODE + page * 4096, LEAF | U));
	}
	return m;
}

/** Runs PROGRAM from VA 0 in S-mode (V=0) or VS-mode (V=1) up to its ECALL. */
function runProgram(m: Machine, virt: boolean) {
	m.setMode(1, virt);
	m.pc = 0;
	DATA.forEach((_, i) => m.writeRegister(10 + i, 0x1000 * (i + 1)));
	const before = m.stats();
	const stop = m.run({ maxInsns: 100 });
	expect(stop.kind).toBe('hostTrap');
	const after = m.stats();
	const refs = (k: 'S' | 'VS' | 'G') => after.walkReferences[k] - before.walkReferences[k];
	return { misses: after.tlbMisses - before.tlbMisses, S: refs('S'), VS: refs('VS'), G: refs('G') };
}

/** Executes one of the fence instructions at FENCES in M-mode (0 HFENCE.GVMA, 1 HFENCE.VVMA). */
function fence(m: Machine, which: 0 | 1 | 2) {
	m.setMode(3, false);
	m.pc = FENCES + 4 * which;
	expect(m.step().kind).toBe('budget');
}

function twoStage(config: MachineConfig, gStage: 'pages' | 'megapage' = 'pages') {
	const m = machine(config, gStage);
	m.writeCsr(Csr.vsatp, ((1 << 31) | (VS_ROOT >>> 12)) >>> 0);
	m.writeCsr(Csr.hgatp, ((1 << 31) | (1 << 22) | (G_ROOT >>> 12)) >>> 0);
	return m;
}

describe('page-walk references per TLB miss', () => {
	it('natively, an Sv32 miss reads 2 PTEs: one per level', () => {
		const m = machine({});
		m.writeCsr(Csr.satp, ((1 << 31) | (VS_ROOT >>> 12)) >>> 0);
		// The code page and three data pages: four misses.
		expect(runProgram(m, false)).toEqual({ misses: 4, S: 8, VS: 0, G: 0 });
		// Now everything is in the TLB: no miss, no walk.
		expect(runProgram(m, false)).toEqual({ misses: 0, S: 0, VS: 0, G: 0 });
	});

	it('under two-stage translation with 4 KiB G-stage pages a miss reads 8: (2+1)(2+1) − 1', () => {
		const m = twoStage({});
		expect(runProgram(m, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 24 });
	});

	it('with G-stage megapages every G-stage walk reads 1 PTE: 2 VS + 3 G per miss', () => {
		const m = twoStage({}, 'megapage');
		expect(runProgram(m, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 12 });
	});

	it('with the walk cache the G-stage walks of the VS tables are made once, then only the final one', () => {
		const m = twoStage({ walkCacheEntries: 16 });
		// First miss: G for the root page (2), the level-0 page (2) and the data (2); the next three
		// find both table pages in the cache: 2 G each.
		expect(runProgram(m, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 6 + 3 * 2 });
		const both = twoStage({ walkCacheEntries: 16 }, 'megapage');
		expect(runProgram(both, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 3 + 3 * 1 });
	});

	it('HFENCE.GVMA empties the walk cache; HFENCE.VVMA leaves it', () => {
		const m = twoStage({ walkCacheEntries: 16 });
		runProgram(m, true);
		fence(m, 1); // HFENCE.VVMA: the TLB's V=1 entries go, the walk cache stays
		expect(runProgram(m, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 4 * 2 });
		fence(m, 0); // HFENCE.GVMA: both go
		expect(runProgram(m, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 6 + 3 * 2 });
	});
});

describe('a TLB without ASID tags', () => {
	const satp = (asid: number) => ((1 << 31) | (asid << 22) | (VS_ROOT >>> 12)) >>> 0;

	it('keeps entries across satp changes with tags, loses them without', () => {
		for (const tlbTags of [true, false]) {
			const m = machine({ tlbTags });
			m.writeCsr(Csr.satp, satp(1));
			runProgram(m, false);
			m.writeCsr(Csr.satp, satp(2)); // another address space, then back
			m.writeCsr(Csr.satp, satp(1));
			expect(runProgram(m, false).misses).toBe(tlbTags ? 0 : 4);
		}
	});

	it('keeps global entries: the G bit says they are in every address space', () => {
		const m = machine({ tlbTags: false }, undefined, LEAF | G);
		m.writeCsr(Csr.satp, satp(1));
		runProgram(m, false);
		m.writeCsr(Csr.satp, satp(2));
		expect(runProgram(m, false)).toEqual({ misses: 3, S: 6, VS: 0, G: 0 });
	});

	it('flushes V=1 entries and the walk cache when hgatp changes', () => {
		const m = twoStage({ tlbTags: false, walkCacheEntries: 16 });
		runProgram(m, true);
		const hgatp = m.readCsr(Csr.hgatp)!;
		m.writeCsr(Csr.hgatp, (hgatp & ~(0x7f << 22)) | (2 << 22)); // another VMID, then back
		m.writeCsr(Csr.hgatp, hgatp);
		expect(runProgram(m, true)).toEqual({ misses: 4, S: 0, VS: 8, G: 6 + 3 * 2 });
	});
});
