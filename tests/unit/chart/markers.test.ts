import { describe, expect, it } from 'vitest';
import { MARKER_SHAPES, markerAt, markerPath } from '../../../src/lib/chart/markers.ts';

describe('markers', () => {
	it('draws each shape as one closed path around its centre', () => {
		for (const shape of MARKER_SHAPES) {
			expect(markerPath(shape, 3)).toMatch(/^M0,0m.*z$/);
			// Relative commands only: the same marker can follow any M x,y.
			expect(markerAt(shape, 3)).not.toMatch(/[A-Z]/);
		}
	});

	it('gives every shape a different outline', () => {
		expect(new Set(MARKER_SHAPES.map((s) => markerAt(s, 3))).size).toBe(MARKER_SHAPES.length);
	});
});
