import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/lib/notebook/formatValue.ts';
import {
	compileCells,
	positionMessage,
	runProgram,
	type CellResult
} from '../../../src/lib/notebook/program.ts';

function run(sources: string[], vars: Record<string, number> = {}) {
	const cells = sources.map((source, i) => ({ id: `cell-${i + 1}`, source }));
	return runProgram(compileCells(cells), vars);
}

/** A cell's result as one line: its values, then its error or stop, separated by `; `. */
function shown(result: CellResult | undefined): string {
	if (!result) return 'missing';
	const parts = result.values.map(
		({ name, value }) => `${name ? `${name} = ` : ''}${formatValue(value)}`
	);
	if (result.status === 'error') parts.push(`error: ${result.message}`);
	if (result.status === 'stopped') parts.push('stopped');
	return parts.length > 0 ? parts.join('; ') : 'quiet';
}

describe('running cells', () => {
	it('evaluates cells in document order in one scope', () => {
		const { cells } = run(['a = 2', 'b = a * 3', 'c = a + b']);
		expect([...cells.values()].map(shown)).toEqual(['a = 2', 'b = 6', 'c = 8']);
	});

	it('does not let a cell see a variable defined further down', () => {
		const { cells } = run(['y = x + 1', 'x = 1']);
		expect(shown(cells.get('cell-1'))).toBe('error: Undefined symbol x');
		expect(shown(cells.get('cell-2'))).toBe('x = 1');
	});

	it('shows every visible value of a cell, named when assigned; `;` hides a statement', () => {
		const { cells } = run(['a = 1\nb = a + 1\nb * 10', 'c = 1; d = 2;', 'e = 5; f = 6']);
		expect(shown(cells.get('cell-1'))).toBe('a = 1; b = 2; 20');
		expect(shown(cells.get('cell-2'))).toBe('quiet');
		expect(shown(cells.get('cell-3'))).toBe('f = 6');
	});

	it('treats empty and comment-only cells as quiet', () => {
		const { cells } = run(['', '# only a comment\n']);
		expect([...cells.values()].map(shown)).toEqual(['quiet', 'quiet']);
	});

	it('seeds the scope with slider variables before the first cell', () => {
		const program = compileCells([{ id: 'c', source: 'hosts = ceil(N * u / target)' }]);
		expect(shown(runProgram(program, { N: 40, u: 0.15, target: 0.6 }).cells.get('c'))).toBe(
			'hosts = 10'
		);
		expect(shown(runProgram(program, { N: 40, u: 0.3, target: 0.6 }).cells.get('c'))).toBe(
			'hosts = 20'
		);
	});

	it('keeps mathjs units', () => {
		const { cells } = run(['p = 40 * 300 W', 'e = p * 8760 h to MWh']);
		expect(shown(cells.get('cell-1'))).toBe('p = 12 kW');
		expect(shown(cells.get('cell-2'))).toBe('e = 105.12 MWh');
	});
});

