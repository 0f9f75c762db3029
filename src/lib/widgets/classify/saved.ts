/**
 * Keeping a student's classification across reloads. The notebook saves only cells, sliders and
 * predictions (notebook/persistence.ts), so the table keeps its own entry in the browser, next to
 * the notebook's and named after it: `virtlab:classify:<lang>:<slug>:<sets>` for the notebook
 * `virtlab:nb:<lang>:<slug>`. Keyed by the sets shown, not by the widget's place in the lesson, so
 * that editing the lesson around the table keeps the answers. What is read back is checked by hand:
 * only known instruction ids with two booleans survive.
 */
import type { KeyValueStorage } from '../../notebook/persistence.ts';
import type { Answers } from './check.ts';
import type { InstructionSet } from './instructions.ts';

export interface SavedClassification {
	/** What the boxes hold now. */
	answers: Answers;
	/** What they held at the last Check, or null before the first one. */
	checked: Answers | null;
}

export function classifyStorageKey(notebookKey: string, sets: readonly InstructionSet[]): string {
	const lesson = notebookKey.replace(/^virtlab:nb:/, '');
	return `virtlab:classify:${lesson}:${sets.join('+')}`;
}

/** The answers in `value` for the instruction ids in `ids`, or null if it holds none. */
function answersFrom(value: unknown, ids: readonly string[]): Answers | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	const answers: Answers = {};
	for (const id of ids) {
		const answer = (value as Record<string, unknown>)[id] as Record<string, unknown> | undefined;
		if (typeof answer?.sensitive === 'boolean' && typeof answer.privileged === 'boolean')
			answers[id] = { sensitive: answer.sensitive, privileged: answer.privileged };
	}
	return answers;
}

/** What was saved under `key` for these instruction ids; nothing readable gives empty answers. */
export function readClassification(
	storage: KeyValueStorage,
	key: string,
	ids: readonly string[]
): SavedClassification {
	try {
		const text = storage.getItem(key);
		const saved = text === null ? null : (JSON.parse(text) as Record<string, unknown> | null);
		return {
			answers: answersFrom(saved?.answers, ids) ?? {},
			checked: answersFrom(saved?.checked, ids)
		};
	} catch {
		return { answers: {}, checked: null };
	}
}

/** Saves the classification; false when the browser refused (storage disabled or full). */
export function writeClassification(
	storage: KeyValueStorage,
	key: string,
	saved: SavedClassification
): boolean {
	try {
		storage.setItem(key, JSON.stringify(saved));
		return true;
	} catch {
		return false;
	}
}
