import { describe, expect, it } from 'vitest';
import {
	evaluateNumber,
	MAX_EXPRESSION_LENGTH,
	tryNumber
} from '../../../src/lib/labs/expressions.ts';

describe('evaluateNumber', () => {
	it('evaluates mathjs in the scope of the parameters', () => {
		expect(evaluateNumber('2 * reference + N', { reference: 10, N: 3 })).toBe(23);
		expect(evaluateNumber('3 ms', {})).toBe(3);
	});

	it('refuses what is not a finite number', () => {
		expect(() => evaluateNumber('1 / 0', {})).toThrow("'1 / 0' does not give a number");
		expect(() => evaluateNumber('"text"', {})).toThrow();
		expect(() => evaluateNumber('unknownName', {})).toThrow();
	});
});

describe('tryNumber', () => {
	it('gives undefined for a bad or overlong expression', () => {
		expect(tryNumber('2 +', {})).toBeUndefined();
		expect(tryNumber('1+'.repeat(MAX_EXPRESSION_LENGTH) + '1', {})).toBeUndefined();
		expect(tryNumber('N / 2', { N: 9 })).toBe(4.5);
	});

	it('accepts arithmetic only from a student', () => {
		expect(tryNumber('sqrt(16) + max(1, 2)^2', {})).toBe(8);
		expect(tryNumber('zeros(100000, 100000)', {})).toBeUndefined();
		expect(tryNumber('f(x) = x', {})).toBeUndefined();
		expect(tryNumber('[1, 2]', {})).toBeUndefined();
	});
});
