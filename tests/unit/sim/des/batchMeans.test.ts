import { describe, expect, it } from 'vitest';
import {
	AdaptiveBatchMeans,
	BatchMeans,
	confidenceInterval,
	looksCorrelated,
	MAX_RELATIVE_HALF_WIDTH,
	MIN_BATCHES,
	MIN_TEST_BATCHES,
	vonNeumannZ
} from '../../../../src/lib/sim/des/batchMeans.ts';
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

describe('von Neumann lag-1 test (Fishman 1978; Young 1941)', () => {
	it('has mean 0 and variance (b - 2) / (b^2 - 1) on independent values, so z is standard normal', () => {
		const rng = new Random(5);
		const zs = Array.from({ length: 2000 }, () =>
			vonNeumannZ(Array.from({ length: 40 }, () => rng.normal()))
		);
		const mean = zs.reduce((a, z) => a + z, 0) / zs.length;
		const variance = zs.reduce((a, z) => a + (z - mean) ** 2, 0) / (zs.length - 1);
		// Standard errors: 1/sqrt(2000) = 0.022 for the mean, about 0.032 for the variance.
		expect(Math.abs(mean)).toBeLessThan(0.1);
		expect(Math.abs(variance - 1)).toBeLessThan(0.15);
		// About 10% of independent samples are called correlated (the test's level).
		const called = zs.filter((z) => z > 1.2816).length / zs.length;
		expect(Math.abs(called - 0.1)).toBeLessThan(0.025);
	});

	it('finds an AR(1) series with lag-1 correlation 0.5 correlated, and constants not', () => {
		const rng = new Random(6);
		let x = 0;
		const ar = Array.from({ length: 64 }, () => (x = 0.5 * x + rng.normal()));
		// C estimates the correlation: about 0.5 / sqrt(62 / 4095) = 4 standard deviations.
		expect(looksCorrelated(ar)).toBe(true);
		expect(vonNeumannZ(new Array(50).fill(3))).toBe(0);
	});
});

describe('batch size chosen from the run (LBATCH-style)', () => {
	it('keeps 256 to 511 short batches whose size doubles, in order', () => {
		const b = new AdaptiveBatchMeans();
		for (let i = 0; i < 10_000; i++) b.add(i);
		// 10,000 = 312 batches of 32 (+ 16 left over): the means of 0..31, 32..63, …
		expect(b.baseBatchSize).toBe(32);
		expect(b.batchMeans.length).toBe(312);
		expect(b.batchMeans[0]).toBe(15.5);
		expect(b.batchMeans[1]).toBe(47.5);
	});

	it('gives no interval below MIN_BATCHES batches, and says why', () => {
		const b = new AdaptiveBatchMeans();
		b.add(4.34316);
		const e = b.estimate();
		expect(e.ci).toBeNull();
		expect(e.warning?.code).toBe('too-few-batches');
		expect(e.warning?.message).toContain(`at least ${MIN_BATCHES}`);
	});

	it('accepts independent data at the first size and builds the interval on 32-63 batches', () => {
		const rng = new Random(8);
		const b = new AdaptiveBatchMeans();
		for (let i = 0; i < 40_000; i++) b.add(10 + rng.normal());
		const e = b.estimate();
		expect(e.warning).toBeNull();
		expect(e.ci!.batches).toBeGreaterThanOrEqual(MIN_TEST_BATCHES);
		expect(e.ci!.batches).toBeLessThan(2 * MIN_TEST_BATCHES);
		expect(e.ci!.low).toBeLessThan(10);
		expect(e.ci!.high).toBeGreaterThan(10);
	});

	it('warns and falls back to the fewest batches when correlation outlasts the run', () => {
		// A random walk: every batch mean remembers all the earlier ones.
		const rng = new Random(9);
		let x = 0;
		const b = new AdaptiveBatchMeans();
		for (let i = 0; i < 20_000; i++) b.add((x += rng.normal()));
		const e = b.estimate();
		expect(e.warning?.code).toBe('correlated');
		expect(e.ci!.batches).toBeGreaterThanOrEqual(MIN_BATCHES);
		expect(e.ci!.batches).toBeLessThan(2 * MIN_BATCHES);
	});

	it('flags an interval wider than ±15% of the mean as imprecise', () => {
		const rng = new Random(10);
		const b = new AdaptiveBatchMeans();
		for (let i = 0; i < 1000; i++) b.add(0.1 + rng.normal());
		expect(b.estimate().warning?.code).toBe('imprecise');
		expect(MAX_RELATIVE_HALF_WIDTH).toBe(0.15);
	});

	it('fixed batches: no interval below MIN_BATCHES, a warning when they are correlated', () => {
		const few = new BatchMeans(100);
		for (let i = 0; i < 900; i++) few.add(1);
		expect(few.estimate().ci).toBeNull();
		const rng = new Random(11);
		let x = 0;
		const walk = new BatchMeans(100);
		for (let i = 0; i < 4000; i++) walk.add((x += rng.normal()));
		expect(walk.estimate().warning?.code).toBe('correlated');
	});
});
