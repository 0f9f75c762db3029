/**
 * Autosave of a student's notebook: edited cells, slider values and committed predictions, per
 * lesson and language, under `virtlab:nb:<lang>:<slug>`. Only what differs from the lesson is stored,
 * so an updated lesson keeps its new cells for everyone who did not edit them, and saved data that no
 * longer fits the lesson (a cell or slider that was removed, a value outside a slider's new range) is
 * dropped or clamped.
 *
 * The stored shape is checked by hand rather than with zod: this module ships in the lesson page's
 * first JavaScript, which has a weight budget (docs/architecture.md, "Weight").
 */
import type { Lang } from '../content/types.ts';
import { clampToSlider, type SliderDefinition } from './sliders.ts';

/** The part of the Web Storage API we use; tests pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or nothing where the browser refuses it (blocked site data). */
export function browserStorage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

export function storageKey(lang: Lang, slug: string): string {
	return `virtlab:nb:${lang}:${slug}`;
}

export interface NotebookValues {
	/** Cell id -> source. */
	cells: Record<string, string>;
	/** Slider variable -> value. */
	vars: Record<string, number>;
	/** Prediction id -> what the student answered (an answered prediction shows its experiment). */
	answers: Record<string, string>;
}

export interface SavedNotebook {
	version: 1;
	cells: Record<string, string>;
	vars: Record<string, number>;
	answers?: Record<string, string>;
}

/** The entries of `value` whose values pass `keep`, or null when it is not a plain object. */
function entriesOf<T>(value: unknown, keep: (v: unknown) => v is T): [string, T][] | null {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
	return Object.entries(value).filter((entry): entry is [string, T] => keep(entry[1]));
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What to store: what differs from the original, or null if nothing does. */
export function diffFromOriginal(
	current: NotebookValues,
	original: NotebookValues
): SavedNotebook | null {
	const cells: Record<string, string> = {};
	for (const [id, source] of Object.entries(current.cells)) {
		if (original.cells[id] !== undefined && source !== original.cells[id]) cells[id] = source;
	}
	const vars: Record<string, number> = {};
	for (const [name, value] of Object.entries(current.vars)) {
		if (original.vars[name] !== undefined && value !== original.vars[name]) vars[name] = value;
	}
	const answers = { ...current.answers };
	const none = (record: object) => Object.keys(record).length === 0;
	if (none(cells) && none(vars) && none(answers)) return null;
	return none(answers) ? { version: 1, cells, vars } : { version: 1, cells, vars, answers };
}

/** The original values with whatever still fits from `saved` laid over them. */
export function applySaved(
	saved: unknown,
	original: NotebookValues,
	sliders: SliderDefinition[],
	predictions: string[] = []
): NotebookValues {
	const cells = { ...original.cells };
	const vars = { ...original.vars };
	const answers = { ...original.answers };
	const record = saved as Partial<SavedNotebook> | null;
	if (typeof record !== 'object' || record === null || record.version !== 1) {
		return { cells, vars, answers };
	}
	for (const [id, source] of entriesOf(record.cells, isString) ?? []) {
		if (id in cells) cells[id] = source;
	}
	for (const [name, value] of entriesOf(record.vars, isFiniteNumber) ?? []) {
		const slider = sliders.find((s) => s.var === name);
		if (slider) vars[name] = clampToSlider(slider, value);
	}
	for (const [id, answer] of entriesOf(record.answers, isString) ?? []) {
		if (predictions.includes(id)) answers[id] = answer;
	}
	return { cells, vars, answers };
}

/** Reads and parses what is stored; anything unreadable counts as nothing stored. */
export function readSaved(storage: KeyValueStorage, key: string): unknown {
	try {
		const text = storage.getItem(key);
		return text === null ? null : JSON.parse(text);
	} catch {
		return null;
	}
}

/**
 * Stores the difference from the original (or removes the key when there is none). Returns false
 * when the browser refused (storage disabled or full), so the page can say the work is not saved.
 */
export function writeSaved(
	storage: KeyValueStorage,
	key: string,
	current: NotebookValues,
	original: NotebookValues
): boolean {
	try {
		const diff = diffFromOriginal(current, original);
		if (diff) storage.setItem(key, JSON.stringify(diff));
		else storage.removeItem(key);
		return true;
	} catch {
		return false;
	}
}
