/**
 * Autosave of a student's notebook: edited cells and slider values, per lesson and language, under
 * `virtlab:nb:<lang>:<slug>`. Only what differs from the lesson is stored, so an updated lesson keeps
 * its new cells for everyone who did not edit them, and saved data that no longer fits the lesson
 * (a cell or slider that was removed, a value outside a slider's new range) is dropped or clamped.
 */
import { z } from 'zod';
import type { Lang } from '../content/types.ts';
import { clampToSlider, type SliderDefinition } from './sliders.ts';

/** The part of the Web Storage API we use; tests pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function storageKey(lang: Lang, slug: string): string {
	return `virtlab:nb:${lang}:${slug}`;
}

export interface NotebookValues {
	/** Cell id -> source. */
	cells: Record<string, string>;
	/** Slider variable -> value. */
	vars: Record<string, number>;
}

const savedSchema = z.object({
	version: z.literal(1),
	cells: z.record(z.string(), z.string()),
	vars: z.record(z.string(), z.number().refine(Number.isFinite))
});

export type SavedNotebook = z.infer<typeof savedSchema>;

/** What to store: the cells and sliders that differ from the original, or null if none do. */
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
	if (Object.keys(cells).length === 0 && Object.keys(vars).length === 0) return null;
	return { version: 1, cells, vars };
}

/** The original values with whatever still fits from `saved` laid over them. */
export function applySaved(
	saved: unknown,
	original: NotebookValues,
	sliders: SliderDefinition[]
): NotebookValues {
	const cells = { ...original.cells };
	const vars = { ...original.vars };
	const parsed = savedSchema.safeParse(saved);
	if (!parsed.success) return { cells, vars };
	for (const [id, source] of Object.entries(parsed.data.cells)) {
		if (id in cells) cells[id] = source;
	}
	for (const [name, value] of Object.entries(parsed.data.vars)) {
		const slider = sliders.find((s) => s.var === name);
		if (slider) vars[name] = clampToSlider(slider, value);
	}
	return { cells, vars };
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
