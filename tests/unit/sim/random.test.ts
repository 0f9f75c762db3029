import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/lib/sim/random.ts';

describe('Random (xoshiro128** seeded by splitmix32)', () => {
	it('matches the reference xoshiro128** outputs from state {1, 2, 3, 4}', () => {
		// Reference vector computed with an independent (Python) transcription of the published
		// algorithm; the first is rotl(2 * 5, 7) * 9 = 11520 by hand.
		const r = Random.fromState(1, 2, 3, 4);
		const outputs = Array.from({ length: 6 }, () => r.nextUint32());
		expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
	});

	it('gives the same sequence for the same seed and a different one for another seed', () => {
		const a = new Random(7);
		const b = new Random(7);
		const c = new Random(8);
		const seqA = Array.from({ length: 16 }, () => a.nextUint32());
		const seqB = Array.from({ length: 16 }, () => b.nextUint32());
		const seqC = Array.from({ length: 16 }, () => c.nextUint32());
		expect(seqA).toEqual(seqB);
		expect(seqA).not.toEqual(seqC);
	});

	it('works from seed 0 and returns unsigned 32-bit integers', () => {
		const r = new Random(0);
		for (let i = 0; i < 1000; i++) {
			const x = r.nextUint32();
			expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
		}
	});

	it('produces uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
		const r = new Random(42);
		const n = 200_000;
		let sum = 0;
		let sum2 = 0;
		let min = 1;
		let max = 0;
		for (let i = 0; i < n; i++) {
			const u = r.uniform();
			sum += u;
			sum2 += u * u;
			min = Math.min(min, u);
			max = Math.max(max, u);
		}
		const mean = sum / n;
		// Standard error of the mean is sqrt(1/12 / n) ~ 0.00065: allow 5 of them.
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
		expect(Math.abs(sum2 / n - mean * mean - 1 / 12)).toBeLessThan(0.001);
		expect(min).toBeGreaterThanOrEqual(0);
		expect(max).toBeLessThan(1);
	});

	it('fills the bins of a histogram evenly (chi-square, 16 bins)', () => {
		const r = new Random(3);
		const bins = new Array(16).fill(0);
		const n = 160_000;
		for (let i = 0; i < n; i++) bins[r.integer(16)]++;
		const expected = n / 16;
		const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
		// 15 degrees of freedom: the 99.9% quantile is 37.7.
		expect(chi2).toBeLessThan(37.7);
	});

	it('draws standard normals with mean 0 and variance 1', () => {
		const r = new Random(5);
		const n = 100_000;
		let sum = 0;
		let sum2 = 0;
		for (let i = 0; i < n; i++) {
			const z = r.normal();
			sum += z;
			sum2 += z * z;
		}
		expect(Math.abs(sum / n)).toBeLessThan(0.016);
		expect(Math.abs(sum2 / n - 1)).toBeLessThan(0.025);
	});

	it('forks independent, reproducible streams', () => {
		const f1 = new Random(9).fork();
		const f2 = new Random(9).fork();
		expect(f1.nextUint32()).toBe(f2.nextUint32());
		const parent = new Random(9);
		const child = parent.fork();
		expect(child.nextUint32()).not.toBe(parent.nextUint32());
	});
});
