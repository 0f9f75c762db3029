import { describe, expect, it } from 'vitest';
import { indexAfterKey, nearestIndex } from '../../../src/lib/chart/cursor.ts';
import { continuous } from '../../../src/lib/chart/scales.ts';

describe('reading a chart sample by sample', () => {
	it('finds the sample nearest the pointer', () => {
		const xs = [0, 0.25, 0.5, 0.75, 1];
		const x = continuous([0, 1], [0, 400]);
		expect(nearestIndex(xs, x, 0)).toBe(0);
		expect(nearestIndex(xs, x, 110)).toBe(1);
		expect(nearestIndex(xs, x, 999)).toBe(4);
	});

	it('moves like a slider: arrows step, pages jump a tenth, Home and End go to the ends', () => {
		expect(indexAfterKey('ArrowRight', 5, 100)).toBe(6);
		expect(indexAfterKey('ArrowDown', 5, 100)).toBe(4);
		expect(indexAfterKey('PageUp', 5, 100)).toBe(15);
		expect(indexAfterKey('Home', 5, 100)).toBe(0);
		expect(indexAfterKey('End', 5, 100)).toBe(99);
	});

	it('stops at the ends and leaves other keys alone', () => {
		expect(indexAfterKey('ArrowLeft', 0, 10)).toBe(0);
		expect(indexAfterKey('PageUp', 9, 10)).toBe(9);
		expect(indexAfterKey('Tab', 3, 10)).toBeNull();
	});
});
