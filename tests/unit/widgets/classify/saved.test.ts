import { describe, expect, it } from 'vitest';
import {
	classifyStorageKey,
	readClassification,
	writeClassification
} from '../../../../src/lib/widgets/classify/saved.ts';

function memoryStorage() {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (key: string) => map.get(key) ?? null,
		setItem: (key: string, value: string) => void map.set(key, value),
		removeItem: (key: string) => void map.delete(key)
	};
}

const ids = ['popf', 'sgdt'];

describe('saving a classification', () => {
	it('keeps it beside the lesson’s notebook, per language, lesson and sets shown', () => {
		expect(classifyStorageKey('virtlab:nb:zh:popek-goldberg', ['riscv', 'x86'])).toBe(
			'virtlab:classify:zh:popek-goldberg:riscv+x86'
		);
	});

	it('gives back what was saved, answers and the last Check', () => {
		const storage = memoryStorage();
		const saved = {
			answers: { popf: { sensitive: true, privileged: false } },
			checked: { popf: { sensitive: true, privileged: true } }
		};
		expect(writeClassification(storage, 'k', saved)).toBe(true);
		expect(readClassification(storage, 'k', ids)).toEqual(saved);
	});

	it('drops what does not fit the table and survives garbage', () => {
		const storage = memoryStorage();
		storage.setItem(
			'k',
			JSON.stringify({
				answers: {
					popf: { sensitive: 'yes', privileged: false },
					gone: { sensitive: true, privileged: true },
					sgdt: { sensitive: true, privileged: false }
				},
				checked: 7
			})
		);
		expect(readClassification(storage, 'k', ids)).toEqual({
			answers: { sgdt: { sensitive: true, privileged: false } },
			checked: null
		});
		storage.setItem('k', '{not json');
		expect(readClassification(storage, 'k', ids)).toEqual({ answers: {}, checked: null });
		expect(readClassification(storage, 'missing', ids)).toEqual({ answers: {}, checked: null });
	});

	it('says so when the browser refuses to store', () => {
		const full = {
			...memoryStorage(),
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(writeClassification(full, 'k', { answers: {}, checked: null })).toBe(false);
	});
});
