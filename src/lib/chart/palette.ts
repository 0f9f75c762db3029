/**
 * The one series palette: the Okabe–Ito colours (in app.css as --series-1..6, with lighter
 * variants for the dark scheme), told apart by people with the common colour-vision deficiencies.
 * Lines also get a dash pattern each, so that they differ without colour too (and in print).
 */
export const SERIES_COUNT = 6;

const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '1 2'];

/** The colour of series `index` (it wraps around after six). */
export function seriesColor(index: number): string {
	return `var(--series-${(index % SERIES_COUNT) + 1})`;
}

export function seriesDash(index: number): string {
	return DASHES[index % DASHES.length];
}

export interface SeriesStyle {
	color: string;
	dash: string;
}

export function seriesStyle(index: number): SeriesStyle {
	return { color: seriesColor(index), dash: seriesDash(index) };
}
