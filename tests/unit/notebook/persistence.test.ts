import { describe, expect, it } from 'vitest';
import {
	applySaved,
	diffFromOriginal,
	readSaved,
	storageKey,
	writeSaved,
	type KeyValueStorage
} from '../../../src/lib/notebook/persistence.ts';
import type { SliderDefinition } from '../../../src/lib/notebook/sliders.ts';

/** An in-memory stand-in for localStorage. */
class FakeStorage implements KeyValueStorage {
	items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

const sliders: SliderDefinition[] = [
	{
		id: 'widget-1',
		var: 'N',
		min: 1,
		max: 100,
		step: 1,
		default: 40,
		label: 'N',
		display: 'number'
	}
];
const original = {
	cells: { 'cell-1': 'a = N', 'cell-2': 'a * 2' },
	vars: { N: 40 },
	answers: {}
};

describe('notebook persistence', () => {
	it('keys saved work by language and lesson', () => {
		expect(storageKey('zh', 'why-virtualize')).toBe('virtlab:nb:zh:why-virtualize');
	});

	it('stores only what differs from the lesson', () => {
		const current = {
			cells: { ...original.cells, 'cell-2': 'a * 3' },
			vars: { N: 40 },
			answers: {}
		};
		expect(diffFromOriginal(current, original)).toEqual({
			version: 1,
			cells: { 'cell-2': 'a * 3' },
			vars: {}
		});
		expect(diffFromOriginal(original, original)).toBeNull();
	});

	it('round-trips edits and slider values through storage', () => {
		const storage = new FakeStorage();
		const key = storageKey('en', 'l');
		const current = {
			cells: { ...original.cells, 'cell-1': 'a = N + 1' },
			vars: { N: 70 },
			answers: {}
		};
		expect(writeSaved(storage, key, current, original)).toBe(true);
		expect(applySaved(readSaved(storage, key), original, sliders)).toEqual(current);
	});

	it('removes the stored entry when the work equals the lesson again (reset)', () => {
		const storage = new FakeStorage();
		const key = storageKey('en', 'l');
		writeSaved(storage, key, { cells: original.cells, vars: { N: 10 }, answers: {} }, original);
		expect(storage.items.has(key)).toBe(true);
		writeSaved(storage, key, original, original);
		expect(storage.items.has(key)).toBe(false);
		expect(applySaved(readSaved(storage, key), original, sliders)).toEqual(original);
	});

	it('drops saved cells and sliders the lesson no longer has, and clamps old values', () => {
		const saved = {
			version: 1,
			cells: { 'cell-9': 'x', 'cell-1': 'a = 2' },
			vars: { N: 500, M: 3 }
		};
		expect(applySaved(saved, original, sliders)).toEqual({
			cells: { 'cell-1': 'a = 2', 'cell-2': 'a * 2' },
			vars: { N: 100 },
			answers: {}
		});
	});

	it('keeps the answers of predictions the lesson still has', () => {
		const saved = { version: 1, cells: {}, vars: {}, answers: { 'widget-2': '14', old: '3' } };
		expect(applySaved(saved, original, sliders, ['widget-2']).answers).toEqual({
			'widget-2': '14'
		});
		const answered = { ...original, answers: { 'widget-2': '14' } };
		expect(diffFromOriginal(answered, original)).toEqual({
			version: 1,
			cells: {},
			vars: {},
			answers: { 'widget-2': '14' }
		});
	});

	it('ignores corrupt or foreign data', () => {
		const storage = new FakeStorage();
		storage.setItem('k', '{not json');
		expect(readSaved(storage, 'k')).toBeNull();
		expect(applySaved({ version: 2, cells: {} }, original, sliders)).toEqual(original);
		expect(applySaved({ version: 1, cells: { 'cell-1': 5 }, vars: {} }, original, sliders)).toEqual(
			original
		);
	});

	it('reports a browser that refuses to store', () => {
		const full: KeyValueStorage = {
			getItem: () => null,
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {}
		};
		const current = { cells: original.cells, vars: { N: 2 }, answers: {} };
		expect(writeSaved(full, 'k', current, original)).toBe(false);
	});
});
