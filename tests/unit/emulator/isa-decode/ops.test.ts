/**
 * Op ids come from the instruction table (isa/ops.ts): `Op` must list the table's mnemonics at
 * their positions, the reference executor must switch over exactly those names, and each integer
 * literal of the fast loop's switch (machine/execute.ts, kept literal for V8's jump table) must
 * equal the `Op` or `FAST_*` constant its comment names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';
import { OP_ILLEGAL, Op, decodeOp, opId } from '../../../../src/lib/emulator/isa/ops.ts';
import * as predecoded from '../../../../src/lib/emulator/machine/predecode.ts';
import { immB, immJ, immS } from '../../../../src/lib/emulator/isa/fields.ts';

const source = (file: string) =>
	readFileSync(new URL(`../../../../src/lib/emulator/machine/${file}`, import.meta.url), 'utf8');
const opName = (mnemonic: string) => mnemonic.toUpperCase().replace(/\./g, '_');
const word = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe('op ids derived from the instruction table', () => {
	it('Op names every table entry by its position plus one, and nothing else', () => {
		expect(Object.entries(Op)).toEqual(instructions.map((s, i) => [opName(s.name), i + 1]));
		for (const s of instructions) expect(Op[opName(s.name) as keyof typeof Op]).toBe(opId(s.name));
	});

	it('the reference executor has a case for exactly the table', () => {
		const text = source('execute-slow.ts');
		const body = text.slice(text.indexOf('export function executeOne'));
		const cases = new Set([...body.matchAll(/case Op\.(\w+):/g)].map((m) => m[1]));
		expect([...cases].sort()).toEqual(Object.keys(Op).sort());
		expect(body).not.toMatch(/case \d+:/);
	});

	it('the pre-decoder relies on groups the table lists in a row', () => {
		const names = (first: number, last: number) =>
			instructions.slice(first - 1, last).map((s) => s.name);
		expect(names(Op.BEQ, Op.BGEU)).toEqual(['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu']);
		expect(names(Op.LB, Op.LHU)).toEqual(['lb', 'lh', 'lw', 'lbu', 'lhu']);
		expect(names(Op.SB, Op.SW)).toEqual(['sb', 'sh', 'sw']);
		expect(names(Op.ADDI, Op.AND)).toEqual([
			...['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi', 'slli', 'srli', 'srai'],
			...['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and']
		]);
		expect(names(Op.MUL, Op.REMU)).toEqual([
			'mul',
			'mulh',
			'mulhsu',
			'mulhu',
			'div',
			'divu',
			'rem',
			'remu'
		]);
	});

	it('decodes every table entry to its own id', () => {
		for (const s of instructions) expect(decodeOp(s.match | 0), s.name).toBe(opId(s.name));
	});

	it('a decoded word always satisfies its entry mask and match', () => {
		fc.assert(
			fc.property(word, (w) => {
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

describe("the fast loop's literal case labels", () => {
	const text = source('execute.ts');
	const loop = text.slice(text.indexOf('function fastLoop('), text.indexOf('function fastLoopOf('));
	const labels = [...loop.matchAll(/case (\d+):/g)].map((m) => Number(m[1]));
	/** `case N: // Op.NAME`, `// FAST_NAME` or `// Op.NAME + FAST_NAME`, the comment maybe in a block. */
	const named = [
		...loop.matchAll(/case (\d+):(?: \{)?\s*\/\/ (?:Op\.(\w+)|(FAST_\w+))(?: \+ (FAST_\w+))?/g)
	];
	const fast = predecoded as unknown as Record<string, number>;
	const value = (op: string | undefined, constant: string | undefined, plus: string | undefined) =>
		(op !== undefined ? Op[op as keyof typeof Op] : fast[constant!]) + (plus ? fast[plus] : 0);

	it('each label names its constant, and equals it', () => {
		expect(named.map((m) => Number(m[1]))).toEqual(labels);
		for (const [, n, op, constant, plus] of named) {
			const v = value(op, constant, plus);
			expect(v, `case ${n}`).toBeTypeOf('number');
			expect(v, `case ${n}`).toBe(Number(n));
		}
	});

	it('every op the pre-decoder emits has a label, but FAST_SLOW, which the default runs', () => {
		const handled = new Set(labels);
		expect(handled.has(predecoded.FAST_SLOW)).toBe(false);
		fc.assert(
			fc.property(word, fc.integer({ min: 0, max: 1023 }), (w, i) => {
				const op = predecoded.predecode(w, i * 4) & 127;
				return op === predecoded.FAST_SLOW || handled.has(op);
			}),
			{ numRuns: 20000 }
		);
		for (const s of instructions) {
			const op = predecoded.predecode(s.match | 0 | (1 << 7), 0) & 127;
			expect(op === predecoded.FAST_SLOW || handled.has(op), s.name).toBe(true);
		}
	});
});

describe('immediate fields', () => {
	it('extracts S, B and J immediates with sign', () => {
		expect(immS(0xfe000fa3 | 0)).toBe(-1); // sw with offset -1
		expect(immB(0xfe000ee3 | 0)).toBe(-4); // beq -4
		expect(immJ(0xffdff06f | 0)).toBe(-4); // jal -4
	});
});
