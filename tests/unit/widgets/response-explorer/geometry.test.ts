import { describe, expect, it } from 'vitest';
import {
	responseCurves,
	utilizationGrid
} from '../../../../src/lib/widgets/response-explorer/curves.ts';
import { explorerGeometry } from '../../../../src/lib/widgets/response-explorer/geometry.ts';

const rhos = utilizationGrid(0, 0.99, 12);
const curves = responseCurves(['mm1', 'mmc', 'md1', 'mg1'], { c: 2, scv: 2 }, rhos);

describe('response explorer geometry', () => {
	it('draws every model on a fixed linear axis (snapshot)', () => {
		const g = explorerGeometry({ rhos, curves, width: 360, height: 240, logy: false, ymax: 20 });
		expect(g.y.domain()).toEqual([0, 20]);
		expect(g.paths).toMatchSnapshot();
		expect(g.xTicks.map((t) => t.label)).toMatchSnapshot();
	});

	it('keeps coordinates finite near saturation by capping values above the chart', () => {
		const g = explorerGeometry({ rhos, curves, width: 360, height: 240, logy: false, ymax: 20 });
		for (const d of g.paths) {
			expect(d).not.toMatch(/NaN|Infinity/);
			const ys = [...d.matchAll(/[ML][\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
			// Never more than three chart heights above the top edge.
			expect(Math.min(...ys)).toBeGreaterThan(g.top - 3 * (g.bottom - g.top) - 1);
		}
	});

	it('switches to a log axis from 1 to 100 service times', () => {
		const g = explorerGeometry({ rhos, curves, width: 640, height: 300, logy: true, ymax: 20 });
		expect(g.y.domain()).toEqual([1, 100]);
		expect(g.yTicks.map((t) => t.value)).toContain(10);
		expect(g.paths).toMatchSnapshot();
	});

	it('moves the M/G/1 curve when the service variability changes', () => {
		const g1 = explorerGeometry({
			rhos,
			curves: responseCurves(['mg1'], { c: 1, scv: 0.5 }, rhos),
			width: 360,
			height: 240,
			logy: false,
			ymax: 20
		});
		const g2 = explorerGeometry({
			rhos,
			curves: responseCurves(['mg1'], { c: 1, scv: 4 }, rhos),
			width: 360,
			height: 240,
			logy: false,
			ymax: 20
		});
		expect(g1.paths[0]).not.toEqual(g2.paths[0]);
	});
});
