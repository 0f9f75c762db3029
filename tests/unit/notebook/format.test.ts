import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/lib/notebook/format.ts';
import { formatValue } from '../../../src/lib/notebook/formatValue.ts';
import { math } from '../../../src/lib/notebook/math.ts';

describe('formatNumber', () => {
	it('groups integers and keeps five significant digits otherwise', () => {
		expect(formatNumber(43800)).toBe('43,800');
		expect(formatNumber(12)).toBe('12');
		expect(formatNumber(3.14159265)).toBe('3.1416');
		expect(formatNumber(1234.5678)).toBe('1,234.6');
		expect(formatNumber(0.15)).toBe('0.15');
	});

	it('switches to exponent form for very large or small magnitudes', () => {
		expect(formatNumber(1e20)).toBe('1e+20');
		expect(formatNumber(-0.0000123)).toBe('-1.23e-5');
	});

	it('prints a plain hyphen for minus so a value can be pasted into a cell', () => {
		expect(formatNumber(-2.5)).toBe('-2.5');
	});

	it('names the non-finite values', () => {
		expect(formatNumber(NaN)).toBe('NaN');
		expect(formatNumber(-Infinity)).toBe('-Infinity');
	});
});

describe('formatValue', () => {
	it('formats units with mathjs prefixes and our number style', () => {
		expect(formatValue(math.evaluate('1200 W'))).toBe('1.2 kW');
		expect(formatValue(math.evaluate('123456.789 kWh to kWh'))).toBe('123,460 kWh');
	});

	it('formats matrices, booleans, strings and functions', () => {
		expect(formatValue(math.evaluate('[1, 2; 3, 4]'))).toBe('[[1, 2], [3, 4]]');
		expect(formatValue(true)).toBe('true');
		expect(formatValue('hi')).toBe('"hi"');
		expect(formatValue(math.evaluate('f(x) = x^2'))).toBe('f(x)');
		expect(formatValue(undefined)).toBe('');
	});
});
