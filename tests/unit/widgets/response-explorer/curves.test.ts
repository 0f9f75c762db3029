import { describe, expect, it } from 'vitest';
import { utilizationGrid } from '../../../../src/lib/sim/queueing/catalogue.ts';
import { responseCurves } from '../../../../src/lib/widgets/response-explorer/curves.ts';

const params = { c: 2, scv: 1 };

describe('response-time curves', () => {
	it('builds one curve per model over the grid', () => {
		const rhos = utilizationGrid(0, 0.99, 100);
		expect(rhos).toHaveLength(100);
		expect(rhos[0]).toBe(0);
		expect(rhos[99]).toBeCloseTo(0.99, 12);
		const curves = responseCurves(['mm1', 'md1'], params, rhos);
		expect(curves.map((c) => c.label)).toEqual(['M/M/1', 'M/D/1']);
		expect(curves[0].values[0]).toBe(1); // no arrivals: W is the service time alone
		expect(curves[0].values[50]).toBeCloseTo(1 / (1 - rhos[50]), 10);
	});
});
