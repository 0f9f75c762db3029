import { describe, expect, it } from 'vitest';
import { mva } from '../../../../src/lib/sim/queueing/mva.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('exact MVA (docs/sources.md: Queueing)', () => {
	it('D = [0.2, 0.1], Z = 1: X(1..5) = 0.769231 ... 3.310466', () => {
		const r = unwrap(mva({ demands: [0.2, 0.1], think: 1, n: 5 }));
		const expected = [0.769231, 1.494253, 2.165975, 2.77458, 3.310466];
		expect(r.X).toHaveLength(6);
		expect(r.X[0]).toBe(0);
		expected.forEach((x, i) => expect(r.X[i + 1]).toBeCloseTo(x, 6));
	});

	it('satisfies the response time law X(n) = n / (Z + R(n)) and R(1) = sum of demands', () => {
		const r = unwrap(mva({ demands: [0.2, 0.1], think: 1, n: 5 }));
		expect(r.R[1]).toBeCloseTo(0.3, 12);
		for (let n = 1; n <= 5; n++) expect(r.X[n]).toBeCloseTo(n / (1 + r.R[n]), 12);
		// Station queue lengths add up to the customers not thinking.
		const inQueues = r.stationQ.reduce((s, q) => s + q, 0);
		expect(inQueues).toBeCloseTo(5 - r.X[5] * 1, 10);
	});

	it('throughput stays under the bottleneck bound 1/Dmax and approaches it', () => {
		const r = unwrap(mva({ demands: [0.2, 0.1], think: 1, n: 200 }));
		for (const x of r.X) expect(x).toBeLessThanOrEqual(5 + 1e-12);
		expect(r.X[200]).toBeGreaterThan(4.99);
		expect(r.bounds.kneePopulation).toBeCloseTo(6.5, 12);
	});

	it('rejects empty demands, negative demands and n < 1 by name', () => {
		expect(mva({ demands: [], think: 1, n: 1 }).ok).toBe(false);
		const neg = mva({ demands: [0.1, -1], think: 1, n: 1 });
		expect(neg.ok ? '' : neg.error.param).toBe('demands[1]');
		const zero = mva({ demands: [0.1], think: 1, n: 0 });
		expect(zero.ok ? '' : zero.error.param).toBe('n');
	});
});
