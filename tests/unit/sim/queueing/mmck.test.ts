import { describe, expect, it } from 'vitest';
import { mmck, mmckProbabilities } from '../../../../src/lib/sim/queueing/mmck.ts';
import { mmc } from '../../../../src/lib/sim/queueing/mmc.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('M/M/c/K (docs/sources.md: Queueing)', () => {
	it('M/M/1/3 with lambda 0.5, mu 1: p0 0.5333, pK 0.0667, L 0.7333', () => {
		const r = unwrap(mmck({ lambda: 0.5, mu: 1, c: 1, k: 3 }));
		expect(r.p0).toBeCloseTo(0.5333, 4);
		expect(r.pK).toBeCloseTo(0.0667, 4);
		expect(r.L).toBeCloseTo(0.7333, 4);
	});

	it('M/M/2/4 with lambda 2, mu 1: pK 0.2222, L 2.2222', () => {
		const r = unwrap(mmck({ lambda: 2, mu: 1, c: 2, k: 4 }));
		expect(r.pK).toBeCloseTo(0.2222, 4);
		expect(r.L).toBeCloseTo(2.2222, 4);
		expect(r.lambdaEff).toBeCloseTo(2 * (1 - 2 / 9), 12);
		expect(r.W).toBeCloseTo(r.L / r.lambdaEff, 12);
	});

	it('is stable at any load: rho = 3 still has an answer, and loses most arrivals', () => {
		const r = unwrap(mmck({ lambda: 3, mu: 1, c: 1, k: 10 }));
		expect(r.rho).toBe(3);
		expect(r.utilization).toBeLessThan(1);
		expect(r.pK).toBeGreaterThan(0.6);
	});

	it('approaches M/M/c as K grows', () => {
		const finite = unwrap(mmck({ lambda: 4, mu: 1, c: 5, k: 2000 }));
		const infinite = unwrap(mmc({ lambda: 4, mu: 1, c: 5 }));
		expect(finite.L).toBeCloseTo(infinite.L, 8);
	});

	it('probabilities sum to 1 and survive huge c and K without overflow', () => {
		const p = mmckProbabilities(900, 1, 1000, 5000);
		let sum = 0;
		for (const x of p) {
			expect(Number.isFinite(x)).toBe(true);
			sum += x;
		}
		expect(sum).toBeCloseTo(1, 10);
	});

	it('rejects k < c by name', () => {
		const r = mmck({ lambda: 1, mu: 1, c: 3, k: 2 });
		expect(r.ok ? '' : r.error.param).toBe('k');
	});
});
