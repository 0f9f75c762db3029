/**
 * Autosave of a student's lab work in the browser, beside the notebook's `virtlab:nb:…` and the
 * playground's `virtlab:machine:…` entries, through the same KeyValueStorage
 * (notebook/persistence.ts). Work is kept per lab and student:
 *
 *   virtlab:lab:<lab id>             { "version": 1, "student": "s1234" }   the id last used
 *   virtlab:lab:<lab id>:<student>   { "version": 1, "answers": {…}, "savedAt": 1764… }
 *
 * so two students sharing a browser each find their own work under their own id, and changing the
 * id never loses what was saved under the old one. What is read back is checked by hand (no zod:
 * this module is in the lab page's first JavaScript); an entry that does not fit is ignored, and
 * answers to tasks the lab no longer has are dropped.
 */
import type { KeyValueStorage } from '../notebook/persistence.ts';
import { normalizeStudentId } from '../labs/params.ts';

export interface SavedWork {
	answers: Record<string, string>;
	/** Milliseconds since 1970 (Date.now()). */
	savedAt: number;
}

export function studentKey(labId: string): string {
	return `virtlab:lab:${labId}`;
}

export function workKey(labId: string, studentId: string): string {
	return `virtlab:lab:${labId}:${normalizeStudentId(studentId)}`;
}

function readJson(storage: KeyValueStorage, key: string): Record<string, unknown> | null {
	try {
		const text = storage.getItem(key);
		if (text === null) return null;
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null; // storage disabled, or not JSON
	}
}

function writeJson(storage: KeyValueStorage, key: string, value: object): boolean {
	try {
		storage.setItem(key, JSON.stringify(value));
		return true;
	} catch {
		return false; // storage disabled or full
	}
}

/** The student id last used for this lab, or '' when there is none. */
export function readStudent(storage: KeyValueStorage, labId: string): string {
	const entry = readJson(storage, studentKey(labId));
	return entry?.version === 1 && typeof entry.student === 'string' ? entry.student : '';
}

export function writeStudent(storage: KeyValueStorage, labId: string, studentId: string): boolean {
	return writeJson(storage, studentKey(labId), { version: 1, student: studentId });
}

/** The work saved for this student, keeping only string answers to the tasks in `taskIds`. */
export function readWork(
	storage: KeyValueStorage,
	labId: string,
	studentId: string,
	taskIds: string[]
): SavedWork | null {
	const entry = readJson(storage, workKey(labId, studentId));
	if (entry?.version !== 1 || typeof entry.answers !== 'object' || entry.answers === null)
		return null;
	const stored = entry.answers as Record<string, unknown>;
	const answers: Record<string, string> = {};
	for (const id of taskIds) {
		const value = stored[id];
		if (Object.hasOwn(stored, id) && typeof value === 'string') answers[id] = value;
	}
	const savedAt =
		typeof entry.savedAt === 'number' && Number.isFinite(entry.savedAt) ? entry.savedAt : 0;
	return { answers, savedAt };
}

/** Saves the work; false when the browser refused (storage disabled or full). */
export function writeWork(
	storage: KeyValueStorage,
	labId: string,
	studentId: string,
	work: SavedWork
): boolean {
	return writeJson(storage, workKey(labId, studentId), { version: 1, ...work });
}
