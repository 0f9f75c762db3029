import { describe, expect, it } from 'vitest';
import { exponential, erlang } from '../../../../src/lib/sim/distributions.ts';
import { mg1, mg1Distribution } from '../../../../src/lib/sim/queueing/mg1.ts';
import { mm1 } from '../../../../src/lib/sim/queueing/mm1.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('M/G/1, Pollaczek–Khinchine (docs/sources.md: Queueing)', () => {
	it('Wq = lambda E[S^2] / (2 (1 - rho)): lambda 0.6, E[S] 1, E[S^2] 3 gives Wq 2.25', () => {
		const r = unwrap(mg1({ lambda: 0.6, es: 1, es2: 3 }));
		expect(r.rho).toBeCloseTo(0.6, 12);
		expect(r.Wq).toBeCloseTo(2.25, 12);
		expect(r.W).toBeCloseTo(3.25, 12);
		expect(r.L).toBeCloseTo(0.6 * 3.25, 12);
		expect(r.scv).toBeCloseTo(2, 12);
	});

	it('exponential service reproduces M/M/1', () => {
		for (const lambda of [0.2, 0.5, 0.9]) {
			const g = unwrap(mg1Distribution(lambda, unwrap(exponential(1))));
			const m = unwrap(mm1({ lambda, mu: 1 }));
			expect(g.W).toBeCloseTo(m.W, 10);
			expect(g.Lq).toBeCloseTo(m.Lq, 10);
		}
	});

	it('less service variability, less waiting', () => {
		const exp = unwrap(mg1Distribution(0.8, unwrap(exponential(1))));
		const erl = unwrap(mg1Distribution(0.8, unwrap(erlang(4, 1))));
		expect(erl.Wq).toBeLessThan(exp.Wq);
	});

	it('rejects a second moment below the squared mean, and rho >= 1', () => {
		const r = mg1({ lambda: 0.5, es: 1, es2: 0.5 });
		expect(r.ok ? '' : r.error.param).toBe('es2');
		const u = mg1({ lambda: 1, es: 1, es2: 2 });
		expect(u.ok ? '' : u.error.param).toBe('lambda');
	});
});
