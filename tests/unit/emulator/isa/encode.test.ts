import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { disassemble, findInstruction } from '../../../../src/lib/emulator/isa/disassemble.ts';
import {
	bImmediate,
	encode,
	jImmediate,
	operandRange,
	sImmediate,
	type OperandValues
} from '../../../../src/lib/emulator/isa/encode.ts';
import {
	instructionByName,
	instructions,
	type InstructionSpec
} from '../../../../src/lib/emulator/isa/table.ts';

const spec = (name: string) => instructionByName.get(name)!;

describe('encode', () => {
	it('packs the fields of each format (words checked against GNU as 2.40)', () => {
		expect(encode(spec('addi'), { rd: 10, rs1: 10, imm: 1 })).toBe(0x00150513);
		expect(encode(spec('sw'), { rs2: 1, rs1: 2, imm: -2048 })).toBe(0x80112023);
		expect(encode(spec('beq'), { rs1: 10, rs2: 11, imm: -4 })).toBe(0xfeb50ee3);
		expect(encode(spec('jal'), { rd: 1, imm: 0x800 })).toBe(0x001000ef);
		expect(encode(spec('lui'), { rd: 10, imm: 0x12345 })).toBe(0x12345537);
		expect(encode(spec('csrrw'), { rd: 0, csr: 0x300, rs1: 10 })).toBe(0x30051073);
		expect(encode(spec('srai'), { rd: 12, rs1: 13, imm: 17 })).toBe(0x4116d613);
		expect(encode(spec('amoadd.w'), { rd: 10, rs2: 11, rs1: 12, aq: true })).toBe(0x04b6252f);
		expect(encode(spec('fence'), { pred: 15, succ: 15 })).toBe(0x0ff0000f);
		expect(encode(spec('hlv.w'), { rd: 10, rs1: 11 })).toBe(0x6805c573);
	});

	it('places the scattered immediate bits of S, B and J formats', () => {
		expect(sImmediate(0xfff)).toBe((0x7f << 25) | (0x1f << 7));
		expect(bImmediate(1 << 12) >>> 0).toBe(0x80000000);
		expect(bImmediate(1 << 11)).toBe(1 << 7);
		expect(jImmediate(1 << 11)).toBe(1 << 20);
		expect(jImmediate(0xff000)).toBe(0xff000);
	});

	it('gives the ranges the assembler checks', () => {
		expect(operandRange('imm12')).toEqual({ min: -2048, max: 2047, multipleOf: 1 });
		expect(operandRange('branch')).toEqual({ min: -4096, max: 4094, multipleOf: 2 });
		expect(operandRange('rd')).toBeUndefined();
	});
});

/** Random operand values for an instruction, within each operand's range. */
function values(s: InstructionSpec): fc.Arbitrary<OperandValues> {
	const r = fc.integer({ min: 0, max: 31 });
	const ranged = (kind: Parameters<typeof operandRange>[0]) => {
		const { min, max, multipleOf } = operandRange(kind)!;
		return fc
			.integer({ min: min / multipleOf, max: Math.floor(max / multipleOf) })
			.map((x) => x * multipleOf);
	};
	const parts: Record<string, fc.Arbitrary<unknown>> = { rd: r, rs1: r, rs2: r };
	for (const k of s.operands) {
		if (['imm12', 'memI', 'memS', 'shamt', 'uimm5', 'branch', 'jump', 'upper'].includes(k))
			parts.imm = ranged(k);
		if (k === 'csr') parts.csr = ranged('csr');
		if (k === 'pred' || k === 'succ') parts[k] = fc.integer({ min: 1, max: 15 });
	}
	if (s.extension === 'A') {
		parts.aq = fc.boolean();
		parts.rl = fc.boolean();
	}
	return fc.record(parts) as fc.Arbitrary<OperandValues>;
}

describe('encode, disassemble and assemble agree', () => {
	for (const s of instructions) {
		it(`${s.name}: encode -> objdump text -> assemble gives the same word`, () => {
			fc.assert(
				fc.property(values(s), (v) => {
					const word = encode(s, v);
					expect(findInstruction(word)?.name).toBe(s.name);
					const pc = 0x80000000;
					const text = disassemble(word, pc, { aliases: false });
					const { image, diagnostics } = assemble(`\t${text}\n`, { base: pc });
					expect(diagnostics).toEqual([]);
					const bytes = image!.sections[0].bytes;
					expect(new DataView(bytes.buffer).getUint32(0, true)).toBe(word);
				}),
				{ numRuns: 40 }
			);
		});
	}
});
