import { describe, expect, it } from 'vitest';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import { enc, li, toBytes } from '../../../helpers/encode.ts';

const BASE = 0x80000000;
function run(words: number[], input: number[] = []) {
	const out: number[] = [];
	const m = new Machine({ ramSize: 1 << 16, uartOut: (b) => out.push(b) });
	m.uartInput(input);
	m.writeMemory(BASE, toBytes(words));
	m.pc = BASE;
	return { stop: m.run({ maxInsns: 1000 }), out, m };
}
const finish = (reg: number) => [...li(5, 0x100000), enc('sw', { rs1: 5, rs2: reg })];

describe('UART 16550 subset', () => {
	it('transmits bytes written to THR and reports them empty in LSR', () => {
		const { out, m } = run([
			...li(6, 0x10000000),
			...li(7, 65),
			enc('sb', { rs1: 6, rs2: 7 }),
			enc('lbu', { rd: 10, rs1: 6, imm: 5 }),
			...li(8, 0x5555),
			...finish(8)
		]);
		expect(out).toEqual([65]);
		expect(m.readRegister(10) & 0x60).toBe(0x60);
	});
	it('receives queued input with data ready in LSR', () => {
		const { m } = run(
			[
				...li(6, 0x10000000),
				enc('lbu', { rd: 10, rs1: 6, imm: 5 }),
				enc('lbu', { rd: 11, rs1: 6 }),
				enc('lbu', { rd: 12, rs1: 6, imm: 5 }),
				...li(8, 0x5555),
				...finish(8)
			],
			[0x7a]
		);
		expect(m.readRegister(10) & 1).toBe(1);
		expect(m.readRegister(11)).toBe(0x7a);
		expect(m.readRegister(12) & 1).toBe(0);
	});
});

describe('test finisher', () => {
	it('0x5555 exits 0, 0x3333 | code << 16 exits code, other values are ignored', () => {
		expect(run([...li(8, 0x5555), ...finish(8)]).stop).toEqual({ kind: 'halted', exitCode: 0 });
		expect(run([...li(8, 0x3333 | (300 << 16)), ...finish(8)]).stop).toEqual({
			kind: 'halted',
			exitCode: 300
		});
		expect(run([...li(8, 0x1234), ...finish(8), enc('jal', { imm: 0 })]).stop).toEqual({
			kind: 'budget'
		});
	});
});

describe('CLINT', () => {
	it('mtimecmp halves read back and msip raises mip.MSIP', () => {
		const { m } = run([
			...li(6, 0x02004000),
			...li(7, 0x1234),
			enc('sw', { rs1: 6, rs2: 7 }),
			enc('sw', { rs1: 6, rs2: 0, imm: 4 }),
			enc('lw', { rd: 10, rs1: 6 }),
			...li(6, 0x02000000),
			...li(7, 1),
			enc('sw', { rs1: 6, rs2: 7 }),
			enc('csrrs', { rd: 11, rs1: 0, csr: 0x344 }),
			...li(8, 0x5555),
			...finish(8)
		]);
		expect(m.readRegister(10)).toBe(0x1234);
		expect(m.readRegister(11) & 8).toBe(8);
	});
	it('an access to an address with no device is an access fault', () => {
		const m = new Machine({ ramSize: 1 << 16 });
		m.writeMemory(BASE, toBytes([...li(6, 0x00300000), enc('lw', { rd: 10, rs1: 6 })]));
		m.writeMemory(BASE + 0x100, toBytes([enc('jal', { imm: 0 })]));
		m.writeCsr(0x305, BASE + 0x100);
		m.pc = BASE;
		m.run({ maxInsns: 100 });
		expect(m.pc).toBe(BASE + 0x100);
		expect(m.readCsr(0x342)).toBe(5);
		expect(m.readCsr(0x343)).toBe(0x00300000);
	});
});

describe('CLINT mtimecmp', () => {
	it('keeps both 32-bit halves exactly, even when the value exceeds 2^53 (§3.2.1)', () => {
		// The firmware of tests/fixtures/c-kernel once wrote high = 0xffffffff then the low half:
		// the low half read back rounded to a multiple of 2048, and timer interrupts came early.
		const { m } = run([
			...li(6, 0x02004000),
			...li(7, -1),
			enc('sw', { rs1: 6, rs2: 7, imm: 4 }),
			...li(7, 0x12345),
			enc('sw', { rs1: 6, rs2: 7 }),
			enc('lw', { rd: 10, rs1: 6 }),
			enc('lw', { rd: 11, rs1: 6, imm: 4 }),
			...li(8, 0x5555),
			...finish(8)
		]);
		expect(m.readRegister(10)).toBe(0x12345);
		expect(m.readRegister(11)).toBe(-1);
	});

	it('reads back all ones at reset, and a deadline set by the host', () => {
		const m = new Machine({ ramSize: 1 << 16 });
		expect(m.timerCompare).toBe(Infinity);
		m.setTimerCompare(2 ** 40 + 7);
		expect(m.timerCompare).toBe(2 ** 40 + 7);
		m.setTimerCompare(2 ** 64 - 1);
		expect(m.timerCompare).toBe(Infinity);
	});
});
