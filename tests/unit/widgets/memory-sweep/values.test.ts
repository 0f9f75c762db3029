import { describe, expect, it } from 'vitest';
import { sweepValues } from '../../../../src/lib/emulator/vmm/sweep.ts';
import { memorySweepValues } from '../../../../src/lib/widgets/memory-sweep/values.ts';

describe('memorySweepValues', () => {
	it('gives the points virtlab vm --sweep runs', () => {
		const ranges: [number, number, number | undefined][] = [
			[16, 512, undefined],
			[0, 16, undefined],
			[1, 1000, undefined],
			[3, 100, undefined],
			[0, 16, 5],
			[1, 1024, 12],
			[4, 6, 8]
		];
		for (const [from, to, steps] of ranges)
			expect(memorySweepValues(from, to, steps), `${from}..${to}:${steps}`).toEqual(
				sweepValues(from, to, steps)
			);
	});

	it('doubles from the start and ends at the end', () => {
		expect(memorySweepValues(0, 16)).toEqual([0, 1, 2, 4, 8, 16]);
		expect(memorySweepValues(16, 100)).toEqual([16, 32, 64, 100]);
	});
});
