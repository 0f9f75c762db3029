import { describe, expect, it } from 'vitest';
import type { Crossover, SweepPoint } from '../../../../src/lib/emulator/vmm/sweep.ts';
import {
	logX,
	markedCrossovers,
	measureOf,
	pointsDone,
	tableRows,
	variantLines
} from '../../../../src/lib/widgets/memory-sweep/layout.ts';

function point(value: number, variant: SweepPoint['variant'], modelCycles: number): SweepPoint {
	return {
		value,
		variant,
		guestInstructions: 1000,
		exits: 7,
		exitCycles: 70,
		walk: { misses: 0, references: { S: 0, VS: 0, G: 0 }, perMiss: null, cycles: 0 } as never,
		walkReferences: 12,
		modelCycles,
		output: ''
	};
}

const points = [point(16, 'trap', 5000), point(16, 'hw', 6000), point(32, 'trap', 9000)];

describe('memory-sweep layout', () => {
	it('draws a line per variant with a gap where the run has not ended', () => {
		expect(variantLines([16, 32], ['trap', 'hw'], points, 'cycles')).toEqual([
			[5000, 9000],
			[6000, null]
		]);
		expect(variantLines([16, 32], ['hw'], points, 'perInstruction')).toEqual([[6, null]]);
		expect(measureOf({ ...points[0], guestInstructions: 0 }, 'perInstruction')).toBe(0);
	});

	it('counts a point done when every variant has run there', () => {
		expect(pointsDone([16, 32], ['trap', 'hw'], points)).toBe(1);
		expect(pointsDone([16, 32], ['trap'], points)).toBe(2);
		expect(pointsDone([16, 32], ['trap', 'hw'], [])).toBe(0);
	});

	it('marks the crossovers of plain two-stage translation, else of the first hw variant', () => {
		const c = (variant: Crossover['variant'], value: number): Crossover => ({
			variant,
			value,
			previous: value / 2,
			before: 'hw',
			after: 'trap'
		});
		const all = [c('hw', 128), c('hw+megapages', 256), c('hw', 32)];
		expect(markedCrossovers(all, ['trap', 'hw', 'hw+megapages'])).toEqual([all[0], all[2]]);
		expect(markedCrossovers(all, ['trap', 'hw+megapages'])).toEqual([all[1]]);
		expect(markedCrossovers(all, ['trap'])).toEqual([]);
	});

	it('uses a log axis for a wide range without 0', () => {
		expect(logX([16, 32, 64, 128])).toBe(true);
		expect(logX([0, 1, 2, 4, 8, 16])).toBe(false);
		expect(logX([4, 6, 8])).toBe(false);
	});

	it('writes the rows of virtlab vm --sweep --csv', () => {
		expect(tableRows(points)[1]).toEqual([16, 'hw', 1000, 7, 12, 6000]);
	});
});
