import { describe, expect, it } from 'vitest';
import {
	PATTERNS,
	SERIES_COUNT,
	patternId,
	referenceStyle,
	seriesColor,
	seriesPattern,
	seriesStyle
} from '../../../src/lib/chart/palette.ts';

describe('the series palette', () => {
	it('gives each of the six series its own colour and dash, then wraps around', () => {
		const styles = Array.from({ length: SERIES_COUNT }, (_, i) => seriesStyle(i));
		expect(new Set(styles.map((s) => s.color)).size).toBe(SERIES_COUNT);
		expect(new Set(styles.map((s) => s.dash)).size).toBe(SERIES_COUNT);
		expect(seriesColor(0)).toBe('var(--series-1)');
		expect(seriesColor(SERIES_COUNT)).toBe(seriesColor(0));
	});

	it('gives each series a fill pattern of its own, so areas differ without colour', () => {
		const patterns = Array.from({ length: SERIES_COUNT }, (_, i) => seriesPattern(i));
		expect(new Set(patterns).size).toBe(SERIES_COUNT);
		expect(PATTERNS).toHaveLength(SERIES_COUNT);
		expect(patternId('widget-3', 1)).toBe('widget-3-pattern-1');
		expect(patternId('w', SERIES_COUNT + 1)).toBe(patternId('w', 1));
	});

	it('draws reference lines in the text colour, unlike any series', () => {
		const series = Array.from({ length: SERIES_COUNT }, (_, i) => seriesStyle(i).color);
		for (const i of [0, 1, 2]) expect(series).not.toContain(referenceStyle(i).color);
		expect(referenceStyle(0).dash).not.toBe(referenceStyle(1).dash);
	});
});