describe('errors stay in their cell', () => {
	it('shows the mathjs message in the failing cell and runs the others', () => {
		const { cells } = run(['a = 1', 'b = 2 kW + 3 m', 'c = a + 1']);
		expect(shown(cells.get('cell-2'))).toBe('error: Units do not match');
		expect(shown(cells.get('cell-3'))).toBe('c = 2');
	});

	it('lets a later cell that needs a failed variable report its own error', () => {
		const { cells } = run(['a = 1', 'bee = a + nosuch', 'c = bee * 2', 'd = a * 2']);
		expect(shown(cells.get('cell-2'))).toBe('error: Undefined symbol nosuch');
		expect(shown(cells.get('cell-3'))).toBe('error: Undefined symbol bee');
		expect(shown(cells.get('cell-4'))).toBe('d = 2');
	});

	it('names the failing statement in a cell with several', () => {
		const { cells } = run(['a = 1\nb = a / q\nc = 3']);
		expect(shown(cells.get('cell-1'))).toBe('a = 1; error: Undefined symbol q (in b = a / q)');
	});

	it('keeps the values set before the failing statement', () => {
		const { cells } = run(['a = 1\nb = q', 'a + 1']);
		expect(shown(cells.get('cell-2'))).toBe('2');
	});

	it('reports syntax errors with line and column', () => {
		const { cells } = run(['a = 1\nb = 2 +* 3']);
		expect(shown(cells.get('cell-1'))).toBe('error: Value expected (line 2, column 8)');
	});

	it('refuses the functions that would change the shared mathjs instance', () => {
		const { cells } = run([
			'createUnit("widget")',
			'import({x: 1})',
			'config({number: "BigNumber"})',
			'typeOf(0.1)'
		]);
		expect(shown(cells.get('cell-1'))).toContain('createUnit is disabled');
		expect(shown(cells.get('cell-2'))).toContain('import is disabled');
		expect(shown(cells.get('cell-3'))).toContain('config is disabled');
		expect(shown(cells.get('cell-4'))).toMatch(/^"?number"?$/);
	});

	it('starts every run from a fresh scope', () => {
		const program = compileCells([{ id: 'c', source: 'k = 1' }]);
		const first = runProgram(program, {});
		const edited = compileCells([{ id: 'c', source: 'k + 1' }]);
		expect(first.scope.get('k')).toBe(1);
		expect(shown(runProgram(edited, {}).cells.get('c'))).toBe('error: Undefined symbol k');
	});
});

describe('compiling', () => {
	it('reuses compiled cells whose source did not change', () => {
		const cache = new Map();
		const first = compileCells([{ id: 'a', source: 'x = 1' }], cache);
		const second = compileCells([{ id: 'a', source: 'x = 1' }], cache);
		expect(second[0]).toBe(first[0]);
	});

	it('turns a character offset into a line and column', () => {
		expect(positionMessage('Value expected (char 3)', 'a\nbc')).toBe(
			'Value expected (line 2, column 1)'
		);
	});
});

describe('runs that re-run less, and runs that stop', () => {
	const sources = [
		'slow = sum(1:2000)',
		'hosts = ceil(N * u / 0.6)\nwatt(x) = (100 + 100 * x) W',
		'power = hosts * watt(N * u / hosts)\nslowShare = slow / N'
	];
	const program = compileCells(sources.map((source, i) => ({ id: `cell-${i + 1}`, source })));

	it('re-runs only what a moved slider affects, and gives what a full run gives', () => {
		const first = runProgram(program, { N: 40, u: 0.2 });
		const moved = runProgram(program, { N: 40, u: 0.5 }, { previous: first });
		const full = runProgram(program, { N: 40, u: 0.5 });
		// The slow cell does not read u: its value is the previous run's, not computed again.
		expect(moved.outcomes[0][0]).toBe(first.outcomes[0][0]);
		expect([...moved.cells.values()].map(shown)).toEqual([...full.cells.values()].map(shown));
		expect(moved.scope.get('power')).toEqual(full.scope.get('power'));
	});

	it('falls back to a full run when a re-run could differ', () => {
		const twice = compileCells([{ id: 'c', source: 'a = u\na = a * 2' }]);
		const first = runProgram(twice, { u: 1 });
		const moved = runProgram(twice, { u: 3 }, { previous: first });
		expect(shown(moved.cells.get('c'))).toBe('a = 3; a = 6');
	});

	it('stops the cells left when the time budget is spent', () => {
		let clock = 0;
		const now = () => (clock += 10);
		const run = runProgram(program, { N: 40, u: 0.2 }, { budgetMs: 15, now });
		expect(run.stopped).toBe(true);
		expect(shown(run.cells.get('cell-1'))).toBe('slow = 2,001,000');
		expect(run.cells.get('cell-3')?.status).toBe('stopped');
	});
});
