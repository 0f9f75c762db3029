/**
 * Autosave: a program saved for a page comes back for that page only; an entry that is not ours
 * (damaged, from another version, edited by hand) is ignored; a browser that refuses storage is
 * reported, not thrown at the page.
 */
import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '$lib/notebook/persistence.ts';
import {
	machineStorageKey,
	readSaved,
	removeSaved,
	writeSaved
} from '$lib/widgets/machine/saved.ts';
import { MAX_SOURCE_BYTES } from '$lib/widgets/machine/source-file.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}

const refusing: KeyValueStorage = {
	getItem: () => {
		throw new Error('SecurityError');
	},
	setItem: () => {
		throw new Error('QuotaExceededError');
	},
	removeItem: () => {
		throw new Error('SecurityError');
	}
};

const saved = { source: '_start:\n\tnop\n', breakpoints: [2], savedAt: 1_700_000_000_000 };

describe('saved programs', () => {
	it('names the entry after the page', () => {
		expect(machineStorageKey('en:playground')).toBe('virtlab:machine:en:playground');
	});

	it('gives back what was saved, per page', () => {
		const storage = memoryStorage();
		const key = machineStorageKey('playground');
		expect(writeSaved(storage, key, saved)).toBe(true);
		expect(readSaved(storage, key)).toEqual(saved);
		expect(readSaved(storage, machineStorageKey('lesson:paging'))).toBeNull();
		expect(removeSaved(storage, key)).toBe(true);
		expect(readSaved(storage, key)).toBeNull();
	});

	it('saves only the three fields', () => {
		const storage = memoryStorage();
		writeSaved(storage, 'k', { ...saved, extra: 'no' } as typeof saved);
		expect(JSON.parse(storage.data.get('k')!)).toEqual(saved);
	});

	it('keeps the firmware flag of the guest kernel, and reads an entry without it as bare metal', () => {
		const storage = memoryStorage();
		writeSaved(storage, 'k', { ...saved, firmware: true });
		expect(readSaved(storage, 'k')).toEqual({ ...saved, firmware: true });
		writeSaved(storage, 'k', { ...saved, firmware: false });
		expect(JSON.parse(storage.data.get('k')!)).toEqual(saved); // false is not written
		expect(readSaved(storage, 'k')).toEqual(saved);
		// an entry written before the field existed
		storage.setItem('old', JSON.stringify(saved));
		expect(readSaved(storage, 'old')?.firmware).toBeUndefined();
		storage.setItem('bad', JSON.stringify({ ...saved, firmware: 'yes' }));
		expect(readSaved(storage, 'bad')).toBeNull();
	});

	it('ignores an entry that is not a saved program', () => {
		const storage = memoryStorage();
		for (const text of [
			'not json',
			'null',
			'"text"',
			JSON.stringify({ source: 'nop' }),
			JSON.stringify({ ...saved, breakpoints: [-1] }),
			JSON.stringify({ ...saved, savedAt: 'yesterday' }),
			JSON.stringify({ ...saved, source: 'x'.repeat(MAX_SOURCE_BYTES + 1) })
		]) {
			storage.data.set('k', text);
			expect(readSaved(storage, 'k'), text.slice(0, 30)).toBeNull();
		}
	});

	it('reports a browser that refuses, without throwing', () => {
		expect(writeSaved(refusing, 'k', saved)).toBe(false);
		expect(readSaved(refusing, 'k')).toBeNull();
		expect(removeSaved(refusing, 'k')).toBe(false);
	});

	it('does not save a program larger than a link or a file may be', () => {
		const storage = memoryStorage();
		expect(writeSaved(storage, 'k', { ...saved, source: 'x'.repeat(MAX_SOURCE_BYTES + 1) })).toBe(
			false
		);
		expect(storage.data.size).toBe(0);
	});
});
