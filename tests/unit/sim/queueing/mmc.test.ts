import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc } from '../../../../src/lib/sim/queueing/mmc.ts';
import { mm1 } from '../../../../src/lib/sim/queueing/mm1.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

/** Erlang C by the textbook closed form, for small c only. */
function erlangCDirect(c: number, a: number): number {
	let sum = 0;
	let term = 1;
	for (let k = 0; k < c; k++) {
		if (k > 0) term *= a / k;
		sum += term;
	}
	const last = (term * a) / c / (1 - a / c);
	return last / (sum + last);
}

describe('M/M/c (docs/sources.md: Queueing)', () => {
	it('M/M/2 with lambda = mu = 1: C = 1/3, Wq = 1/3', () => {
		const r = unwrap(mmc({ lambda: 1, mu: 1, c: 2 }));
		expect(r.C).toBeCloseTo(1 / 3, 12);
		expect(r.Wq).toBeCloseTo(1 / 3, 12);
	});

	it('M/M/5 with a = 4: C = 0.55411, Lq = 2.21645', () => {
		const r = unwrap(mmc({ lambda: 4, mu: 1, c: 5 }));
		expect(r.C).toBeCloseTo(0.55411, 5);
		expect(r.Lq).toBeCloseTo(2.21645, 5);
		expect(r.rho).toBe(0.8);
	});

	it('with one server it is M/M/1', () => {
		const a = unwrap(mmc({ lambda: 0.7, mu: 1, c: 1 }));
		const b = unwrap(mm1({ lambda: 0.7, mu: 1 }));
		expect(a.W).toBeCloseTo(b.W, 12);
		expect(a.C).toBeCloseTo(0.7, 12); // P(wait) = rho for M/M/1
	});

	it('the recurrence matches the closed form for small c', () => {
		for (const [c, a] of [
			[3, 2.5],
			[10, 7],
			[20, 19.5]
		]) {
			expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 10);
		}
	});

	it('stays finite and in [0, 1] for thousands of servers', () => {
		const C = erlangC(5000, 4900);
		expect(Number.isFinite(C)).toBe(true);
		expect(C).toBeGreaterThan(0);
		expect(C).toBeLessThan(1);
		expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
	});

	it('rejects unstable loads and bad server counts by name', () => {
		const r = mmc({ lambda: 5, mu: 1, c: 5 });
		expect(r.ok ? '' : r.error.message).toContain('≥ 1');
		expect(r.ok ? '' : r.error.param).toBe('lambda');
		const none = mmc({ lambda: 1, mu: 1, c: 0 });
		expect(none.ok ? '' : none.error.param).toBe('c');
		const frac = mmc({ lambda: 1, mu: 1, c: 2.5 });
		expect(frac.ok ? '' : frac.error.param).toBe('c');
	});
});
