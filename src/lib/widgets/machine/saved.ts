/**
 * Autosave: the playground keeps the program being written in the browser, per page, so that a
 * reload or a closed tab loses nothing. The entry is `virtlab:machine:<page key>` (the page key
 * names the playground or the lesson and widget), beside the notebook's `virtlab:nb:…` entries,
 * through the same KeyValueStorage (notebook/persistence.ts). What is read back is checked: an
 * entry another version wrote, or one edited by hand, is ignored rather than trusted.
 */
import * as z from 'zod/mini';
import type { KeyValueStorage } from '../../notebook/persistence.ts';
import { MAX_SOURCE_BYTES, utf8Size } from './source-file.ts';

export interface SavedProgram {
	source: string;
	/** Lines with a breakpoint. */
	breakpoints: number[];
	/** When it was saved, in milliseconds since 1970 (Date.now()). */
	savedAt: number;
	/**
	 * Boot behind the SBI firmware (the guest kernel example). Absent means false, so entries saved
	 * before the field existed are read as they were meant.
	 */
	firmware?: boolean;
}

const savedSchema = z.object({
	source: z.string(),
	breakpoints: z.array(z.number().check(z.int(), z.minimum(1))),
	savedAt: z.number().check(z.minimum(0)),
	firmware: z.optional(z.boolean())
});

export function machineStorageKey(pageKey: string): string {
	return `virtlab:machine:${pageKey}`;
}

/** The program saved under `key`, or null when there is none or it cannot be read. */
export function readSaved(storage: KeyValueStorage, key: string): SavedProgram | null {
	try {
		const text = storage.getItem(key);
		if (text === null) return null;
		const parsed = savedSchema.safeParse(JSON.parse(text));
		if (!parsed.success || utf8Size(parsed.data.source) > MAX_SOURCE_BYTES) return null;
		const { source, breakpoints, savedAt, firmware } = parsed.data;
		return { source, breakpoints, savedAt, ...(firmware ? { firmware: true } : {}) };
	} catch {
		return null; // storage disabled, or not JSON
	}
}

/** Saves the program; false when the browser refused (storage disabled or full) or it is too large. */
export function writeSaved(storage: KeyValueStorage, key: string, saved: SavedProgram): boolean {
	if (utf8Size(saved.source) > MAX_SOURCE_BYTES) return false;
	try {
		const { source, breakpoints, savedAt, firmware } = saved;
		storage.setItem(
			key,
			JSON.stringify({ source, breakpoints, savedAt, ...(firmware ? { firmware: true } : {}) })
		);
		return true;
	} catch {
		return false;
	}
}

/** Forgets the saved program (back to the example); false when the browser refused. */
export function removeSaved(storage: KeyValueStorage, key: string): boolean {
	try {
		storage.removeItem(key);
		return true;
	} catch {
		return false;
	}
}
