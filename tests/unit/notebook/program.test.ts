import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/lib/notebook/format.ts';
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

function shown(result: CellResult | undefined): string {
	if (!result) return 'missing';
	if (result.status === 'error') return `error: ${result.message}`;
	if (result.status === 'quiet') return 'quiet';
	return `${result.name ? `${result.name} = ` : ''}${formatValue(result.value)}`;
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

	it('shows the last visible value of a cell with several statements and lines', () => {
		const { cells } = run(['a = 1\nb = a + 1\nb * 10', 'c = 1; d = 2;', 'e = 5; f = 6']);
		expect(shown(cells.get('cell-1'))).toBe('20');
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
		expect(shown(cells.get('cell-1'))).toBe('error: Undefined symbol q (in b = a / q)');
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
		const { cells } = run(['createUnit("widget")', 'import({x: 1})']);
		expect(shown(cells.get('cell-1'))).toContain('createUnit is disabled');
		expect(shown(cells.get('cell-2'))).toContain('import is disabled');
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
