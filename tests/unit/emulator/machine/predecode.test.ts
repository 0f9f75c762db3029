/**
 * The pre-decoded form (machine/predecode.ts): the fast loop relies on each field sitting where
 * that file says, on near/far being decided by the target's page, and on x0 never being written.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	FAST_BRANCH_FAR_DELTA,
	FAST_J,
	FAST_JAL_FAR,
	FAST_JR,
	FAST_J_FAR,
	FAST_NOP,
	FAST_SLOW,
	predecode
} from '../../../../src/lib/emulator/machine/predecode.ts';
import { enc } from '../../../helpers/encode.ts';
import { opId } from '../../../../src/lib/emulator/isa/ops.ts';

const reg = fc.integer({ min: 1, max: 31 });
const op = (p: number) => p & 127;
const rd = (p: number) => (p >> 7) & 31;
const rs1 = (p: number) => (p >> 15) & 31;
const rs2 = (p: number) => (p >> 20) & 31;

describe('predecode', () => {
	it('keeps R-type and I-type fields in place, with the table op id', () => {
		fc.assert(
			fc.property(reg, reg, reg, fc.integer({ min: -2048, max: 2047 }), (d, s1, s2, imm) => {
				const add = predecode(enc('add', { rd: d, rs1: s1, rs2: s2 }), 0);
				expect([op(add), rd(add), rs1(add), rs2(add)]).toEqual([opId('add'), d, s1, s2]);
				const lw = predecode(enc('lw', { rd: d, rs1: s1, imm }), 0);
				expect([op(lw), rd(lw), rs1(lw), lw >> 20]).toEqual([opId('lw'), d, s1, imm]);
				const upper = (imm << 12) | 0;
				const lui = predecode(enc('lui', { rd: d, imm: upper >>> 12 }), 0);
				expect([op(lui), rd(lui), lui & -4096]).toEqual([opId('lui'), d, upper]);
			})
		);
	});

	it('moves store offsets to bits 31:20 and rs2 to bits 11:7', () => {
		fc.assert(
			fc.property(reg, reg, fc.integer({ min: -2048, max: 2047 }), (s1, s2, imm) => {
				const p = predecode(enc('sw', { rs1: s1, rs2: s2, imm }), 0);
				expect([op(p), rd(p), rs1(p), p >> 20]).toEqual([opId('sw'), s2, s1, imm]);
			})
		);
	});

	it('makes a branch near (word distance) when its target is in the same page, far otherwise', () => {
		const near = predecode(enc('bne', { rs1: 5, rs2: 6, imm: -8 }), 0x100);
		expect([op(near), rs1(near), rd(near), near >> 20]).toEqual([opId('bne'), 5, 6, -2]);
		const far = predecode(enc('bne', { rs1: 5, rs2: 6, imm: -8 }), 4);
		expect([op(far), far >> 20]).toEqual([opId('bne') + FAST_BRANCH_FAR_DELTA, -4]);
		const last = predecode(enc('beq', { rs1: 1, rs2: 2, imm: 4 }), 4092);
		expect(op(last)).toBe(opId('beq') + FAST_BRANCH_FAR_DELTA);
	});

	it('splits JAL into near and far, with and without a link register', () => {
		const jal = predecode(enc('jal', { rd: 1, imm: 16 }), 0);
		expect([op(jal), rd(jal), jal >> 12]).toEqual([opId('jal'), 1, 4]);
		expect(op(predecode(enc('jal', { rd: 0, imm: 16 }), 0))).toBe(FAST_J);
		const far = predecode(enc('jal', { rd: 1, imm: 0x2000 }), 0);
		expect([op(far), far >> 12]).toEqual([FAST_JAL_FAR, 0x1000]);
		expect(op(predecode(enc('jal', { rd: 0, imm: -4 }), 0))).toBe(FAST_J_FAR);
		expect(op(predecode(enc('jalr', { rd: 0, rs1: 1, imm: 0 }), 0))).toBe(FAST_JR);
	});

	it('never lets the fast loop write x0', () => {
		expect(predecode(enc('add', { rd: 0, rs1: 1, rs2: 2 }), 0)).toBe(FAST_NOP);
		expect(predecode(enc('lui', { rd: 0, imm: 1 }), 0)).toBe(FAST_NOP);
		expect(predecode(enc('divu', { rd: 0, rs1: 1, rs2: 2 }), 0)).toBe(FAST_NOP);
		// A load into x0 still reads memory and may fault: the reference executor runs it.
		expect(predecode(enc('lw', { rd: 0, rs1: 1 }), 0)).toBe(FAST_SLOW);
	});

	it('leaves system instructions, misaligned jump targets and illegal words to the reference executor', () => {
		expect(predecode(enc('ecall'), 0)).toBe(FAST_SLOW);
		expect(predecode(enc('csrrw', { rd: 1, rs1: 2, csr: 0x340 }), 0)).toBe(FAST_SLOW);
		expect(predecode(enc('amoadd.w', { rd: 1, rs1: 2, rs2: 3 }), 0)).toBe(FAST_SLOW);
		expect(predecode(enc('beq', { rs1: 1, rs2: 2, imm: 6 }), 0)).toBe(FAST_SLOW);
		expect(predecode(enc('jal', { rd: 1, imm: 2 }), 0)).toBe(FAST_SLOW);
		expect(predecode(0, 0)).toBe(FAST_SLOW);
		expect(predecode(-1, 0)).toBe(FAST_SLOW);
	});
});
