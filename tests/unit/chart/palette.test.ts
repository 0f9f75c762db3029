import { describe, expect, it } from 'vitest';
import { SERIES_COUNT, seriesColor, seriesStyle } from '../../../src/lib/chart/palette.ts';

describe('the series palette', () => {
	it('gives each of the six series its own colour and dash, then wraps around', () => {
		const styles = Array.from({ length: SERIES_COUNT }, (_, i) => seriesStyle(i));
		expect(new Set(styles.map((s) => s.color)).size).toBe(SERIES_COUNT);
		expect(new Set(styles.map((s) => s.dash)).size).toBe(SERIES_COUNT);
		expect(seriesColor(0)).toBe('var(--series-1)');
		expect(seriesColor(SERIES_COUNT)).toBe(seriesColor(0));
	});
});
