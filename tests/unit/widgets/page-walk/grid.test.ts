import { describe, expect, it } from 'vitest';
import { twoDimensionalWalk } from '../../../../src/lib/emulator/mmu/two-dimensional-walk.ts';
import { walkGrid } from '../../../../src/lib/widgets/page-walk/grid.ts';

describe('walkGrid', () => {
	it('lays the Sv32-over-Sv32x4 model out as 3 × 3, numbered in the hardware’s order', () => {
		const model = twoDimensionalWalk(2, 2);
		const grid = walkGrid(2, 2, model.references);
		expect(grid.rows).toEqual([1, 0, null]);
		expect(grid.columns).toEqual([1, 0, null]);
		expect(grid.cells.map((row) => row.map((cell) => cell.numbers))).toEqual([
			[[1], [2], [3]],
			[[4], [5], [6]],
			[[7], [8], [9]]
		]);
	});

	it('draws a one-dimensional walk as a single column', () => {
		const grid = walkGrid(2, 0, twoDimensionalWalk(2, 0).references);
		expect(grid.columns).toEqual([null]);
		expect(grid.cells.map((row) => row.map((cell) => cell.numbers))).toEqual([[[1]], [[2]], [[3]]]);
	});

	it('marks the current reference, those made before it and those still to come', () => {
		const grid = walkGrid(2, 2, twoDimensionalWalk(2, 2).references, 5);
		const states = grid.cells.flat().map((cell) => cell.state);
		expect(states).toEqual([
			'done',
			'done',
			'done',
			'done',
			'current',
			'later',
			'later',
			'later',
			'later'
		]);
		expect(
			walkGrid(2, 2, twoDimensionalWalk(2, 2).references)
				.cells.flat()
				.every((c) => c.state === 'done')
		).toBe(true);
	});

	it('leaves a cell the walk never reached unused, and lists two references in one cell', () => {
		// A megapage leaf at guest level 1 ends the guest dimension early; an A/D write walks the
		// leaf's row again.
		const refs = [
			{ number: 1, row: 0, column: 0 },
			{ number: 2, row: 0, column: 1 },
			{ number: 3, row: 0, column: 2 },
			{ number: 4, row: 0, column: 0 },
			{ number: 5, row: 2, column: 2 }
		];
		const grid = walkGrid(2, 2, refs, 4);
		expect(grid.cells[0][0]).toMatchObject({ numbers: [1, 4], state: 'current' });
		expect(grid.cells[1][1]).toMatchObject({ numbers: [], state: 'unused' });
		expect(grid.cells[2][2]).toMatchObject({ numbers: [5], state: 'later' });
	});
});
