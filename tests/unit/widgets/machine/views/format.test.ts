/** One hex style for every view, and the register formats: hex, unsigned, two's complement. */
import { describe, expect, it } from 'vitest';
import {
	formatValue,
	hex,
	hexByte,
	hexShort
} from '../../../../../src/lib/widgets/machine/views/format.ts';

describe('hex', () => {
	it('writes 0x and eight lower-case digits, without separators', () => {
		expect(hex(0x80000000)).toBe('0x80000000');
		expect(hex(0)).toBe('0x00000000');
		expect(hex(0xabc)).toBe('0x00000abc');
	});
	it('reads a negative number as a 32-bit word', () => {
		expect(hex(-1)).toBe('0xffffffff');
		expect(hex(-4)).toBe('0xfffffffc');
	});
	it('keeps physical addresses above 4 GiB whole (Sv32 reaches 34 bits)', () => {
		expect(hex(0x3_0000_1000)).toBe('0x300001000');
	});
});

describe('hexByte and hexShort', () => {
	it('writes a byte as two digits and a CSR number unpadded', () => {
		expect(hexByte(0x0a)).toBe('0a');
		expect(hexByte(0xff)).toBe('ff');
		expect(hexShort(0x300)).toBe('0x300');
	});
});

describe('formatValue', () => {
	it('writes a register in each format', () => {
		expect(formatValue(0xffffffff, 'hex')).toBe('0xffffffff');
		expect(formatValue(0xffffffff, 'unsigned')).toBe('4294967295');
		expect(formatValue(0xffffffff, 'signed')).toBe('-1');
		expect(formatValue(0x80000000, 'signed')).toBe('-2147483648');
		expect(formatValue(0x7fffffff, 'signed')).toBe('2147483647');
		expect(formatValue(42, 'unsigned')).toBe('42');
	});
});
