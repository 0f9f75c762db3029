/**
 * Checking a prediction: a typed number against the model's value, within a relative tolerance.
 * Students type what they think (`7`, `7.5`, `1,200`, `12 %` for a fraction), so the parse is lenient
 * about grouping and a trailing percent sign, and strict about anything else.
 */
import { formatNumber } from '../../notebook/format.ts';
import type { NotebookStrings } from '../../notebook/strings.ts';

/** The number in what a student typed, or null. `12 %` reads as 0.12. */
export function parseAnswer(text: string): number | null {
	const cleaned = text
		.trim()
		.replace(/[,\s](?=\d{3}\b)/g, '')
		.replace(/，/g, '');
	const match = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(%)?$/i.exec(cleaned);
	if (!match) return null;
	const n = Number(match[1]);
	if (!Number.isFinite(n)) return null;
	return match[2] ? n / 100 : n;
}

export interface Verdict {
	close: boolean;
	/** |guess − expected| / |expected| (absolute difference when expected is 0). */
	error: number;
}

export function checkPrediction(guess: number, expected: number, tolerance: number): Verdict {
	const difference = Math.abs(guess - expected);
	const error = expected === 0 ? difference : difference / Math.abs(expected);
	// A hair of slack so that 5 % off counts as "within 5 %" despite binary rounding.
	return { close: error <= tolerance + 1e-12, error };
}

export function toleranceText(tolerance: number): string {
	return `${formatNumber(Number((tolerance * 100).toPrecision(12)))} %`;
}

/** The model's side of a check: its value, or why there is none. */
export type ModelAnswer = { value: number; shown: string } | { value: null; message: string };

/** What the widget says after Check: whether the guess is close, in the student's language. */
export function predictionFeedback(
	t: NotebookStrings,
	answer: string,
	model: ModelAnswer,
	tolerance: number,
	unit?: string
): { close: boolean; text: string } {
	const guess = parseAnswer(answer);
	if (guess === null) return { close: false, text: t.notANumber };
	if (model.value === null) return { close: false, text: model.message };
	const shown = unit ? `${model.shown} ${unit}` : model.shown;
	const allowed = tolerance === 0 ? null : toleranceText(tolerance);
	const { close } = checkPrediction(guess, model.value, tolerance);
	return { close, text: close ? t.close(shown, allowed) : t.far(shown, allowed) };
}
