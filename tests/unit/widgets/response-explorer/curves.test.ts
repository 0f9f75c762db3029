import { describe, expect, it } from 'vitest';
import { utilizationGrid } from '../../../../src/lib/sim/queueing/catalogue.ts';
import {
	explorerLabel,
	responseCurves
} from '../../../../src/lib/widgets/response-explorer/curves.ts';

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

	it('does not call M/M/c with one server a second M/M/1', () => {
		const curves = responseCurves(['mm1', 'mmc'], { c: 1, scv: 1 }, [0.5]);
		const labels = curves.map((c) => c.label);
		expect(new Set(labels).size).toBe(2);
		expect(labels[1]).toContain('c = 1');
		expect(explorerLabel('mmc', { c: 4, scv: 1 })).toBe('M/M/4');
		// The two curves are the same queue.
		expect(curves[1].values[0]).toBeCloseTo(curves[0].values[0]!, 10);
	});
});
