import { describe, expect, it } from 'vitest';
import { evaluateRequirement, holds, parseComparison } from '../../../src/lib/labs/requirement.ts';

describe('parseComparison', () => {
	it('splits one comparison into its sides, as mathjs spells them', () => {
		expect(parseComparison('ABOVE-BELOW <= 16')).toEqual({
			left: 'ABOVE - BELOW',
			operator: '<=',
			right: '16'
		});
		expect(parseComparison('(N != 2 * M)')).toEqual({ left: 'N', operator: '!=', right: '2 * M' });
	});

	it('refuses what is not one comparison', () => {
		expect(parseComparison('ABOVE - BELOW')).toBeUndefined();
		expect(parseComparison('1 < LOW < 3')).toBeUndefined();
		expect(parseComparison('LOW <= (')).toBeUndefined();
		expect(parseComparison('LOW and HIGH')).toBeUndefined();
	});
});

describe('evaluateRequirement', () => {
	it('gives both sides and whether the comparison holds', () => {
		expect(evaluateRequirement('ABOVE - BELOW <= 16', { ABOVE: 96, BELOW: 32 })).toEqual({
			comparison: { left: 'ABOVE - BELOW', operator: '<=', right: '16' },
			holds: false,
			left: 64,
			right: 16
		});
		expect(evaluateRequirement('HIGH > LOW', { LOW: 1, HIGH: 2 }).holds).toBe(true);
	});

	it('throws for a name missing from the scope, and for what is not a comparison', () => {
		expect(() => evaluateRequirement('LOW < HIGH', { LOW: 1 })).toThrow(/Undefined symbol HIGH/);
		expect(() => evaluateRequirement('LOW + HIGH', { LOW: 1, HIGH: 2 })).toThrow(
			/not one comparison/
		);
	});
});

describe('holds', () => {
	it('compares as each operator says, at the boundary too', () => {
		expect([holds(1, '<=', 1), holds(1, '<', 1), holds(1, '>=', 1), holds(1, '>', 1)]).toEqual([
			true,
			false,
			true,
			false
		]);
		expect([holds(2, '==', 2), holds(2, '!=', 2)]).toEqual([true, false]);
	});
});
