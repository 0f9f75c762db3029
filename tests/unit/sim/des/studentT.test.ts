import { describe, expect, it } from 'vitest';
import {
	incompleteBeta,
	studentTCdf,
	studentTQuantile
} from '../../../../src/lib/sim/des/studentT.ts';

describe("Student's t quantiles", () => {
	// Values from standard t tables (two-sided 95%: the 0.975 quantile).
	it.each([
		[1, 12.7062],
		[2, 4.3027],
		[5, 2.5706],
		[9, 2.2622],
		[19, 2.093],
		[29, 2.0452],
		[120, 1.9799]
	])('t(0.975, df %i) = %f', (df, t) => {
		expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
	});

	it('tends to the normal quantile 1.95996 for large df', () => {
		expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 4);
	});

	it('is symmetric and inverts the CDF', () => {
		expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
		expect(studentTQuantile(0.5, 3)).toBe(0);
		expect(studentTCdf(studentTQuantile(0.9, 4), 4)).toBeCloseTo(0.9, 9);
		// df = 1 is the Cauchy distribution: CDF(1) = 3/4.
		expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
	});

	it('incomplete beta: I_x(1, 1) = x and I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
		expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
		expect(incompleteBeta(0.2, 2.5, 4)).toBeCloseTo(1 - incompleteBeta(0.8, 4, 2.5), 12);
	});

	it('rejects p outside (0, 1) and df < 1', () => {
		expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
		expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
	});
});
