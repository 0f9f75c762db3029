import { describe, expect, it } from 'vitest';
import { namesRead, rerunPlan, sweepSlice } from '../../../src/lib/notebook/dependencies.ts';
import { math } from '../../../src/lib/notebook/math.ts';
import { compileCells } from '../../../src/lib/notebook/program.ts';

function program(...sources: string[]) {
	return compileCells(sources.map((source, i) => ({ id: `c${i}`, source })));
}

describe('namesRead', () => {
	it('reads the right-hand side of an assignment, and a function body', () => {
		expect(namesRead(math.parse('a = b + c * b'))).toEqual(['b', 'c']);
		expect(namesRead(math.parse('f(t) = t * k'))).toEqual(['t', 'k']);
		expect(namesRead(math.parse('m[2] = q'))).toEqual(['q', 'm']);
		expect(namesRead(math.parse('m[i] = q'))).toEqual(['q', 'm', 'i']);
	});
});

describe('sweepSlice', () => {
	it('keeps only statements that depend on x and feed the plot', () => {
		const code = program('k = 3', 'a = u * 2\nb = a + k', 'c = b * 2\nd = k + 1');
		expect(sweepSlice(code, 'u', ['b'], false)).toEqual([
			{ cell: 1, statement: 0 },
			{ cell: 1, statement: 1 }
		]);
		expect(sweepSlice(code, 'u', ['k'], false)).toEqual([]);
	});

	it('keeps a dependent statement that could stop a later, needed one in its cell', () => {
		const code = program('k = 3', 'a = u * 2\nb = a + k', 'c = b * 2\nd = k + 1');
		expect(sweepSlice(code, 'u', ['d'], false)).toEqual([
			{ cell: 1, statement: 0 },
			{ cell: 1, statement: 1 },
			{ cell: 2, statement: 0 }
		]);
	});

	it('re-runs a function definition whose body reads a changed name', () => {
		const code = program('f(t) = t * u', 'y = f(2)');
		expect(sweepSlice(code, 'u', ['y'], false)).toEqual([
			{ cell: 0, statement: 0 },
			{ cell: 1, statement: 0 }
		]);
	});

	it('gives up (full re-run) when a shortcut could be wrong', () => {
		expect(sweepSlice(program('a = 1', 'a = u'), 'u', ['a'], false)).toBeNull();
		expect(sweepSlice(program('u = 3'), 'u', ['u'], false)).toBeNull();
		expect(sweepSlice(program('a = u'), 'u', ['a'], true)).toBeNull();
		expect(sweepSlice(program('a = (u'), 'u', ['a'], false)).toBeNull();
	});
});

describe('rerunPlan', () => {
	it('re-runs what a moved slider reaches, directly or through other names', () => {
		const code = program('slow = sum(1:10)', 'a = u * 2\nb = a + slow', 'c = N');
		expect(rerunPlan(code, ['u'])).toEqual([
			{ cell: 1, statement: 0 },
			{ cell: 1, statement: 1 }
		]);
		expect(rerunPlan(code, [])).toEqual([]);
	});

	it('gives up where a partial re-run could differ from a full one', () => {
		expect(rerunPlan(program('a = u', 'a = a + 1'), ['u'])).toBeNull();
		expect(rerunPlan(program('u = 3'), ['u'])).toBeNull();
		expect(rerunPlan(program('b = later', 'later = u'), ['u'])).toBeNull();
		expect(rerunPlan(program('a = (u'), ['u'])).toBeNull();
	});
});
