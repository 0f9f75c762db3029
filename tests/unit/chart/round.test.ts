import { describe, expect, it } from 'vitest';
import { round } from '../../../src/lib/chart/round.ts';

describe('pixel rounding', () => {
	it('keeps two decimals', () => {
		expect(round(12.3456)).toBe(12.35);
		expect(round(-0.004)).toBe(-0);
		expect(round(7)).toBe(7);
	});
});
