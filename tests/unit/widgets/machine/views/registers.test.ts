/** The register rows: both names, the chosen format, and the changed ones marked. */
import { describe, expect, it } from 'vitest';
import { registerRows } from '../../../../../src/lib/widgets/machine/views/registers.ts';

const registers = Array.from({ length: 32 }, (_, i) => i * 0x100);
registers[2] = 0x80400000; // sp
registers[10] = 0xfffffffe; // a0 = -2

describe('registerRows', () => {
	it('lists x0–x31 with their ABI names', () => {
		const rows = registerRows(registers);
		expect(rows).toHaveLength(32);
		expect(rows.map((r) => `${r.name} ${r.abi}`).slice(0, 3)).toEqual([
			'x0 zero',
			'x1 ra',
			'x2 sp'
		]);
		expect(`${rows[8].name} ${rows[8].abi}`).toBe('x8 s0');
		expect(`${rows[31].name} ${rows[31].abi}`).toBe('x31 t6');
	});

	it('writes values in the chosen format', () => {
		expect(registerRows(registers, [], 'hex')[2].text).toBe('0x80400000');
		expect(registerRows(registers, [], 'signed')[10].text).toBe('-2');
		expect(registerRows(registers, [], 'unsigned')[10].text).toBe('4294967294');
	});

	it('marks exactly the registers the last command changed', () => {
		const rows = registerRows(registers, [2, 10]);
		expect(rows.filter((r) => r.changed).map((r) => r.name)).toEqual(['x2', 'x10']);
	});
});
