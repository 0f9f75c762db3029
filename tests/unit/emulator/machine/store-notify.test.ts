/**
 * What a host write into RAM (Machine.writeMemory) does to the pre-decoded instructions
 * (machine/store-notify.ts): the written bytes' instructions run anew, and the rest of the decoded
 * code stays decoded, so that a hypervisor emulating a guest's byte store does not make the
 * interpreter decode its whole kernel again.
 */
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { enc, toBytes } from '../../../helpers/encode.ts';

const BASE = 0x80000000;
const PAGE = 4096;

/** Two pages of code: `addi a0, a0, 1` at BASE (then `jal` to the second page, then back). */
function twoPageLoop() {
	const m = new Machine({ ramSize: 1 << 16 });
	m.writeMemory(
		BASE,
		toBytes([enc('addi', { rd: 10, rs1: 10, imm: 1 }), enc('jal', { imm: PAGE - 4 })])
	);
	m.writeMemory(
		BASE + PAGE,
		toBytes([enc('addi', { rd: 11, rs1: 11, imm: 1 }), enc('jal', { imm: -PAGE - 4 })])
	);
	m.pc = BASE;
	m.run({ maxInsns: 40 });
	return m;
}

/** The pre-decoded word of the instruction at `pa`, or 0 when it is not decoded. */
function decoded(m: Machine, pa: number): number {
	const slot = m.hart.pageSlot[(pa - BASE) >>> 12];
	return slot < 0 ? 0 : m.hart.decodePool[slot + (((pa - BASE) & 0xfff) >> 2)];
}

describe('writeMemory and the pre-decoded instructions', () => {
	it('runs the new instruction after one byte of it is rewritten', () => {
		const m = twoPageLoop();
		expect(m.readRegister(10)).toBe(10);
		// imm[11:4] of `addi a0, a0, 1` is its top byte: 0x01 makes the immediate 17.
		m.writeMemory(BASE + 3, new Uint8Array([0x01]));
		expect(decoded(m, BASE)).toBe(0);
		m.run({ maxInsns: 40 });
		expect(m.readRegister(10)).toBe(10 + 10 * 17);
	});

	it('keeps every other instruction decoded, on the same page and on others', () => {
		const m = twoPageLoop();
		const kept = [BASE + 4, BASE + PAGE, BASE + PAGE + 4];
		expect(kept.map((pa) => decoded(m, pa))).not.toContain(0);
		m.writeMemory(BASE + 1, new Uint8Array([0x05, 0x05]));
		expect(decoded(m, BASE)).toBe(0);
		expect(kept.map((pa) => decoded(m, pa))).not.toContain(0);
	});

	it('forgets every word a write spans, across a page boundary', () => {
		const m = twoPageLoop();
		m.writeMemory(BASE + PAGE - 2, new Uint8Array(4));
		expect(decoded(m, BASE + PAGE)).toBe(0);
		expect(decoded(m, BASE + PAGE + 4)).not.toBe(0);
		expect(decoded(m, BASE + 4)).not.toBe(0);
	});
});
