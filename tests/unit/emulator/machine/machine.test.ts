import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { enc, li, toBytes } from '../../../helpers/encode.ts';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';
import { benchGuest } from '../../../../src/lib/emulator/bench/bench-guest.ts';
import type { TraceEvent } from '../../../../src/lib/emulator/machine/types.ts';

const BASE = 0x80000000;
const FINISH_PASS = [...li(5, 0x100000), ...li(6, 0x5555), enc('sw', { rs1: 5, rs2: 6 })];

function machineWith(words: number[], config = {}) {
	const m = new Machine({ ramSize: 1 << 20, ...config });
	m.writeMemory(BASE, toBytes(words));
	m.pc = BASE;
	return m;
}

describe('Machine.run', () => {
	it('stops with the finisher exit code, and with budget when the budget is spent', () => {
		const loop = [enc('jal', { rd: 0, imm: 0 })];
		expect(machineWith(loop).run({ maxInsns: 100 })).toEqual({ kind: 'budget' });
		const m = machineWith([
			...li(5, 0x100000),
			...li(6, 0x3333 | (7 << 16)),
			enc('sw', { rs1: 5, rs2: 6 })
		]);
		expect(m.run({ maxInsns: 100 })).toEqual({ kind: 'halted', exitCode: 7 });
		expect(m.instret).toBe(5);
	});

	it('executes every instruction of the table in M-mode without an illegal-instruction trap', () => {
		for (const s of instructions) {
			const operands = { rd: 10, rs1: 11, rs2: 12, imm: 8, csr: 0x340 };
			const m = machineWith([...li(11, BASE + 0x800), enc(s.name, operands), ...FINISH_PASS]);
			m.writeCsr(0x305, BASE + 0x400); // mtvec
			m.run({ maxInsns: 3 });
			const mcause = m.readCsr(0x342);
			expect(mcause === 2 && m.pc === BASE + 0x400, s.name).toBe(false);
		}
	});

	it('hands traps destined for HS-mode to the host without changing state', () => {
		const m = machineWith([enc('ecall')], { hostTrapsHS: true });
		m.writeCsr(0x302, 1 << 8); // medeleg: ecall from U
		m.setMode(0, false);
		const stop = m.run({ maxInsns: 10 });
		expect(stop.kind).toBe('hostTrap');
		if (stop.kind === 'hostTrap')
			expect(stop.trap).toMatchObject({ cause: 8, interrupt: false, pc: BASE, priv: 0 });
		expect(m.pc).toBe(BASE);
		expect(m.mode.priv).toBe(0);
	});

	it('stops at a breakpoint and resumes past it', () => {
		const m = machineWith([
			enc('addi', { rd: 10, rs1: 10, imm: 1 }),
			enc('addi', { rd: 10, rs1: 10, imm: 1 }),
			...FINISH_PASS
		]);
		m.setBreakpoint(BASE + 4);
		expect(m.run({ maxInsns: 100 })).toEqual({ kind: 'breakpoint', pc: BASE + 4 });
		expect(m.readRegister(10)).toBe(1);
		expect(m.run({ maxInsns: 100 })).toEqual({ kind: 'halted', exitCode: 0 });
		expect(m.readRegister(10)).toBe(2);
	});

	it('resumes past a breakpoint hit at a virtual pc (paging on, virtual ≠ physical)', () => {
		// sv32.elf copies `ucode` to ucode_page (physical 0x80007000, see `nm`) and runs it in
		// U-mode at virtual 0x40004000. Breakpoints are physical; the stop reports the pc.
		const m = new Machine();
		const elf = readFileSync(join(__dirname, '../../../fixtures/conformance/sv32.elf'));
		expect(m.loadElf(new Uint8Array(elf)).ok).toBe(true);
		m.setBreakpoint(0x80007000);
		expect(m.run({ maxInsns: 1e6 })).toEqual({ kind: 'breakpoint', pc: 0x40004000 });
		// Before the fix, resuming compared the virtual pc with the physical breakpoints and
		// stopped at the same place again, forever.
		expect(m.run({ maxInsns: 1e6 })).toEqual({ kind: 'halted', exitCode: 0 });
	});

	it('restoring a snapshot replays the same execution', () => {
		const g = benchGuest(3);
		const m = new Machine({ ramSize: 1 << 20 });
		m.writeMemory(g.entry, g.bytes);
		m.pc = g.entry;
		m.run({ maxInsns: 1234 });
		const snap = m.snapshot();
		const first = m.run({ maxInsns: 5000 });
		const regs = Array.from({ length: 32 }, (_, i) => m.readRegister(i));
		const pc = m.pc;
		expect(m.restore(structuredClone(snap))).toBeUndefined();
		expect(m.run({ maxInsns: 5000 })).toEqual(first);
		expect(Array.from({ length: 32 }, (_, i) => m.readRegister(i))).toEqual(regs);
		expect(m.pc).toBe(pc);
	});

	it('a snapshot without RAM holds the rest of the state, as a full one does', () => {
		const m = new Machine({ ramSize: 1 << 20 });
		m.writeWord(0x80000000, 0x1234);
		const full = m.snapshot();
		const light = m.snapshot({ ram: false });
		expect(light).not.toHaveProperty('ram');
		// The RAM apart: a deep comparison of a megabyte, byte by byte, takes seconds.
		const { ram, ...rest } = full;
		expect(light).toEqual(rest);
		const bytes = ram as Uint8Array;
		expect(bytes.length).toBe(1 << 20);
		expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)).toBe(0x1234);
	});

	it('the bench guest retires about 5,040 instructions per outer iteration, deterministically', () => {
		const counts = [1, 3, 3].map((outer) => {
			const g = benchGuest(outer);
			const m = new Machine({ ramSize: 1 << 20 });
			m.writeMemory(g.entry, g.bytes);
			m.pc = g.entry;
			expect(m.run({ maxInsns: 1e7 })).toEqual({ kind: 'halted', exitCode: 0 });
			return m.instret;
		});
		const perOuter = (counts[1] - counts[0]) / 2;
		expect(perOuter).toBeGreaterThan(5000);
		expect(perOuter).toBeLessThan(5100);
		expect(counts[2]).toBe(counts[1]);
	});

	it('traces traps only when asked, with cause and pc', () => {
		const events: TraceEvent[] = [];
		const g = benchGuest(2);
		const m = new Machine({
			ramSize: 1 << 20,
			trace: { traps: true, sink: (e) => events.push(e) }
		});
		m.writeMemory(g.entry, g.bytes);
		m.pc = g.entry;
		expect(m.run({ maxInsns: 1e7 })).toEqual({ kind: 'halted', exitCode: 0 });
		expect(events.filter((e) => e.kind === 'trap')).toHaveLength(2);
		expect(m.stats().trapsByCause).toEqual({ '11': 2 });
	});

	it('time is derived from instructions: the same program reads the same mtime', () => {
		const prog = [
			...li(5, 0x0200bff8),
			...li(7, 1000),
			enc('addi', { rd: 7, rs1: 7, imm: -1 }),
			enc('bne', { rs1: 7, rs2: 0, imm: -4 }),
			enc('lw', { rd: 10, rs1: 5 }),
			...FINISH_PASS
		];
		const a = machineWith(prog);
		const b = machineWith(prog);
		a.run({ maxInsns: 1e5 });
		b.run({ maxInsns: 1e5 });
		expect(a.readRegister(10)).toBe(b.readRegister(10));
		expect(a.readRegister(10)).toBe(Math.floor(2005 / 100));
	});
});

