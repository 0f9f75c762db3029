/**
 * The engine remembers what a slider move does not change: a plot's lines while the names its sweep
 * reads keep their values, the samples plots of the same x share, a prediction's model answer, a
 * cell's view. What it gives must be what computing afresh gives.
 */
import { describe, expect, it } from 'vitest';
import {
	cellView,
	compileCells,
	modelAnswer,
	plotView,
	runProgram
} from '../../../src/lib/notebook/engine.ts';
import { samples } from '../../../src/lib/notebook/samples.ts';
import { plotExpression, sweep } from '../../../src/lib/notebook/sweep.ts';

const program = compileCells(
	[
		'hosts = ceil(N * u / target)',
		'watt(x) = (idle + (100 - idle) * x) W\npower = hosts * watt(N * u / hosts)',
		'bill = price * power * 8760 h to kWh'
	].map((source, i) => ({ id: `c${i}`, source }))
);
const vars = { N: 30, u: 0.2, target: 0.6, idle: 50, price: 0.1 };
const xs = samples(0.05, 0.95, 19);
const hostsPlot = { x: 'u', xs, expressions: ['hosts'] };
const powerPlot = { x: 'u', xs, expressions: ['power to kW', 'hosts'] };

function fresh(
	request: { x: string; xs: number[]; expressions: string[] },
	v: Record<string, number> = vars
) {
	return sweep(program, v, request.x, request.xs, request.expressions.map(plotExpression));
}

describe('plotView', () => {
	it('keeps the very same lines while only sliders the plot does not read move', () => {
		let run = runProgram(program, vars);
		const first = plotView(run, hostsPlot);
		run = runProgram(program, { ...vars, price: 0.2 }, { previous: run });
		const second = plotView(run, hostsPlot);
		expect(second.series).toBe(first.series);
		expect(second.done).toBe(xs.length);
		// The values at the current x still follow the run.
		run = runProgram(program, { ...vars, price: 0.2, u: 0.5 }, { previous: run });
		expect(plotView(run, hostsPlot).current).toEqual([25]);
	});

	it('sweeps again when a slider the plot reads moves, and gives what a fresh sweep gives', () => {
		let run = runProgram(program, vars);
		const first = plotView(run, powerPlot);
		const changes: Record<string, number>[] = [{ N: 40 }, { idle: 20 }, { target: 0.8 }];
		for (const change of changes) {
			const next = { ...run.vars, ...change };
			run = runProgram(program, next, { previous: run });
			const view = plotView(run, powerPlot);
			expect(view.series).not.toBe(first.series);
			expect(view.series).toEqual(fresh(powerPlot, next));
		}
	});

	it('shares samples between plots of the same x, each getting its own lines', () => {
		let run = runProgram(program, vars);
		plotView(run, hostsPlot);
		plotView(run, powerPlot);
		// From now on the first plot's sweep computes what both read; the second reuses it.
		const withAssignment = { x: 'u', xs, expressions: ['hosts = 1', 'hosts'] };
		for (const N of [31, 32, 33]) {
			run = runProgram(program, { ...vars, N }, { previous: run });
			const hosts = plotView(run, hostsPlot);
			const power = plotView(run, powerPlot);
			// An expression that assigns changes only its own sample scope.
			const assigned = plotView(run, withAssignment);
			expect(hosts.series).toEqual(fresh(hostsPlot, { ...vars, N }));
			expect(power.series).toEqual(fresh(powerPlot, { ...vars, N }));
			expect(assigned.series).toEqual(fresh(withAssignment, { ...vars, N }));
			expect(plotView(run, hostsPlot).series).toEqual(hosts.series);
		}
	});
});

describe('modelAnswer', () => {
	it('gives the same answer as computing it afresh, once per set of variables', () => {
		let run = runProgram(program, vars);
		const given = { N: 40, u: 0.3 };
		const first = modelAnswer(run, 'hosts', given);
		expect(first).toEqual({ value: 20, shown: '20', unit: '' });
		// A slider that `given` fixes changes nothing for the prediction.
		run = runProgram(program, { ...vars, N: 10 }, { previous: run });
		expect(modelAnswer(run, 'hosts', given)).toBe(first);
		// One it does not fix does.
		run = runProgram(program, { ...vars, target: 0.5 }, { previous: run });
		expect(modelAnswer(run, 'hosts', given)).toEqual({ value: 24, shown: '24', unit: '' });
		const fixed = runProgram(program, { ...vars, target: 0.5, ...given });
		expect(modelAnswer(fixed, 'hosts', undefined)).toEqual({ value: 24, shown: '24', unit: '' });
	});
});

describe('cellView', () => {
	it('makes one view per cell result, so untouched cells keep theirs', () => {
		const run = runProgram(program, vars);
		const next = runProgram(program, { ...vars, price: 0.3 }, { previous: run });
		expect(cellView(next.cells.get('c0'))).toBe(cellView(run.cells.get('c0')));
		expect(cellView(next.cells.get('c2'))).not.toBe(cellView(run.cells.get('c2')));
		expect(cellView(next.cells.get('c2')).rows[0].name).toBe('bill');
	});
});
