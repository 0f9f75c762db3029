import { describe, expect, it } from 'vitest';
import {
	addressError,
	DEFAULT_LENGTH,
	dumpLines,
	parseMemoryArgs
} from '../../../../src/cli/commands/debug-memory.ts';

describe('parseMemoryArgs', () => {
	it('reads ADDR, then an optional length and the word virtual', () => {
		expect(parseMemoryArgs(['0x80000000'])).toEqual({
			address: '0x80000000',
			length: DEFAULT_LENGTH,
			space: 'physical'
		});
		expect(parseMemoryArgs(['sp+16', '32', 'virtual'])).toEqual({
			address: 'sp+16',
			length: 32,
			space: 'virtual'
		});
		expect(parseMemoryArgs(['buffer', '0x10'])).toMatchObject({ address: 'buffer', length: 16 });
	});

	it('keeps an expression with spaces whole: its last number is an offset, not a length', () => {
		expect(parseMemoryArgs(['buffer', '+', '16'])).toMatchObject({
			address: 'buffer + 16',
			length: DEFAULT_LENGTH
		});
		expect(parseMemoryArgs(['sp', '-8'])).toMatchObject({ address: 'sp -8', length: 64 });
		expect(parseMemoryArgs(['sp', '+', '8', '24', 'virtual'])).toEqual({
			address: 'sp + 8',
			length: 24,
			space: 'virtual'
		});
	});

	it('refuses a length outside 1 to 1024 and a missing address', () => {
		expect(parseMemoryArgs(['0x0', '0'])).toMatch(/'0' is not a length: give 1 to 1024 bytes/);
		expect(parseMemoryArgs(['0x0', '1025'])).toMatch(/'1025' is not a length/);
		expect(parseMemoryArgs(['0x0', 'lots'])).toMatch(/'lots' is not a length/);
		expect(parseMemoryArgs([])).toMatch(/mem wants an address/);
		expect(parseMemoryArgs(['virtual'])).toMatch(/mem wants an address/);
	});
});

describe('addressError', () => {
	it('says what is wrong with the address, for each reason parseAddress gives', () => {
		expect(addressError({ ok: false, reason: 'unknown', name: 'buf' }, 'buf+4', 'physical')).toBe(
			"no label or register 'buf'"
		);
		expect(addressError({ ok: false, reason: 'invalid' }, '12abc', 'physical')).toMatch(
			/^'12abc' is not an address/
		);
		expect(addressError({ ok: false, reason: 'range' }, '0x100000000', 'virtual')).toBe(
			"'0x100000000' is outside the virtual addresses (0 to 0xffffffff)"
		);
		expect(addressError({ ok: false, reason: 'range' }, '-1', 'physical')).toMatch(
			/physical addresses \(0 to 0x3ffffffff\)/
		);
	});
});

describe('dumpLines', () => {
	it('writes 16 bytes a row in two groups of 8, then the ASCII', () => {
		const bytes = [...'Hello, world!\n'].map((c) => c.charCodeAt(0));
		expect(dumpLines(0x80000000, [...bytes, 0, 0])).toEqual([
			'0x80000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 00  |Hello, world!...|'
		]);
	});

	it('starts rows at multiples of 16, blank before and after the bytes asked for', () => {
		const lines = dumpLines(0x8000000e, [1, 2, 3]);
		expect(lines).toEqual([
			'0x80000000                                             01 02  |              ..|',
			'0x80000010  03                                                |.               |'
		]);
		// Every row is as wide as a full one, so the ASCII column lines up.
		expect(new Set(lines.map((l) => l.length)).size).toBe(1);
	});

	it('marks the bytes nothing answered for, and says why', () => {
		const lines = dumpLines(0x0, [null, null, 0x41]);
		expect(lines[0]).toBe(
			'0x00000000  ·· ·· 41                                          |··A             |'
		);
		expect(lines[1]).toMatch(/^·· nothing answered: no RAM there, a device/);
		expect(dumpLines(0x0, [0x41])).toHaveLength(1); // no note when every byte answered
	});
});
