import { describe, expect, it } from 'vitest';
import { md1 } from '../../../../src/lib/sim/queueing/md1.ts';
import { mm1 } from '../../../../src/lib/sim/queueing/mm1.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('M/D/1 (docs/sources.md: Queueing)', () => {
	it('rho 0.5, mu 1: Wq 0.5', () => {
		const r = unwrap(md1({ lambda: 0.5, mu: 1 }));
		expect(r.Wq).toBeCloseTo(0.5, 12);
		expect(r.W).toBeCloseTo(1.5, 12);
		expect(r.scv).toBe(0);
	});

	it('Wq = rho / (2 mu (1 - rho)): half the M/M/1 wait', () => {
		for (const [lambda, mu] of [
			[0.3, 1],
			[1.8, 2],
			[9, 10]
		]) {
			const rho = lambda / mu;
			const r = unwrap(md1({ lambda, mu }));
			expect(r.Wq).toBeCloseTo(rho / (2 * mu * (1 - rho)), 10);
			expect(r.Wq).toBeCloseTo(unwrap(mm1({ lambda, mu })).Wq / 2, 10);
		}
	});

	it('rejects rho >= 1 naming lambda and mu', () => {
		const r = md1({ lambda: 1, mu: 1 });
		expect(r.ok ? '' : r.error.message).toBe(
			'rho = 1 ≥ 1: the queue is unstable (lambda must be < mu)'
		);
	});
});
