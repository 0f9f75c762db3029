/**
 * Checking a prediction: a typed number against the model's value.
 *
 * Students type what they think (`7`, `7.5`, `1,200`, `2.6 kW`, `52 %`), so the parse is lenient
 * about grouping, a trailing percent sign and the unit the box shows, and strict about anything else.
 *
 * A guess is close when it is within a relative tolerance of the model's value (5 % by default) or
 * within an absolute one (`atol`), whichever is larger. Near zero a relative tolerance means nothing
 * (5 % of 0 is 0, and 5 % of 1e-16 is rounding noise), so the absolute one decides there; its default
 * is a hair above rounding noise, so an answer of 0 must then be 0.
 */
import { formatNumber } from '../../notebook/format.ts';
import type { NotebookStrings } from '../../notebook/strings.ts';

/** Below this, a difference is binary rounding (0.1 + 0.2 − 0.3), not a wrong answer. */
export const roundingSlack = 1e-9;

/**
 * The number in what a student typed, or null. `unit` is the unit the box shows: typing it after
 * the number is allowed (`2.6 kW` in a kW box). A percent sign means "hundredths" (`12 %` is 0.12),
 * except in a box whose unit is `%`, where the student is typing the percentage itself (`52 %` is 52).
 */
export function parseAnswer(text: string, unit?: string): number | null {
	let cleaned = text
		.trim()
		.replace(/，/g, ',')
		.replace(/[,\s](?=\d{3}\b)/g, '');
	const boxUnit = unit?.trim();
	if (boxUnit && boxUnit !== '%' && cleaned.toLowerCase().endsWith(boxUnit.toLowerCase())) {
		cleaned = cleaned.slice(0, cleaned.length - boxUnit.length).trim();
	}
	const match = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([%％])?$/i.exec(cleaned);
	if (!match) return null;
	const n = Number(match[1]);
	if (!Number.isFinite(n)) return null;
	if (!match[2] || boxUnit === '%') return n;
	return n / 100;
}

export interface Tolerance {
	/** Relative: 0.05 accepts answers within 5 % of the model's value. */
	relative: number;
	/** Absolute, in the answer's own unit; what counts near zero. */
	absolute: number;
}

export interface Verdict {
	close: boolean;
	/** The largest difference that still counts as close, for this expected value. */
	allowed: number;
	/** Which bound gave `allowed`: the feedback names it ("within 5 %" or "within ±0.1 kW"). */
	by: 'relative' | 'absolute';
}

export function checkPrediction(guess: number, expected: number, tolerance: Tolerance): Verdict {
	const relative = tolerance.relative * Math.abs(expected);
	const absolute = Math.max(tolerance.absolute, roundingSlack);
	const by = relative >= absolute ? 'relative' : 'absolute';
	const allowed = Math.max(relative, absolute);
	// A relative hair of slack so that 5 % off counts as "within 5 %" despite binary rounding.
	return { close: Math.abs(guess - expected) <= allowed * (1 + 1e-12), allowed, by };
}

export function toleranceText(tolerance: number): string {
	return `${formatNumber(Number((tolerance * 100).toPrecision(12)))} %`;
}

/**
 * The model's side of a check: its value (with the mathjs unit it came in, if any), or why there is
 * none.
 */
export type ModelAnswer =
	{ value: number; shown: string; unit?: string } | { value: null; message: string };

/** What the widget says after Check: whether the guess is close, in the student's language. */
export function predictionFeedback(
	t: NotebookStrings,
	answer: string,
	model: ModelAnswer,
	tolerance: Tolerance,
	unit?: string,
	/** Reads a quantity in another unit (`2600 W` for a kW answer), when the engine is there. */
	convert?: (text: string, unit: string) => number | null
): { close: boolean; text: string } {
	const modelUnit = model.value === null ? undefined : model.unit;
	const guess =
		parseAnswer(answer, unit) ?? (convert && modelUnit ? convert(answer, modelUnit) : null);
	if (guess === null) return { close: false, text: t.notANumber };
	if (model.value === null) return { close: false, text: t.errorMessage(model.message) };
	const withUnit = (text: string) => (unit ? `${text} ${unit}` : text);
	const shown = withUnit(model.shown);
	const verdict = checkPrediction(guess, model.value, tolerance);
	// Rounding slack alone is no tolerance to speak of: the answer had to be exact.
	const exact = verdict.allowed <= roundingSlack * (1 + 1e-12);
	const allowed = exact
		? null
		: verdict.by === 'relative'
			? toleranceText(tolerance.relative)
			: `±${withUnit(formatNumber(verdict.allowed))}`;
	return {
		close: verdict.close,
		text: verdict.close ? t.close(shown, allowed) : t.far(shown, allowed)
	};
}
