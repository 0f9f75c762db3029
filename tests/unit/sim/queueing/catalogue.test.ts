import { describe, expect, it } from 'vitest';
import { modelLabel, responseTime } from '../../../../src/lib/sim/queueing/catalogue.ts';

const params = { c: 2, scv: 1 };

describe('queue model catalogue', () => {
	it('gives the docs/sources.md values in mean service times', () => {
		// M/M/1 with lambda 0.5, mu 1: W 2; lambda 0.9: W 10.
		expect(responseTime('mm1', 0.5, params)).toBeCloseTo(2, 12);
		expect(responseTime('mm1', 0.9, params)).toBeCloseTo(10, 12);
		// M/D/1 at rho 0.5: Wq 0.5, so W 1.5.
		expect(responseTime('md1', 0.5, params)).toBeCloseTo(1.5, 12);
		// M/M/2 with lambda = mu = 1 (rho 0.5 per server): Wq 1/3.
		expect(responseTime('mmc', 0.5, params)).toBeCloseTo(1 + 1 / 3, 12);
	});

	it('reproduces M/M/1 with exponential M/G/1 service and M/D/1 with constant service', () => {
		for (const rho of [0.1, 0.5, 0.8, 0.95]) {
			expect(responseTime('mg1', rho, { c: 1, scv: 1 })).toBeCloseTo(
				responseTime('mm1', rho, params)!,
				10
			);
			expect(responseTime('mg1', rho, { c: 1, scv: 0 })).toBeCloseTo(
				responseTime('md1', rho, params)!,
				10
			);
		}
	});

	it('returns null, not Infinity, at and beyond saturation', () => {
		for (const model of ['mm1', 'mmc', 'md1', 'mg1'] as const) {
			expect(responseTime(model, 1, params)).toBeNull();
			expect(responseTime(model, 1.2, params)).toBeNull();
		}
	});

	it('orders the models as queueing theory says at the same utilization', () => {
		const at = (model: 'mm1' | 'mmc' | 'md1' | 'mg1', scv = 1) =>
			responseTime(model, 0.8, { c: 4, scv })!;
		// Less service variability, less waiting; more servers sharing one queue, less waiting.
		expect(at('md1')).toBeLessThan(at('mm1'));
		expect(at('mg1', 3)).toBeGreaterThan(at('mm1'));
		expect(at('mmc')).toBeLessThan(at('mm1'));
	});

	it('labels the models in Kendall notation with their parameter', () => {
		expect(modelLabel('mmc', { c: 4, scv: 1 })).toBe('M/M/4');
		expect(modelLabel('mg1', { c: 1, scv: 2.5 })).toBe('M/G/1, SCV 2.5');
	});
});
