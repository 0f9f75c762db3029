import { describe, expect, it } from 'vitest';
import {
	deterministic,
	empirical,
	erlang,
	exponential,
	fromMeanScv,
	hyperexponential,
	hyperexponentialFit,
	lognormal,
	lognormalFit,
	scv,
	uniform,
	type Distribution
} from '../../../src/lib/sim/distributions.ts';
import { Random } from '../../../src/lib/sim/random.ts';
import { unwrap } from '../../../src/lib/sim/result.ts';

/** Sample moments of n draws. */
function moments(d: Distribution, n: number, seed = 1): { mean: number; m2: number } {
	const rng = new Random(seed);
	let s = 0;
	let s2 = 0;
	for (let i = 0; i < n; i++) {
		const x = d.sample(rng);
		s += x;
		s2 += x * x;
	}
	return { mean: s / n, m2: s2 / n };
}

/** The sample mean lies within 5 standard errors of the declared mean. */
function expectMeanMatches(d: Distribution, n = 100_000): void {
	const { mean } = moments(d, n);
	const sd = Math.sqrt(Math.max(0, d.secondMoment - d.mean * d.mean));
	expect(Math.abs(mean - d.mean)).toBeLessThanOrEqual(5 * (sd / Math.sqrt(n)) + 1e-12);
}

describe('distributions: declared moments', () => {
	it('exponential(rate 2): mean 1/2, E[X^2] = 2/rate^2, SCV 1', () => {
		const d = unwrap(exponential(2));
		expect(d.mean).toBe(0.5);
		expect(d.secondMoment).toBe(0.5);
		expect(scv(d)).toBeCloseTo(1, 12);
	});

	it('deterministic(3): mean 3, E[X^2] 9, SCV 0, always 3', () => {
		const d = unwrap(deterministic(3));
		expect([d.mean, d.secondMoment, scv(d)]).toEqual([3, 9, 0]);
		expect(d.sample(new Random(1))).toBe(3);
	});

	it('uniform(1, 3): mean 2, E[X^2] = 13/3', () => {
		const d = unwrap(uniform(1, 3));
		expect(d.mean).toBe(2);
		expect(d.secondMoment).toBeCloseTo(13 / 3, 12);
	});

	it('Erlang-4 with mean 2: SCV 1/4', () => {
		const d = unwrap(erlang(4, 2));
		expect(d.mean).toBe(2);
		expect(scv(d)).toBeCloseTo(0.25, 12);
	});

	it('hyperexponential: E[X] = sum p/r, E[X^2] = sum 2p/r^2', () => {
		const d = unwrap(hyperexponential([0.25, 0.75], [1, 3]));
		expect(d.mean).toBeCloseTo(0.25 + 0.25, 12);
		expect(d.secondMoment).toBeCloseTo(0.5 + 1.5 / 9, 12);
	});

	it('hyperexponentialFit reaches the requested mean and SCV', () => {
		const d = unwrap(hyperexponentialFit(2, 4));
		expect(d.mean).toBeCloseTo(2, 12);
		expect(scv(d)).toBeCloseTo(4, 10);
	});

	it('lognormalFit reaches the requested mean and coefficient of variation', () => {
		const d = unwrap(lognormalFit(5, 0.5));
		expect(d.mean).toBeCloseTo(5, 10);
		expect(scv(d)).toBeCloseTo(0.25, 10);
		const l = unwrap(lognormal(0, 1));
		expect(l.mean).toBeCloseTo(Math.exp(0.5), 12);
		expect(l.secondMoment).toBeCloseTo(Math.exp(2), 12);
	});

	it('empirical: moments of the values themselves', () => {
		const d = unwrap(empirical([1, 2, 3, 6]));
		expect(d.mean).toBe(3);
		expect(d.secondMoment).toBe((1 + 4 + 9 + 36) / 4);
		const rng = new Random(2);
		for (let i = 0; i < 100; i++) expect([1, 2, 3, 6]).toContain(d.sample(rng));
	});

	it('fromMeanScv picks deterministic, Erlang, exponential and hyperexponential', () => {
		expect(scv(unwrap(fromMeanScv(1, 0)))).toBe(0);
		expect(scv(unwrap(fromMeanScv(1, 0.5)))).toBeCloseTo(0.5, 12);
		expect(scv(unwrap(fromMeanScv(1, 1)))).toBeCloseTo(1, 12);
		expect(scv(unwrap(fromMeanScv(1, 9)))).toBeCloseTo(9, 10);
	});
});

describe('distributions: samples agree with declared moments', () => {
	const cases: [string, Distribution][] = [
		['exponential', unwrap(exponential(0.5))],
		['uniform', unwrap(uniform(2, 4))],
		['erlang', unwrap(erlang(3, 1.5))],
		['hyperexponential', unwrap(hyperexponentialFit(1, 5))],
		['lognormal', unwrap(lognormalFit(2, 0.8))],
		['empirical', unwrap(empirical([0.5, 1, 4]))]
	];
	for (const [name, d] of cases) {
		it(`${name}: sample mean within 5 standard errors`, () => expectMeanMatches(d));
	}

	it('exponential sample second moment is close to 2/rate^2', () => {
		const { m2 } = moments(unwrap(exponential(1)), 200_000, 11);
		expect(Math.abs(m2 - 2)).toBeLessThan(0.06);
	});

	it('is reproducible: same seed, same samples', () => {
		const d = unwrap(lognormalFit(1, 1));
		expect(moments(d, 1000, 4)).toEqual(moments(d, 1000, 4));
	});
});

describe('distributions: invalid parameters name the parameter', () => {
	it.each([
		[() => exponential(0), 'rate'],
		[() => exponential(-1), 'rate'],
		[() => exponential(Number.NaN), 'rate'],
		[() => deterministic(-1), 'value'],
		[() => uniform(3, 1), 'high'],
		[() => erlang(0, 1), 'k'],
		[() => erlang(2, 0), 'mean'],
		[() => hyperexponential([0.5, 0.4], [1, 2]), 'probabilities'],
		[() => hyperexponential([0.5, 0.5], [1, -2]), 'rates[1]'],
		[() => hyperexponentialFit(1, 0.5), 'scv'],
		[() => lognormal(0, -1), 'sigma'],
		[() => empirical([]), 'values'],
		[() => empirical([1, -1]), 'values[1]'],
		[() => fromMeanScv(1, -1), 'scv']
	])('%#: rejects with param %s', (make, param) => {
		const r = make();
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.param).toBe(param);
			expect(r.error.message).toContain(param);
		}
	});
});
