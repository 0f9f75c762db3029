/**
 * The interpreter's fast loop must agree with the reference executor (execute-slow.ts), which
 * implements every instruction completely: random programs run both ways end in the same state.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { enc, li, toBytes } from '../../../../src/lib/emulator/machine/tiny-encoder.ts';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';

const BASE = 0x80000000;
const names = instructions.map((s) => s.name);

function state(m: Machine) {
	return {
		regs: Array.from({ length: 32 }, (_, i) => m.readRegister(i)),
		pc: m.pc,
		instret: m.instret,
		mcause: m.readCsr(0x342),
		mtval: m.readCsr(0x343),
		ram: Array.from(m.readMemory(BASE, 4096)!)
	};
}

function runBoth(words: number[], regs: number[], maxInsns: number) {
	const results = [false, true].map((slowOnly) => {
		const m = new Machine({ ramSize: 1 << 16 });
		m.writeMemory(BASE, toBytes(words));
		m.pc = BASE;
		regs.forEach((v, i) => m.writeRegister(i, v));
		m.writeCsr(0x305, BASE + 0x800); // traps land on a `j .` loop
		m.writeMemory(BASE + 0x800, toBytes([enc('jal', { imm: 0 })]));
		m.hart.slowOnly = slowOnly;
		const stop = m.run({ maxInsns });
		return { stop, ...state(m) };
	});
	return results;
}

describe('fast loop = reference executor', () => {
	it('on random programs of table instructions with registers pointing into RAM', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						name: fc.constantFrom(...names),
						rd: fc.integer({ min: 0, max: 31 }),
						rs1: fc.integer({ min: 0, max: 31 }),
						rs2: fc.integer({ min: 0, max: 31 }),
						imm: fc.integer({ min: -64, max: 64 }),
						csr: fc.constantFrom(0x340, 0x300, 0xc00, 0x305)
					}),
					{ minLength: 1, maxLength: 48 }
				),
				fc.array(fc.integer({ min: 0, max: 0x3ff }), { minLength: 32, maxLength: 32 }),
				(program, offsets) => {
					const words = program.map((f) => enc(f.name, { ...f, imm: f.imm * 4 }));
					// Registers hold RAM addresses (page 0 and 1) so that loads and stores hit memory.
					const regs = offsets.map((o, i) => (i % 3 === 0 ? o * 7 : BASE + 0x400 + o * 4));
					const [fast, slow] = runBoth(words, regs, 400);
					expect(fast).toEqual(slow);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('on a loop that computes with loads, stores, branches, multiply and divide', () => {
		const words = [
			...li(5, 200),
			...li(6, BASE + 0x400),
			enc('lw', { rd: 7, rs1: 6 }),
			enc('addi', { rd: 7, rs1: 7, imm: 3 }),
			enc('mul', { rd: 8, rs1: 7, rs2: 5 }),
			enc('divu', { rd: 9, rs1: 8, rs2: 5 }),
			enc('sw', { rs1: 6, rs2: 9, imm: 4 }),
			enc('sh', { rs1: 6, rs2: 8, imm: 2 }),
			enc('lb', { rd: 10, rs1: 6, imm: 2 }),
			enc('addi', { rd: 5, rs1: 5, imm: -1 }),
			enc('bne', { rs1: 5, rs2: 0, imm: -32 })
		];
		const [fast, slow] = runBoth(words, [], 5000);
		expect(fast).toEqual(slow);
		expect(fast.instret).toBeGreaterThan(1000);
	});
});
