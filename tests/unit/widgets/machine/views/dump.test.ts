/** The hex dump: rows at multiples of 16, bytes in hex and ASCII, ·· where nothing answers. */
import { describe, expect, it } from 'vitest';
import { asciiOf, dumpRows } from '../../../../../src/lib/widgets/machine/views/dump.ts';

describe('dumpRows', () => {
	it('lays 32 aligned bytes out as two rows of 16', () => {
		const bytes = [...'Hello, world!\n'].map((c) => c.charCodeAt(0));
		const rows = dumpRows(0x80000000, [...bytes, ...Array(18).fill(0)]);
		expect(rows.map((r) => r.addressHex)).toEqual(['0x80000000', '0x80000010']);
		expect(rows[0].cells.map((c) => c.text).join(' ')).toBe(
			'48 65 6c 6c 6f 2c 20 77 6f 72 6c 64 21 0a 00 00'
		);
		expect(rows[0].ascii).toBe('Hello, world!...');
	});

	it('starts the first row at a multiple of 16 and leaves the places before blank', () => {
		const rows = dumpRows(0x1004, Array(16).fill(0x41));
		expect(rows.map((r) => r.address)).toEqual([0x1000, 0x1010]);
		expect(rows[0].cells.slice(0, 5).map((c) => c.kind)).toEqual([
			'outside',
			'outside',
			'outside',
			'outside',
			'byte'
		]);
		expect(rows[0].ascii).toBe('    AAAAAAAAAAAA');
		expect(rows[1].ascii).toBe('AAAA            ');
		expect(rows.every((r) => r.cells.length === 16)).toBe(true);
	});

	it('shows ·· for a byte nothing answered for', () => {
		const rows = dumpRows(0, [0x41, null, 0x42]);
		expect(rows[0].cells.slice(0, 3).map((c) => c.text)).toEqual(['41', '··', '42']);
		expect(rows[0].ascii.slice(0, 3)).toBe('A·B');
	});

	it('has no rows for no bytes', () => {
		expect(dumpRows(0x80000000, [])).toEqual([]);
	});
});

describe('asciiOf', () => {
	it('shows printable ASCII as itself and every other byte as a dot', () => {
		expect(asciiOf(0x20)).toBe(' ');
		expect(asciiOf(0x7e)).toBe('~');
		expect(asciiOf(0x1f)).toBe('.');
		expect(asciiOf(0x7f)).toBe('.');
		expect(asciiOf(0xc3)).toBe('.');
	});
});
