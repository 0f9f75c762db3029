/** The go-to box: hex, decimal, registers, labels and offsets, and why anything else is refused. */
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../../../src/lib/widgets/machine/views/address.ts';

const registers = Array.from({ length: 32 }, () => 0);
registers[2] = 0x80400000; // sp
registers[8] = 0x80300000; // s0, fp
const symbols = [
	{ name: 'msg', value: 0x80001000 },
	{ name: 'sp', value: 0x1234 } // a label that shadows a register name
];
const names = { registers, symbols };

describe('parseAddress', () => {
	it('reads hex with 0x, underscores allowed, and decimal', () => {
		expect(parseAddress('0x80000000', 'physical')).toEqual({ ok: true, address: 0x80000000 });
		expect(parseAddress(' 0X8000_0010 ', 'physical')).toEqual({ ok: true, address: 0x80000010 });
		expect(parseAddress('4096', 'virtual')).toEqual({ ok: true, address: 4096 });
	});

	it('reads a label, and a register by either name when no label has that name', () => {
		expect(parseAddress('msg', 'virtual', names)).toEqual({ ok: true, address: 0x80001000 });
		expect(parseAddress('x2', 'virtual', names)).toEqual({ ok: true, address: 0x80400000 });
		expect(parseAddress('fp', 'virtual', names)).toEqual({ ok: true, address: 0x80300000 });
		expect(parseAddress('s0', 'virtual', names)).toEqual({ ok: true, address: 0x80300000 });
		// The program's label wins, as it does in the assembler.
		expect(parseAddress('sp', 'virtual', names)).toEqual({ ok: true, address: 0x1234 });
	});

	it('adds or subtracts an offset', () => {
		expect(parseAddress('msg+4', 'virtual', names)).toEqual({ ok: true, address: 0x80001004 });
		expect(parseAddress('x2 - 0x10', 'virtual', names)).toEqual({ ok: true, address: 0x803ffff0 });
		expect(parseAddress('0x100+16', 'virtual')).toEqual({ ok: true, address: 0x110 });
	});

	it('says why it refuses an address', () => {
		expect(parseAddress('   ', 'physical')).toEqual({ ok: false, reason: 'empty' });
		expect(parseAddress('0xzz', 'physical')).toMatchObject({ ok: false, reason: 'invalid' });
		expect(parseAddress('12ab', 'physical')).toMatchObject({ ok: false, reason: 'invalid' });
		expect(parseAddress('0x10_', 'physical')).toMatchObject({ ok: false, reason: 'invalid' });
		expect(parseAddress('msg+sp', 'virtual', names)).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(parseAddress('nowhere', 'virtual', names)).toEqual({
			ok: false,
			reason: 'unknown',
			name: 'nowhere'
		});
		// Without the registers, a register name is unknown.
		expect(parseAddress('a0', 'virtual')).toMatchObject({ ok: false, reason: 'unknown' });
		expect(parseAddress('x32', 'virtual', names)).toMatchObject({ ok: false, reason: 'unknown' });
	});

	it('keeps virtual addresses to 32 bits and physical ones to 34 (Sv32)', () => {
		expect(parseAddress('0x100000000', 'virtual')).toEqual({ ok: false, reason: 'range' });
		expect(parseAddress('0x100000000', 'physical')).toEqual({ ok: true, address: 2 ** 32 });
		expect(parseAddress('0x400000000', 'physical')).toEqual({ ok: false, reason: 'range' });
		expect(parseAddress('0-1', 'physical')).toEqual({ ok: false, reason: 'range' });
	});
});
