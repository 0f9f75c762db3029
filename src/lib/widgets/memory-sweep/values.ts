/**
 * The points of a widget's sweep, the same as `virtlab vm --sweep P=A..B[:S]` runs
 * (vmm/sweep.ts `sweepValues`, which a unit test checks this against): `steps` evenly spaced whole
 * numbers, else doubling from `from` (0, 1, 2, 4, …), ending at `to`. Written out here so that the
 * page can validate and lay out a sweep without loading the engine.
 */
export function memorySweepValues(from: number, to: number, steps?: number): number[] {
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
