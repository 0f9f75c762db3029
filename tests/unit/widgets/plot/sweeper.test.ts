/**
 * A plot while a slider is dragged: it re-sweeps only when a slider other than its x moved, and
 * while the slider moves it sweeps every few samples (ends included, values identical to the full
 * sweep's at those samples); once the slider rests, the same inputs give the full sweep again.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../../../../src/lib/notebook/engine.ts';
import { COARSE_POINTS, coarseSamples, samples } from '../../../../src/lib/notebook/samples.ts';
import { PlotSweeper } from '../../../../src/lib/widgets/plot/sweeper.ts';

const program = engine.compileCells([
	{ id: 'c1', source: 'hosts = ceil(N * u / 0.6)\npower = hosts * 200' }
]);
const run = (vars: Record<string, number>) => engine.runProgram(program, vars);
const request = { x: 'u', xs: samples(0.05, 0.95, 91), expressions: ['hosts'] };
const others = (vars: Record<string, number>) => JSON.stringify({ N: vars.N });

describe('coarseSamples', () => {
	it('keeps at most COARSE_POINTS samples, the first and the last among them', () => {
		const xs = samples(0, 1, 91);
		const coarse = coarseSamples(xs);
		expect(coarse.length).toBeLessThanOrEqual(COARSE_POINTS);
		expect(coarse.length).toBeGreaterThan(COARSE_POINTS / 2);
		expect(coarse[0]).toBe(0);
		expect(coarse.at(-1)).toBe(1);
		for (const x of coarse) expect(xs).toContain(x);
		expect(coarseSamples(samples(0, 1, 100)).at(-1)).toBe(1);
	});

	it('leaves a short list alone', () => {
		const xs = samples(0, 1, COARSE_POINTS);
		expect(coarseSamples(xs)).toBe(xs);
	});
});

describe('PlotSweeper', () => {
	it('sweeps coarsely while a slider moves, then in full once it rests', () => {
		const sweeper = new PlotSweeper();
		const first = { N: 40, u: 0.2 };
		const full = sweeper.view(engine, run(first), request, others(first));
		expect(full.xs).toHaveLength(91);

		const moved = { N: 41, u: 0.2 };
		const dragged = sweeper.view(engine, run(moved), request, others(moved), true);
		expect(dragged.xs.length).toBeLessThanOrEqual(31);
		const rested = sweeper.view(engine, run(moved), request, others(moved), false);
		expect(rested.xs).toHaveLength(91);
		// The coarse line goes through the full one's points.
		for (const [i, x] of dragged.xs.entries())
			expect(dragged.series[0].values[i]).toBe(rested.series[0].values[rested.xs.indexOf(x)]);
		expect(rested.series[0].values).not.toEqual(full.series[0].values);
	});

	it('does not re-sweep when only its own x moves, sliding or not', () => {
		const sweeper = new PlotSweeper();
		const a = { N: 40, u: 0.2 };
		const full = sweeper.view(engine, run(a), request, others(a));
		const b = { N: 40, u: 0.5 };
		const moved = sweeper.view(engine, run(b), request, others(b), true);
		expect(moved.series).toBe(full.series);
		expect(moved.xs).toHaveLength(91);
		// The marker's dot follows the slider: hosts at u = 0.5.
		expect(moved.current).toEqual([34]);
	});

	it('keeps every sample while a slider it does not depend on moves', () => {
		const sweeper = new PlotSweeper();
		const a = { N: 40, u: 0.2, price: 1 };
		const full = sweeper.view(engine, run(a), request, JSON.stringify(a));
		const b = { N: 40, u: 0.2, price: 2 };
		const moved = sweeper.view(engine, run(b), request, JSON.stringify(b), true);
		expect(moved.xs).toHaveLength(91);
		expect(moved.series).toBe(full.series);
	});

	it('off screen, waits while a slider is dragged, and catches up in view or at rest', () => {
		const sweeper = new PlotSweeper();
		const a = { N: 40, u: 0.2 };
		const full = sweeper.view(engine, run(a), request, others(a));
		const b = { N: 41, u: 0.2 };
		const offScreen = sweeper.view(engine, run(b), request, others(b), true, false);
		expect(offScreen).toBe(full);
		// Scrolled into view during the drag: swept at once, every few samples.
		const inView = sweeper.view(engine, run(b), request, others(b), true, true);
		expect(inView.series[0].values).not.toEqual(
			inView.xs.map((x) => full.series[0].values[full.xs.indexOf(x)])
		);
		const c = { N: 42, u: 0.2 };
		expect(sweeper.view(engine, run(c), request, others(c), true, false)).toBe(inView);
		// At rest it sweeps in full wherever it is.
		const rested = sweeper.view(engine, run(c), request, others(c), false, false);
		expect(rested.xs).toHaveLength(91);
		expect(rested.series[0].values).toEqual(
			sweeper.view(engine, run(c), request, others(c), false, true).series[0].values
		);
		expect(rested.series[0].values).not.toEqual(full.series[0].values);
	});
});
