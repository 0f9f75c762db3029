import { describe, expect, it } from 'vitest';
import { isCall } from '../../../../src/lib/emulator/session/calls.ts';
import { encodeNamed } from '../../../../src/lib/emulator/isa/encode.ts';

describe('isCall', () => {
	it('is true for jal and jalr writing ra or t0, false for jumps, returns and other instructions', () => {
		const word = (name: string, ops: Record<string, number>) => encodeNamed(name, ops);
		expect(isCall(word('jal', { rd: 1, imm: 16 }))).toBe(true);
		expect(isCall(word('jalr', { rd: 1, rs1: 6, imm: 0 }))).toBe(true);
		expect(isCall(word('jal', { rd: 5, imm: -8 }))).toBe(true);
		expect(isCall(word('jal', { rd: 0, imm: 16 }))).toBe(false); // j
		expect(isCall(word('jalr', { rd: 0, rs1: 1, imm: 0 }))).toBe(false); // ret
		expect(isCall(word('addi', { rd: 1, rs1: 1, imm: 4 }))).toBe(false);
	});
});
