import { describe, expect, it } from 'vitest';
import { BatchMeans, confidenceInterval } from '../../../../src/lib/sim/des/batchMeans.ts';
import { Random } from '../../../../src/lib/sim/random.ts';

describe('batch means', () => {
	it('groups observations into consecutive batches and ignores leftovers', () => {
		const b = new BatchMeans(3);
		for (const x of [1, 2, 3, 4, 5, 6, 100]) b.add(x);
		expect(b.batchMeans).toEqual([2, 5]);
	});

	it('builds the t interval mean ± t(0.975, b-1) s / sqrt(b)', () => {
		const ci = confidenceInterval([1, 2, 3, 4, 5]);
		expect(ci).not.toBeNull();
		// s = sqrt(2.5), t(0.975, 4) = 2.776445
		expect(ci!.mean).toBe(3);
		expect(ci!.halfWidth).toBeCloseTo((2.776445 * Math.sqrt(2.5)) / Math.sqrt(5), 5);
		expect(ci!.low).toBeCloseTo(3 - ci!.halfWidth, 12);
	});

	it('needs two batches', () => {
		expect(confidenceInterval([1])).toBeNull();
		const b = new BatchMeans(10);
		b.add(1);
		expect(b.interval()).toBeNull();
	});

	it('covers the true mean of independent normals about 95% of the time', () => {
		const rng = new Random(12);
		let covered = 0;
		const trials = 400;
		for (let t = 0; t < trials; t++) {
			const values = Array.from({ length: 10 }, () => 3 + rng.normal());
			const ci = confidenceInterval(values)!;
			if (ci.low <= 3 && 3 <= ci.high) covered++;
		}
		// Binomial(400, 0.95): mean 380, sd 4.4; 365..395 is beyond 3 sd either way.
		expect(covered).toBeGreaterThan(365);
		expect(covered).toBeLessThan(395);
	});

	it('rejects a batch size below 1', () => {
		expect(() => new BatchMeans(0)).toThrow(RangeError);
	});
});
