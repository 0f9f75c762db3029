import { describe, expect, it } from 'vitest';
import { sweepValues } from '../../../../src/lib/emulator/vmm/sweep-values.ts';

describe('sweepValues', () => {
	it('doubles from the start, or spaces steps evenly, always ending at the end', () => {
		expect(sweepValues(4, 512)).toEqual([4, 8, 16, 32, 64, 128, 256, 512]);
		expect(sweepValues(0, 8)).toEqual([0, 1, 2, 4, 8]);
		expect(sweepValues(0, 6)).toEqual([0, 1, 2, 4, 6]);
		expect(sweepValues(0, 8, 5)).toEqual([0, 2, 4, 6, 8]);
		expect(sweepValues(1, 2, 4)).toEqual([1, 2]);
		expect(sweepValues(5, 5)).toEqual([5]);
	});

	it('ends at the end whatever the start', () => {
		expect(sweepValues(0, 16)).toEqual([0, 1, 2, 4, 8, 16]);
		expect(sweepValues(16, 100)).toEqual([16, 32, 64, 100]);
	});
});
