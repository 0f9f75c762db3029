import { describe, expect, it } from 'vitest';
import { jackson } from '../../../../src/lib/sim/queueing/jackson.ts';
import { mm1 } from '../../../../src/lib/sim/queueing/mm1.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('open Jackson networks', () => {
	it('a single station with no routing is M/M/1', () => {
		const r = unwrap(jackson({ gamma: [0.5], mu: [1], routing: [[0]] }));
		expect(r.W).toBeCloseTo(unwrap(mm1({ lambda: 0.5, mu: 1 })).W, 12);
	});

	it('feedback: a job returns with probability 0.5, so the station sees lambda = 2 gamma', () => {
		const r = unwrap(jackson({ gamma: [0.2], mu: [1], routing: [[0.5]] }));
		expect(r.lambda[0]).toBeCloseTo(0.4, 12);
		expect(r.visits[0]).toBeCloseTo(2, 12);
		// L of M/M/1 at rho 0.4; W = L / gamma.
		expect(r.L).toBeCloseTo(0.4 / 0.6, 12);
		expect(r.W).toBeCloseTo(0.4 / 0.6 / 0.2, 12);
	});

	it('tandem stations add their response times', () => {
		const r = unwrap(
			jackson({
				gamma: [0.5, 0],
				mu: [1, 2],
				routing: [
					[0, 1],
					[0, 0]
				]
			})
		);
		expect(r.lambda).toEqual([0.5, 0.5]);
		expect(r.W).toBeCloseTo(1 / (1 - 0.5) + 1 / (2 - 0.5), 12);
	});

	it('names the unstable station and rejects closed routing', () => {
		const unstable = jackson({ gamma: [0.6], mu: [1], routing: [[0.5]] });
		expect(unstable.ok ? '' : unstable.error.param).toBe('mu[0]');
		const closed = jackson({
			gamma: [1, 0],
			mu: [5, 5],
			routing: [
				[0, 1],
				[1, 0]
			]
		});
		expect(closed.ok ? '' : closed.error.param).toBe('routing');
		const badRow = jackson({ gamma: [1], mu: [5], routing: [[1.5]] });
		expect(badRow.ok ? '' : badRow.error.param).toBe('routing[0][0]');
	});
});
