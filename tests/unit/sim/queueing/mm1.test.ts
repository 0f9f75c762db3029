import { describe, expect, it } from 'vitest';
import { mm1 } from '../../../../src/lib/sim/queueing/mm1.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('M/M/1 (docs/sources.md: Queueing)', () => {
	it('lambda 0.5, mu 1: L 1, W 2, Wq 1', () => {
		const r = unwrap(mm1({ lambda: 0.5, mu: 1 }));
		expect(r.rho).toBe(0.5);
		expect(r.L).toBeCloseTo(1, 12);
		expect(r.W).toBeCloseTo(2, 12);
		expect(r.Wq).toBeCloseTo(1, 12);
		expect(r.Lq).toBeCloseTo(0.5, 12);
	});

	it('lambda 0.9, mu 1: L 9, W 10', () => {
		const r = unwrap(mm1({ lambda: 0.9, mu: 1 }));
		expect(r.L).toBeCloseTo(9, 10);
		expect(r.W).toBeCloseTo(10, 10);
	});

	it("obeys Little's law L = lambda W and Lq = lambda Wq", () => {
		for (const lambda of [0.1, 0.37, 0.8, 0.99]) {
			const r = unwrap(mm1({ lambda, mu: 1 }));
			expect(r.L).toBeCloseTo(lambda * r.W, 9);
			expect(r.Lq).toBeCloseTo(lambda * r.Wq, 9);
		}
	});

	it('rejects rho >= 1 with a message naming lambda and mu', () => {
		const r = mm1({ lambda: 2, mu: 1 });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.param).toBe('lambda');
			expect(r.error.message).toBe('rho = 2 ≥ 1: the queue is unstable (lambda must be < mu)');
		}
		expect(mm1({ lambda: 1, mu: 1 }).ok).toBe(false);
	});

	it('rejects negative, zero and non-finite rates', () => {
		for (const [input, param] of [
			[{ lambda: -1, mu: 1 }, 'lambda'],
			[{ lambda: 0.5, mu: 0 }, 'mu'],
			[{ lambda: Number.NaN, mu: 1 }, 'lambda'],
			[{ lambda: 0.5, mu: Infinity }, 'mu']
		] as const) {
			const r = mm1(input);
			expect(r.ok ? null : r.error.param).toBe(param);
		}
	});
});
