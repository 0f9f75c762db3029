/**
 * The notebook's mathjs instance: `ceil` and `floor` of a number are computed faster than mathjs
 * does (math.ts) and must give exactly what mathjs gives, rounding noise forgiven the same way.
 */
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { math } from '../../../src/lib/notebook/math.ts';

const mathjs = create(all, {});

/** Numbers where ceil and floor are decided: near integers, near halves, and anywhere. */
const numbers = fc.oneof(
	fc.double({ noNaN: false }),
	fc.double({ min: -1e6, max: 1e6 }),
	fc
		.tuple(
			fc.integer({ min: -1e9, max: 1e9 }),
			fc.constantFrom(0, 0.5, -0.5),
			fc.integer({ min: -20, max: 20 }),
			fc.constantFrom(1, 1e3, 1e6, 1e9, 1e12, 1e15)
		)
		// k (or k + ½) scaled, nudged by a few units in the last place.
		.map(([k, half, ulps, scale]) => {
			const x = (k + half) * scale;
			return x + ulps * Number.EPSILON * Math.max(1, Math.abs(x));
		})
);

describe('ceil and floor of a number', () => {
	it('forgive rounding noise as mathjs does', () => {
		expect(math.evaluate('ceil(0.1 * 3 * 10)')).toBe(3);
		expect(math.evaluate('floor(0.7 * 3 * 10)')).toBe(21);
		expect(math.evaluate('ceil(2.5)')).toBe(3);
		expect(math.evaluate('floor(-2.5)')).toBe(-3);
		expect(math.evaluate('ceil(40 * 0.2 / 0.6)')).toBe(14);
	});

	it('give what mathjs gives for any number', () => {
		fc.assert(
			fc.property(numbers, (x) => {
				expect(Object.is(math.ceil(x), mathjs.ceil(x)), `ceil(${x})`).toBe(true);
				expect(Object.is(math.floor(x), mathjs.floor(x)), `floor(${x})`).toBe(true);
			}),
			{ numRuns: 20_000 }
		);
	});

	it('keep the other forms: decimals, units, matrices and big numbers', () => {
		expect(math.evaluate('ceil(3.14159, 2)')).toBe(3.15);
		expect(math.evaluate('floor([1.5, -1.5])').toArray()).toEqual([1, -2]);
		expect(math.evaluate('ceil(3.2 cm, cm)').toString()).toBe('4 cm');
		expect(math.ceil(math.bignumber('2.1')).toString()).toBe('3');
	});
});
