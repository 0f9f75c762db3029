/**
 * The G-stage table of hw mode (g-stage.ts), against the Privileged spec §9.2.10 (hgatp) and §9.5
 * (Sv32x4: a 16 KiB root indexed by GPA bits 33:22; leaves must have U set, §9.5.1), and against
 * this machine's two-stage MMU, which walks what the table wrote.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { Csr } from '../../../../src/lib/emulator/isa/csr.ts';
import { GStageTable, GUEST_VMID, HGATP_SV32X4 } from '../../../../src/lib/emulator/vmm/g-stage.ts';
import { MonitorMemory } from '../../../../src/lib/emulator/vmm/monitor-memory.ts';
import { MONITOR_SIZE } from '../../../../src/lib/emulator/vmm/guest-memory.ts';
import { enc, li, toBytes } from '../../../helpers/encode.ts';

const V = 1,
	R = 2,
	W = 4,
	X = 8,
	U = 16,
	G = 32,
	A = 64,
	D = 128;
const GUEST_RAM = 8 << 20;
const HPA_BASE = 0x80000000 + MONITOR_SIZE;

function setup() {
	const machine = new Machine({ ramSize: GUEST_RAM + MONITOR_SIZE, hostTrapsHS: true });
	const memory = new MonitorMemory(machine);
	const table = new GStageTable(memory);
	return { machine, memory, table };
}

describe('GStageTable', () => {
	it('allocates a 16 KiB root, 16 KiB aligned, in the monitor’s memory', () => {
		const { table, memory } = setup();
		expect(table.root % 16384).toBe(0);
		expect(table.root).toBeGreaterThanOrEqual(0x80000000);
		expect(table.root + 16384).toBeLessThanOrEqual(0x80000000 + MONITOR_SIZE);
		// The next page handed out lies past the root's four pages.
		expect(memory.allocate()).toBeGreaterThanOrEqual(table.root + 16384);
	});

	it('encodes hgatp as MODE = Sv32x4 (bit 31), VMID in bits 28:22, root PPN in 21:0 with its low two bits zero', () => {
		const { table } = setup();
		const h = table.hgatp;
		expect(h >>> 31).toBe(1);
		expect(HGATP_SV32X4 >>> 0).toBe(0x80000000);
		expect((h >>> 29) & 3).toBe(0); // bits 30:29 are WPRI
		expect((h >>> 22) & 0x7f).toBe(GUEST_VMID);
		expect(h & 0x3fffff).toBe(table.root >>> 12);
		expect(h & 3).toBe(0);
	});

	it('installs a pointer (V only) in the root at GPA bits 33:22 and a leaf with V R W X U A D', () => {
		const { machine, table } = setup();
		const steps = table.map(0x80003000, HPA_BASE + 0x3000);
		const rootEntry = machine.readWord(table.root + (0x80003000 >>> 22) * 4)!;
		expect(rootEntry & 0x3ff).toBe(V); // non-leaf: R = W = X = 0; U, A, D reserved (clear)
		const l0 = (rootEntry >>> 10) * 4096;
		expect(l0 % 4096).toBe(0);
		expect(l0).toBeLessThan(0x80000000 + MONITOR_SIZE);
		const leaf = machine.readWord(l0 + 3 * 4)!;
		expect(leaf >>> 10).toBe((HPA_BASE + 0x3000) >>> 12);
		expect(leaf & 0xff).toBe(V | R | W | X | U | A | D);
		expect(leaf & G).toBe(0);
		expect(steps).toEqual([
			{ kind: 'installEntry', table: 'G-stage', address: 0x80003000, pte: rootEntry, level: 1 },
			{ kind: 'installEntry', table: 'G-stage', address: 0x80003000, pte: leaf, level: 0 }
		]);
		expect(table.mappedPages).toBe(1);
	});

	it('reuses the level-0 table within a 4 MiB region and makes a new one for another region', () => {
		const { machine, table } = setup();
		table.map(0x80000000, HPA_BASE);
		expect(table.map(0x80001000, HPA_BASE + 0x1000)).toHaveLength(1);
		const other = table.map(0x80400000, HPA_BASE + 0x400000);
		expect(other).toHaveLength(2);
		const a = machine.readWord(table.root + 0x200 * 4)! >>> 10;
		const b = machine.readWord(table.root + 0x201 * 4)! >>> 10;
		expect(a).not.toBe(b);
		expect(table.mappedPages).toBe(3);
	});

	it('is walked by the machine’s MMU: a VS-mode load reads the mapped host page, an unmapped page gives a guest-page fault', () => {
		const { machine, table } = setup();
		const code = [
			...li(5, 0x80001000),
			enc('lw', { rd: 10, rs1: 5, imm: 8 }),
			...li(5, 0x80400000),
			enc('lw', { rd: 11, rs1: 5, imm: 0 })
		];
		machine.writeMemory(HPA_BASE, toBytes(code));
		machine.writeWord(HPA_BASE + 0x1008, 0x1234abcd);
		machine.writeWord(0x80001008, 0x0bad0bad); // the same address in host terms: must not be read
		table.map(0x80000000, HPA_BASE);
		table.map(0x80001000, HPA_BASE + 0x1000);
		machine.writeCsr(Csr.medeleg, 0x00f0b7ff);
		machine.writeCsr(Csr.hgatp, table.hgatp);
		machine.setMode(1, true); // VS-mode, vsatp = 0 (bare): guest virtual = guest physical
		machine.pc = 0x80000000;
		const stop = machine.run({ maxInsns: 100 });
		expect(machine.readRegister(10) >>> 0).toBe(0x1234abcd);
		expect(stop.kind).toBe('hostTrap');
		if (stop.kind !== 'hostTrap') return;
		expect(stop.trap).toMatchObject({ cause: 21, htval: 0x80400000 / 4 }); // load guest-page fault
	});

	it('maps a 4 MiB region with one megapage leaf in the root, walked in one reference', () => {
		const { machine, table } = setup();
		const steps = table.mapMegapage(0x80000000, HPA_BASE)!;
		const rootEntry = machine.readWord(table.root + 0x200 * 4)!;
		expect(rootEntry >>> 20).toBe(HPA_BASE / 2 ** 22); // PPN[1]; PPN[0] is zero
		expect((rootEntry >>> 10) & 0x3ff).toBe(0);
		expect(rootEntry & 0xff).toBe(V | R | W | X | U | A | D);
		expect(steps).toEqual([
			{ kind: 'installEntry', table: 'G-stage', address: 0x80000000, pte: rootEntry, level: 1 }
		]);
		expect(table.mappedPages).toBe(1024);
		// A VS-mode load anywhere in the region reads the host page at the same offset.
		machine.writeMemory(
			HPA_BASE,
			toBytes([...li(5, 0x80123008), enc('lw', { rd: 10, rs1: 5, imm: 0 })])
		);
		machine.writeWord(HPA_BASE + 0x123008, 0x5ca1ab1e);
		machine.writeCsr(Csr.hgatp, table.hgatp);
		machine.setMode(1, true);
		machine.pc = 0x80000000;
		const before = machine.stats().walkReferences.G;
		machine.run({ maxInsns: 3 });
		expect(machine.readRegister(10) >>> 0).toBe(0x5ca1ab1e);
		// The code page and the data page: one G-stage reference each (vsatp is bare).
		expect(machine.stats().walkReferences.G - before).toBe(2);
	});

	it('leaves a region whose root entry already points to a level-0 table alone', () => {
		const { machine, table } = setup();
		table.map(0x80003000, HPA_BASE + 0x3000);
		const rootEntry = machine.readWord(table.root + 0x200 * 4);
		expect(table.mapMegapage(0x80000000, HPA_BASE)).toBeUndefined();
		expect(machine.readWord(table.root + 0x200 * 4)).toBe(rootEntry);
	});
});
