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
});
