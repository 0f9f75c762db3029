/**
 * The response-time chart. Its value axis is fixed (linear 0..ymax, or logarithmic 1..100 mean
 * service times) so that curves keep their place while a slider moves and visibly leave the
 * chart as rho approaches 1; the SVG clips what lies above.
 */
import { lineChart, type LineChart } from '../../chart/lineChart.ts';
import type { Curve } from './curves.ts';

export function explorerGeometry(input: {
	rhos: number[];
	curves: Curve[];
	width: number;
	height: number;
	logy: boolean;
	ymax: number;
}): LineChart {
	const yDomain: [number, number] = input.logy ? [1, 100] : [0, input.ymax];
	// Values far above the chart would make huge coordinates; a little above the top is enough
	// for the clipped line to run off the top edge.
	const ceiling = yDomain[1] * 4;
	return lineChart({
		xs: input.rhos,
		lines: input.curves.map((curve) => ({
			values: curve.values.map((v) => (v === null ? null : Math.min(v, ceiling)))
		})),
		width: input.width,
		height: input.height,
		logy: input.logy,
		xDomain: [0, 1],
		yDomain,
		xformat: '.0%',
		yformat: input.logy ? '~g' : undefined
	});
}
