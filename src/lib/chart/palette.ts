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

/**
 * Reference lines (a capacity, a demand, a formula a simulation is held against) are drawn in the
 * text colour, solid or dashed, so that they never share a style with a data series.
 */
const REFERENCE_DASHES = ['', '6 3', '1 3'];

export function referenceStyle(index: number): SeriesStyle {
	return { color: 'var(--fg)', dash: REFERENCE_DASHES[index % REFERENCE_DASHES.length] };
}

/**
 * Areas (bars, Gantt stretches) get a fill pattern per series as well as a colour, so that they
 * differ without colour: marks in the page's background colour drawn over the series colour.
 */
export const PATTERNS = ['solid', 'stripes', 'dots', 'crosshatch', 'verticals', 'waves'] as const;
export type PatternKind = (typeof PATTERNS)[number];

export function seriesPattern(index: number): PatternKind {
	return PATTERNS[index % PATTERNS.length];
}

/** The id of series `index`'s pattern inside the chart (or swatch) whose ids start with `prefix`. */
export function patternId(prefix: string, index: number): string {
	return `${prefix}-pattern-${index % SERIES_COUNT}`;
}
