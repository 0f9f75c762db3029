import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';
import { OP_ILLEGAL, decodeOp, opId } from '../../../../src/lib/emulator/isa/ops.ts';
import { executorOpNames } from '../../../../src/lib/emulator/machine/execute.ts';
import { immB, immJ, immS } from '../../../../src/lib/emulator/isa/fields.ts';

describe('op ids derived from the instruction table', () => {
	it('the executor switch handles exactly the table, in id order', () => {
		expect(executorOpNames).toEqual(instructions.map((s) => s.name));
	});

	it('decodes every table entry to its own id', () => {
		for (const s of instructions) expect(decodeOp(s.match | 0), s.name).toBe(opId(s.name));
	});

	it('a decoded word always satisfies its entry mask and match', () => {
		fc.assert(
			fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (w) => {
				const id = decodeOp(w);
				if (id === OP_ILLEGAL) return instructions.every((s) => (w & s.mask) !== (s.match | 0));
				const s = instructions[id - 1];
				return (w & s.mask) === (s.match | 0);
			}),
			{ numRuns: 5000 }
		);
	});

	it('rejects words outside the table', () => {
		expect(decodeOp(0)).toBe(OP_ILLEGAL);
		expect(decodeOp(-1)).toBe(OP_ILLEGAL);
		expect(decodeOp(0x02000093 | (1 << 25))).not.toBe(OP_ILLEGAL); // addi ignores bit 25
		expect(decodeOp(0x02001093)).toBe(OP_ILLEGAL); // slli with shamt[5] set is not RV32
	});
});

describe('immediate fields', () => {
	it('extracts S, B and J immediates with sign', () => {
		expect(immS(0xfe000fa3 | 0)).toBe(-1); // sw with offset -1
		expect(immB(0xfe000ee3 | 0)).toBe(-4); // beq -4
		expect(immJ(0xffdff06f | 0)).toBe(-4); // jal -4
	});
});
