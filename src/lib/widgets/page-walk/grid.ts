/**
 * The walk drawn as a grid (Bhargava et al., ASPLOS 2008, Figure 2): one row per guest level, top
 * down, and a last row for the final address; one column per host level, then a column for the
 * guest's own PTE (or, in the last row, the data). A one-dimensional walk (native, or a shadow
 * table) is the single last column. Each cell lists the references made there, by number: usually
 * one; at V = 1 a VS-stage leaf whose A/D bits are set adds a second pass through the host columns
 * of its row (numbered-walk.ts). The same function draws the machine's walk and the model's.
 */
export interface GridReference {
	number: number;
	row: number;
	column: number;
}

export type CellState = 'done' | 'current' | 'later' | 'unused';

export interface GridCell {
	row: number;
	column: number;
	/** The references made in this cell, in order. */
	numbers: number[];
	state: CellState;
}

export interface WalkGrid {
	/** Guest level of each row (n − 1 … 0), null for the last row (the final address). */
	rows: (number | null)[];
	/** Host level of each column (m − 1 … 0), null for the last column (guest PTE or data). */
	columns: (number | null)[];
	cells: GridCell[][];
}

/**
 * `reached`: the number of the reference the student is at (Infinity: the whole walk, 0: none).
 * A cell is current when it holds that reference, done when all its references are before it.
 */
export function walkGrid(
	guestLevels: number,
	hostLevels: number,
	references: readonly GridReference[],
	reached = Infinity
): WalkGrid {
	const rows = [...Array.from({ length: guestLevels }, (_, r) => guestLevels - 1 - r), null];
	const columns = [...Array.from({ length: hostLevels }, (_, c) => hostLevels - 1 - c), null];
	const cells = rows.map((_, row) =>
		columns.map((_, column): GridCell => {
			const numbers = references
				.filter((r) => r.row === row && r.column === column)
				.map((r) => r.number);
			return { row, column, numbers, state: cellState(numbers, reached) };
		})
	);
	return { rows, columns, cells };
}

function cellState(numbers: number[], reached: number): CellState {
	if (numbers.length === 0) return 'unused';
	if (numbers.includes(reached)) return 'current';
	return numbers.some((n) => n < reached) ? 'done' : 'later';
}
