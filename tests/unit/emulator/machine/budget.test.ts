/**
 * The run budget: every run ends. The budget counts instructions retired and trap entries, so a
 * guest whose trap handler faults again still returns to the host, and a loop of traps with no
 * instruction in between is recognised and reported as such.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { enc, li, toBytes } from '../../../helpers/encode.ts';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';

const BASE = 0x80000000;
const MTVEC = 0x305;

function machineWith(words: number[], ramSize = 1 << 16) {
	const m = new Machine({ ramSize });
	m.writeMemory(BASE, toBytes(words));
	m.pc = BASE;
	return m;
}

/** Instructions retired plus traps entered: what the budget counts. */
function steps(m: Machine): number {
	const traps = Object.values(m.stats().trapsByCause).reduce((a, b) => a + b, 0);
	return m.instret + traps;
}

describe('budget', () => {
	it('stops `jr zero` (a fetch fault whose handler at mtvec = 0 faults again) as a trap loop', () => {
		const m = machineWith([enc('jalr', { rd: 0, rs1: 0, imm: 0 })]);
		const stop = m.run({ maxInsns: 1000 });
		expect(stop).toEqual({
			kind: 'trapLoop',
			first: { cause: 1, interrupt: false, pc: 0, tval: 0 },
			repeating: { cause: 1, interrupt: false, pc: 0, tval: 0 }
		});
		expect(steps(m)).toBeLessThanOrEqual(1000);
	});

	it('names the trap that led into the loop: an empty program meets an illegal instruction first', () => {
		const m = machineWith([]);
		const stop = m.run({ maxInsns: 1_000_000 });
		expect(stop).toMatchObject({
			kind: 'trapLoop',
			first: { cause: 2, pc: BASE },
			repeating: { cause: 1, pc: 0 }
		});
	});

	it('spends exactly the budget on a handler that retires an instruction and then faults', () => {
		// mtvec -> handler: nop; lw from address 0 (a load access fault) -> handler again, forever.
		const handler = BASE + 12;
		const m = machineWith([
			...li(5, handler),
			enc('csrrw', { rd: 0, rs1: 5, csr: MTVEC }),
			enc('addi', { rd: 0, rs1: 0, imm: 0 }),
			enc('lw', { rd: 6, rs1: 0, imm: 0 })
		]);
		expect(handler).toBe(BASE + 4 * (li(5, handler).length + 1));
		expect(m.run({ maxInsns: 10_001 })).toEqual({ kind: 'budget' });
		expect(steps(m)).toBe(10_001);
		expect(m.stats().trapsByCause['5']).toBeGreaterThan(4000);
	});

	it('refuses a budget that is not a whole number from 0 to 2^53 - 1', () => {
		const m = machineWith([enc('jal', { rd: 0, imm: 0 })]);
		for (const bad of [1e308, 2 ** 53, -1, 0.5, Number.NaN, Infinity])
			expect(m.run({ maxInsns: bad })).toMatchObject({
				kind: 'machineError',
				message: expect.stringMatching(/budget .* whole number from 0 to 2\^53/)
			});
		expect(m.run({ maxInsns: 0 })).toEqual({ kind: 'budget' });
		expect(m.instret).toBe(0);
	});

	it('a trap loop is a fixed point: running on changes nothing and retires nothing', () => {
		const m = machineWith([enc('ecall', {})]);
		m.writeCsr(MTVEC, 0x1000); // a vector outside RAM
		const stop = m.run({ maxInsns: 5000 });
		expect(stop.kind).toBe('trapLoop');
		const before = m.snapshot();
		const again = m.run({ maxInsns: 5000 });
		if (stop.kind !== 'trapLoop') return;
		expect(again).toEqual({ kind: 'trapLoop', first: stop.repeating, repeating: stop.repeating });
		expect(m.snapshot()).toEqual(before);
		expect(m.instret).toBe(0); // ecall does not retire
	});
});

describe('property: random programs always stop within the budget', () => {
	const names = instructions.map((s) => s.name);
	// Trap vectors: into the code, at a faulting address, past the code (zeros: illegal), misaligned.
	const vectors = [BASE, BASE + 8, 0, 0x1000, BASE + 0x100, BASE + 2, 0x80010000 - 4];
	it('with handlers that fault, budgets from 1 to 20,000', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						name: fc.constantFrom(...names),
						rd: fc.integer({ min: 0, max: 31 }),
						rs1: fc.integer({ min: 0, max: 31 }),
						rs2: fc.integer({ min: 0, max: 31 }),
						imm: fc.integer({ min: -2048, max: 2047 }),
						csr: fc.constantFrom(0x300, 0x304, 0x305, 0x341, 0x342, 0x180, 0x105)
					}),
					{ minLength: 0, maxLength: 40 }
				),
				fc.constantFrom(...vectors),
				fc.constantFrom(0, 1, 3),
				fc.integer({ min: 1, max: 20_000 }),
				(program, vector, priv, budget) => {
					const m = machineWith(program.map((f) => enc(f.name, { ...f, imm: f.imm & ~1 })));
					m.writeCsr(MTVEC, vector);
					m.setMode(priv, false);
					const stop = m.run({ maxInsns: budget });
					expect(['halted', 'budget', 'trapLoop', 'machineError']).toContain(stop.kind);
					// The one machine error a program can cause: waiting in WFI with no way to wake.
					if (stop.kind === 'machineError')
						expect(stop.message).toMatch(/^WFI at pc .* can never come/);
					if (stop.kind === 'budget') expect(steps(m)).toBe(budget);
					else expect(steps(m)).toBeLessThanOrEqual(budget);
				}
			),
			{ numRuns: 400 }
		);
	});
});
