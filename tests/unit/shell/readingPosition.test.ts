import { describe, expect, it } from 'vitest';
import { readingPosition } from '../../../src/lib/shell/readingPosition.ts';

const headings = (tops: number[]) => tops.map((top, i) => ({ id: `s${i + 1}`, top }));

describe('readingPosition', () => {
	it('is the start of the page before the first heading is reached', () => {
		expect(readingPosition(headings([300, 900]), '', 800)).toBe('');
	});

	it('is the last heading scrolled past the top', () => {
		expect(readingPosition(headings([-900, -100, 50, 600]), '', 800)).toBe('s3');
		expect(readingPosition(headings([-900, -100, 400]), '', 800)).toBe('s2');
	});

	it('is the followed #anchor while its heading is on screen', () => {
		// A section near the end cannot scroll to the top: its link still names it.
		expect(readingPosition(headings([-900, -100, 500]), 's3', 800)).toBe('s3');
	});

	it('follows the scroll once the anchored heading has left the screen', () => {
		expect(readingPosition(headings([-1200, -700, 40]), 's1', 800)).toBe('s3');
	});
});
