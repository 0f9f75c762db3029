import { describe, expect, it } from 'vitest';
import { abiNames, registerNumber } from '../../../../src/lib/emulator/asm/registers.ts';

describe('registerNumber', () => {
	it('knows x names, ABI names and fp', () => {
		expect(registerNumber('x0')).toBe(0);
		expect(registerNumber('x31')).toBe(31);
		expect(registerNumber('a0')).toBe(10);
		expect(registerNumber('s11')).toBe(27);
		expect(registerNumber('t6')).toBe(31);
		expect(registerNumber('fp')).toBe(8);
		expect(abiNames.map(registerNumber)).toEqual(abiNames.map((_, i) => i));
	});

	it('rejects anything else', () => {
		expect(registerNumber('x32')).toBeUndefined();
		expect(registerNumber('a8')).toBeUndefined();
		expect(registerNumber('A0')).toBeUndefined();
	});
});
