import { describe, expect, it } from 'vitest';
import { math } from '../../../src/lib/notebook/math.ts';
import { compileCells } from '../../../src/lib/notebook/program.ts';
import {
	plotExpression,
	plotNumber,
	samples,
	sweep,
	sweepWithin
} from '../../../src/lib/notebook/sweep.ts';
import { runProgram } from '../../../src/lib/notebook/program.ts';

function program(...sources: string[]) {
	return compileCells(sources.map((source, i) => ({ id: `c${i}`, source })));
}

describe('samples', () => {
	it('spaces samples evenly, or geometrically for a log axis', () => {
		expect(samples(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
		expect(samples(1, 100, 3, true)).toEqual([1, 10, 100]);
	});
});

describe('sweep', () => {
	const consolidation = program(
		'hosts = ceil(N * u / 0.6)',
		'watt(x) = (100 + 100 * x) W\npower = hosts * watt(N * u / hosts)',
		'unrelated = 5 GiB / (1 Gb/s)'
	);

	it('re-runs the cells for every sample of the swept variable', () => {
		const [hosts] = sweep(
			consolidation,
			{ N: 30, u: 0.1 },
			'u',
			[0.1, 0.2, 0.3],
			[plotExpression('hosts')]
		);
		expect(hosts.values).toEqual([5, 10, 15]);
		expect(hosts.error).toBeUndefined();
	});

	it('keeps one unit per line, taken from the first value', () => {
		const [power] = sweep(
			consolidation,
			{ N: 6, u: 0.1 },
			'u',
			[0.6, 0.9],
			[plotExpression('power to kW')]
		);
		expect(power.unit).toBe('kW');
		expect(power.values[0]).toBeCloseTo(0.6 + 0.36, 9);
	});

	it('reports an expression that fails and leaves its points empty', () => {
		const [line] = sweep(
			consolidation,
			{ N: 6, u: 0.1 },
			'u',
			[0.1, 0.2],
			[plotExpression('nosuch')]
		);
		expect(line.values).toEqual([null, null]);
		expect(line.error).toBe('Undefined symbol nosuch');
	});

	const cases: [string, ReturnType<typeof program>, string[]][] = [
		['a lesson-like program', consolidation, ['hosts', 'power to W', 'unrelated']],
		['a function reading x at call time', program('f(t) = t * u', 'y = f(2)'), ['y', 'f(3)']],
		['a reassigned name', program('a = 1', 'f(t) = a * t', 'y = f(u)', 'a = 5'), ['y']],
		[
			'an error only at some samples',
			program('y = u > 0.5 ? nosuch : u\nz = 2', 'w = z + u'),
			['w', 'z']
		],
		['an error in the base run', program('y = nosuch', 'w = u * 2'), ['w']]
	];

	it.each(cases)('re-running a slice equals re-running everything: %s', (_name, code, exprs) => {
		const xs = samples(0.1, 0.9, 9);
		const expressions = exprs.map(plotExpression);
		const vars = { N: 7, u: 0.3 };
		expect(sweep(code, vars, 'u', xs, expressions)).toEqual(
			sweep(code, vars, 'u', xs, expressions, { slice: false })
		);
	});
});

describe('plotNumber', () => {
	it('accepts numbers and convertible units, and nothing else', () => {
		expect(plotNumber(3)).toBe(3);
		expect(plotNumber(math.unit('1500 W'), 'kW')).toBe(1.5);
		expect(plotNumber(math.unit('1 m'), 'kW')).toBeNull();
		expect(plotNumber(Infinity)).toBeNull();
		expect(plotNumber('3')).toBeNull();
	});
});

describe('sweep without a value for x', () => {
	it('gives the same lines whether or not vars holds x (the plot leaves it out)', () => {
		const code = compileCells([{ id: 'a', source: 'y = N * u\nz = y + 1' }]);
		const xs = samples(0.1, 0.9, 5);
		const expressions = [plotExpression('z')];
		expect(sweep(code, { N: 3 }, 'u', xs, expressions)).toEqual(
			sweep(code, { N: 3, u: 0.5 }, 'u', xs, expressions, { slice: false })
		);
	});
});

describe('sweepWithin', () => {
	const code = program('slow = sum(1:1000)', 'y = slow * u');

	it('stops at its time budget and leaves the rest of each line empty', () => {
		let clock = 0;
		const result = sweepWithin(code, { u: 0.5 }, 'u', [1, 2, 3, 4], [plotExpression('y')], {
			budgetMs: 15,
			now: () => (clock += 10)
		});
		expect(result.done).toBe(2);
		expect(result.series[0].values).toEqual([500500, 1001000, null, null]);
	});

	it('starts from a given run instead of running the lesson again', () => {
		const base = runProgram(code, { u: 0.5 });
		const from = sweepWithin(code, { u: 0.5 }, 'u', [1, 2], [plotExpression('y')], { base });
		expect(from).toEqual({ series: [{ values: [500500, 1001000] }], done: 2, inputs: ['slow'] });
	});
});
