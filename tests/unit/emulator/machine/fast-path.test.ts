/**
 * The interpreter's fast loop must agree with the reference executor (execute-slow.ts), which
 * implements every instruction completely: random programs run both ways end in the same state.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { enc, li, toBytes } from '../../../helpers/encode.ts';
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
		ram: Array.from(m.readMemory(BASE, 8192)!)
	};
}

/**
 * Runs `words` placed at `at` (and any `more` code) with the fast loop and with the reference
 * executor only.
 */
function runBoth(
	words: number[],
	regs: number[],
	maxInsns: number,
	at = BASE,
	ramSize = 1 << 16,
	more: [number, number[]][] = []
) {
	const results = [false, true].map((slowOnly) => {
		const m = new Machine({ ramSize });
		m.writeMemory(at, toBytes(words));
		for (const [address, code] of more) m.writeMemory(address, toBytes(code));
		m.pc = at;
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
	const randomProgram = fc.array(
		fc.record({
			name: fc.constantFrom(...names),
			rd: fc.integer({ min: 0, max: 31 }),
			rs1: fc.integer({ min: 0, max: 31 }),
			rs2: fc.integer({ min: 0, max: 31 }),
			imm: fc.integer({ min: -64, max: 64 }),
			csr: fc.constantFrom(0x340, 0x300, 0xc00, 0x305)
		}),
		{ minLength: 1, maxLength: 48 }
	);
	const randomOffsets = fc.array(fc.integer({ min: 0, max: 0x3ff }), {
		minLength: 32,
		maxLength: 32
	});
	// Registers hold RAM addresses (pages 0 and 1) so that loads and stores hit memory, and may
	// overwrite the program itself.
	const registersFrom = (offsets: number[]) =>
		offsets.map((o, i) => (i % 3 === 0 ? o * 7 : BASE + 0x400 + o * 4));

	it('on random programs of table instructions with registers pointing into RAM', () => {
		fc.assert(
			fc.property(randomProgram, randomOffsets, (program, offsets) => {
				const words = program.map((f) => enc(f.name, { ...f, imm: f.imm * 4 }));
				const [fast, slow] = runBoth(words, registersFrom(offsets), 400);
				expect(fast).toEqual(slow);
			}),
			{ numRuns: 200 }
		);
	});

	it('on random programs that straddle a page boundary (near and far branches, page ends)', () => {
		fc.assert(
			fc.property(
				randomProgram,
				randomOffsets,
				fc.integer({ min: 0, max: 48 }),
				(program, offsets, before) => {
					const words = program.map((f) => enc(f.name, { ...f, imm: f.imm * 4 }));
					const at = BASE + 0x1000 - 4 * Math.min(before, words.length);
					const [fast, slow] = runBoth(words, registersFrom(offsets), 400, at);
					expect(fast).toEqual(slow);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('when code runs in more pages than the decode pool holds', () => {
		// Pages 1..200 of a 1 MiB RAM each count in a0 and jump to the start of the next page, with
		// and without a link; the last jumps back to page 1. The decode pool (128 pages) is refilled.
		const pages: [number, number[]][] = [];
		for (let k = 1; k <= 200; k++) {
			const jump =
				k === 200
					? enc('jal', { rd: 0, imm: -199 * 4096 - 4 })
					: enc('jal', { rd: k % 2 ? 0 : 1, imm: 4092 });
			pages.push([BASE + k * 4096, [enc('addi', { rd: 10, rs1: 10, imm: 1 }), jump]]);
		}
		const start = [enc('jal', { rd: 0, imm: 4096 })];
		const [fast, slow] = runBoth(start, [], 1001, BASE, 1 << 20, pages);
		expect(fast).toEqual(slow);
		expect(fast.regs[10]).toBe(500);
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

	it('on code that rewrites an instruction it has already executed', () => {
		const target = BASE + 6 * 4;
		const words = [
			...li(11, 2),
			...li(5, target),
			...li(6, enc('addi', { rd: 10, rs1: 10, imm: 100 })),
			enc('addi', { rd: 10, rs1: 10, imm: 1 }), // target: rewritten after its first run
			enc('sw', { rs1: 5, rs2: 6 }),
			enc('addi', { rd: 11, rs1: 11, imm: -1 }),
			enc('bne', { rs1: 11, rs2: 0, imm: -12 })
		];
		const [fast, slow] = runBoth(words, [], 14);
		expect(fast).toEqual(slow);
		expect(fast.regs[10]).toBe(101);
	});
});
