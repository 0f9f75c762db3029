import { describe, expect, it } from 'vitest';
import { pack } from '../../../../src/lib/sim/placement/binPacking.ts';
import { estimateOverload, wilsonInterval } from '../../../../src/lib/sim/placement/overload.ts';

const cap = { cpu: 10, memory: 100 };

describe('probability of overload (Monte Carlo)', () => {
	it('is zero when demand never varies and hosts are not over capacity', () => {
		const vms = [
			{ cpu: 5, memory: 1, cv: 0 },
			{ cpu: 5, memory: 1, cv: 0 }
		];
		const p = pack(vms, cap, 'first-fit');
		const e = estimateOverload(vms, p, 10, { trials: 200, seed: 1, threshold: 1 });
		expect(e.anyHost).toBe(0);
		expect(e.perHost).toEqual([0]);
	});

	it('grows with variability and with how full the hosts are packed', () => {
		const make = (cpu: number, cv: number) =>
			Array.from({ length: 4 }, () => ({ cpu, memory: 1, cv }));
		const est = (cpu: number, cv: number) => {
			const vms = make(cpu, cv);
			return estimateOverload(vms, pack(vms, cap, 'first-fit'), 10, {
				trials: 4000,
				seed: 3,
				threshold: 1
			}).anyHost;
		};
		// Hosts 80% full on average: more variability, more overload.
		expect(est(2, 0.5)).toBeGreaterThan(est(2, 0.2));
		// Same variability, fuller host: more overload.
		expect(est(2, 0.5)).toBeLessThan(est(2.4, 0.5));
		// A host packed to its mean capacity overloads often.
		expect(est(2.5, 0.3)).toBeGreaterThan(0.3);
	});

	it('matches a simple case computed independently: one VM, lognormal tail', () => {
		// One VM of mean 5, cv 1 alone on a host of 10: P(X > 10) for the lognormal with
		// sigma^2 = ln 2, mu = ln 5 - sigma^2/2 is 1 - Phi((ln 10 - mu)/sigma) = 0.10586.
		const vms = [{ cpu: 5, memory: 1, cv: 1 }];
		const e = estimateOverload(vms, pack(vms, cap, 'first-fit'), 10, {
			trials: 20_000,
			seed: 8,
			threshold: 1
		});
		// Standard error sqrt(0.106 x 0.894 / 20000) = 0.0022: allow 4 of them.
		expect(Math.abs(e.anyHost - 0.10586)).toBeLessThan(0.0088);
		expect(e.anyHostCi[0]).toBeLessThan(e.anyHost);
	});

	it('is reproducible for a seed', () => {
		const vms = Array.from({ length: 6 }, () => ({ cpu: 3, memory: 1, cv: 0.4 }));
		const p = pack(vms, cap, 'first-fit');
		const opts = { trials: 500, seed: 5, threshold: 1 };
		expect(estimateOverload(vms, p, 10, opts)).toEqual(estimateOverload(vms, p, 10, opts));
	});
});

describe('Wilson score interval (Wilson 1927)', () => {
	it('matches the published examples of Newcombe (Statistics in Medicine 17, 1998, Table II)', () => {
		const cases: [number, number, number, number][] = [
			[81, 263, 0.2553, 0.3662],
			[15, 148, 0.0624, 0.1605],
			[0, 20, 0, 0.1611],
			[1, 29, 0.0061, 0.1718]
		];
		for (const [x, n, low, high] of cases) {
			const [l, h] = wilsonInterval(x, n);
			expect(l).toBeCloseTo(low, 4);
			expect(h).toBeCloseTo(high, 4);
		}
	});

	it('no overload in 100 trials gives [0, z²/(n + z²)] = [0, 0.037], not [0, 0]', () => {
		const vms = [{ cpu: 5, memory: 1, cv: 0 }];
		const e = estimateOverload(vms, pack(vms, cap, 'first-fit'), 10, {
			trials: 100,
			seed: 1,
			threshold: 1
		});
		expect(e.anyHost).toBe(0);
		const z2 = 1.959963984540054 ** 2;
		expect(e.anyHostCi[0]).toBe(0);
		expect(e.anyHostCi[1]).toBeCloseTo(z2 / (100 + z2), 12);
	});
});
