import { describe, expect, it } from 'vitest';
import {
	formatGrid,
	formatNumber,
	formatTable,
	formatValue
} from '../../../../src/cli/model/format.ts';

describe('model output formatting', () => {
	it('rounds to 6 significant digits, groups thousands, uses exponents for extremes', () => {
		expect(formatNumber(2)).toBe('2');
		expect(formatNumber(15871.9999999)).toBe('15,872');
		expect(formatNumber(0.55411255411)).toBe('0.554113');
		expect(formatNumber(1234567)).toBe('1,234,567');
		expect(formatNumber(0.00001234)).toBe('1.2340e-5');
	});

	it('formats arrays, long arrays and missing values', () => {
		expect(formatValue([1, 2.5])).toBe('[1, 2.5]');
		expect(formatValue(Array.from({ length: 20 }, (_, i) => i))).toContain('… 20 values');
		expect(formatValue(null)).toBe('-');
	});

	it('aligns tables and grids', () => {
		expect(
			formatTable([
				['a', 1],
				['long', 2]
			])
		).toBe('a     1\nlong  2\n');
		expect(formatGrid(['x', 'y'], [[1, 10]])).toBe('x   y\n1  10\n');
	});

	it('formats 150,000 rows (Math.max(...widths) used to overflow the call stack)', () => {
		const rows = Array.from({ length: 150_000 }, (_, i) => [i, i / 2]);
		const grid = formatGrid(['n', 'half'], rows);
		expect(grid.split('\n')).toHaveLength(150_002); // header, rows, final newline
		const table = formatTable(rows.map(([k, v]): [string, unknown] => [String(k), v]));
		// Labels are padded to the longest, '149999': six characters.
		expect(table.split('\n')[0]).toBe('0       0');
	});
});
