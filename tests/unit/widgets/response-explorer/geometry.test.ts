import { describe, expect, it } from 'vitest';
import { utilizationGrid } from '../../../../src/lib/sim/queueing/catalogue.ts';
import { responseCurves } from '../../../../src/lib/widgets/response-explorer/curves.ts';
import { explorerGeometry } from '../../../../src/lib/widgets/response-explorer/geometry.ts';

const rhos = utilizationGrid(0, 0.99, 12);
const curves = responseCurves(['mm1', 'mmc', 'md1', 'mg1'], { c: 2, scv: 2 }, rhos);
const pathYs = (d: string) => [...d.matchAll(/[ML][\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]));
const input = { rhos, curves, width: 360, height: 240, logy: false, ymax: 20 };

describe('response explorer geometry', () => {
	it('draws every model on a fixed linear axis, one path per model', () => {
		const g = explorerGeometry(input);
		expect(g.y.domain()).toEqual([0, 20]);
		expect(g.paths).toHaveLength(4);
		expect(g.xTicks.map((t) => t.label)).toContain('100%');
	});

	it('draws every curve rising with utilization (waiting grows with load)', () => {
		for (const d of explorerGeometry(input).paths) {
			const ys = pathYs(d);
			ys.slice(1).forEach((y, i) => expect(y).toBeLessThanOrEqual(ys[i]));
		}
	});

	it('keeps coordinates finite near saturation by capping values above the chart', () => {
		const g = explorerGeometry(input);
		const { top, bottom } = g.frame;
		for (const d of g.paths) {
			expect(d).not.toMatch(/NaN|Infinity/);
			// Never more than three chart heights above the top edge.
			expect(Math.min(...pathYs(d))).toBeGreaterThan(top - 3 * (bottom - top) - 1);
		}
	});

	it('switches to a log axis from 1 to 100 service times', () => {
		const g = explorerGeometry({ ...input, logy: true });
		expect(g.y.domain()).toEqual([1, 100]);
		expect(g.yTicks.map((t) => t.value)).toContain(10);
		// An idle server's response time is one service time: the bottom of the log axis.
		expect(pathYs(g.paths[0])[0]).toBeCloseTo(g.frame.bottom, 1);
	});

	it('lifts the M/G/1 curve when the service variability grows', () => {
		const at = (scv: number) =>
			pathYs(
				explorerGeometry({ ...input, curves: responseCurves(['mg1'], { c: 1, scv }, rhos) })
					.paths[0]
			);
		const calm = at(0.5);
		const wild = at(4);
		// Higher up is a smaller y; at rho = 0 both start at one service time.
		expect(wild[0]).toBeCloseTo(calm[0], 6);
		wild.slice(1).forEach((y, i) => expect(y).toBeLessThan(calm[i + 1]));
	});
});