describe('entry points', () => {
	it('refuses an entry that is not a multiple of 4 or not in RAM instead of rounding it', () => {
		const m = new Machine({ ramSize: 1 << 16 });
		const image = (entry: number) => ({
			sections: [{ name: '.text', address: BASE, bytes: toBytes([enc('addi', {})]) }],
			symbols: [],
			entry
		});
		expect(m.loadImage(image(BASE + 2))).toEqual({
			ok: false,
			error: expect.stringMatching(/^entry point 0x80000002 is not a multiple of 4/)
		});
		expect(m.loadImage(image(0x1000))).toEqual({
			ok: false,
			error: expect.stringMatching(/^entry point 0x00001000 lies outside RAM/)
		});
		expect(m.loadImage(image(BASE + 4))).toEqual({ ok: true });
		expect(m.pc).toBe(BASE + 4);
		expect(() => (m.pc = BASE + 2)).toThrow(/not a multiple of 4/);
	});
});

describe('robustness: every outcome is a trap or a typed stop reason', () => {
	const kinds = ['halted', 'budget', 'breakpoint', 'hostTrap', 'machineError', 'trapLoop'];
	it('random instruction words in any mode never throw', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), {
					minLength: 1,
					maxLength: 64
				}),
				fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), {
					minLength: 32,
					maxLength: 32
				}),
				fc.constantFrom(0, 1, 3),
				fc.boolean(),
				(words, regs, priv, virt) => {
					const m = machineWith(words, { ramSize: 1 << 16, hostTrapsHS: virt });
					regs.forEach((v, i) => m.writeRegister(i, v));
					m.writeCsr(0x305, BASE); // traps loop back into the random code
					m.setMode(priv, virt);
					const stop = m.run({ maxInsns: 300 });
					expect(kinds).toContain(stop.kind);
					if (stop.kind === 'machineError') expect(stop.message).not.toMatch(/internal/);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('random programs from the table with random CSR values never throw', () => {
		const names = instructions.map((s) => s.name);
		const csrs = [
			0x300, 0x310, 0x302, 0x303, 0x304, 0x305, 0x180, 0x280, 0x680, 0x600, 0x602, 0x603, 0x645,
			0x200, 0x100, 0x104, 0x144, 0x344
		];
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						name: fc.constantFrom(...names),
						rd: fc.integer({ min: 0, max: 31 }),
						rs1: fc.integer({ min: 0, max: 31 }),
						rs2: fc.integer({ min: 0, max: 31 }),
						imm: fc.integer({ min: -2048, max: 2047 }),
						csr: fc.constantFrom(...csrs)
					}),
					{ minLength: 1, maxLength: 40 }
				),
				fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), {
					minLength: csrs.length,
					maxLength: csrs.length
				}),
				(program, csrValues) => {
					const m = machineWith(
						program.map((f) => enc(f.name, { ...f, imm: f.imm & ~1 })),
						{ ramSize: 1 << 16 }
					);
					csrs.forEach((c, i) => m.writeCsr(c, csrValues[i]));
					m.writeCsr(0x305, BASE);
					const stop = m.run({ maxInsns: 500 });
					expect(kinds).toContain(stop.kind);
					if (stop.kind === 'machineError') expect(stop.message).not.toMatch(/internal/);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('WFI with nothing that could wake it', () => {
	it('stops with a message instead of spinning through the budget', async () => {
		const { enc, toBytes } = await import('../../../helpers/encode.ts');
		const m = new Machine({ ramSize: 4096 });
		m.writeMemory(0x80000000, toBytes([enc('wfi'), enc('jal', { rd: 0, imm: -4 })]));
		m.pc = 0x80000000;
		const stop = m.run({ maxInsns: 1_000_000 });
		expect(stop.kind).toBe('machineError');
		if (stop.kind === 'machineError')
			expect(stop.message).toBe(
				'WFI at pc 0x80000000 waits for an interrupt that can never come: none is pending and the timer is not armed (or not enabled in mie)'
			);
		expect(m.instret).toBeLessThan(10);
	});
});
