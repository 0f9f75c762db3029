/**
 * The points of a sweep (sweep.ts, `virtlab vm --sweep`, the `::memory-sweep` widget). A file of
 * its own, importing nothing, so that a lesson page can lay out a sweep without loading the
 * hypervisor or the assembler.
 */

/**
 * The values of a range from `from` to `to`: `steps` evenly spaced whole numbers when given
 * (duplicates after rounding dropped), else doubling from `from` (0 then 1, 2, 4, …), ending at
 * `to` in either case: working sets and rates are best seen on a log scale.
 */
export function sweepValues(from: number, to: number, steps?: number): number[] {
	const values: number[] = [];
	if (steps !== undefined) {
		for (let i = 0; i < steps; i++)
			values.push(Math.round(steps === 1 ? from : from + ((to - from) * i) / (steps - 1)));
	} else {
		for (let v = from; v < to; v = v === 0 ? 1 : v * 2) values.push(v);
		values.push(to);
	}
	return [...new Set(values)];
}
