import { describe, expect, it } from 'vitest';
import {
	readStudent,
	readWork,
	studentKey,
	workKey,
	writeStudent,
	writeWork
} from '../../../src/lib/lab-page/saved-work.ts';
import type { KeyValueStorage } from '../../../src/lib/notebook/persistence.ts';

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (key) => map.get(key) ?? null,
		setItem: (key, value) => void map.set(key, value),
		removeItem: (key) => void map.delete(key)
	};
}

const refusing: KeyValueStorage = {
	getItem: () => {
		throw new Error('SecurityError');
	},
	setItem: () => {
		throw new Error('QuotaExceededError');
	},
	removeItem: () => {}
};

describe('saved lab work', () => {
	it('keeps work per lab and per student, the id compared as the grader does', () => {
		const storage = memoryStorage();
		writeWork(storage, 'trap', 'S1234 ', { answers: { cost: '52 %' }, savedAt: 5 });
		writeWork(storage, 'trap', 'bob', { answers: { cost: '9' }, savedAt: 6 });
		expect(readWork(storage, 'trap', 's1234', ['cost'])).toEqual({
			answers: { cost: '52 %' },
			savedAt: 5
		});
		expect(readWork(storage, 'trap', 'bob', ['cost'])?.answers).toEqual({ cost: '9' });
		expect(readWork(storage, 'other-lab', 's1234', ['cost'])).toBeNull();
		expect(workKey('trap', ' S1234')).toBe('virtlab:lab:trap:s1234');
	});

	it('remembers the id last used for a lab', () => {
		const storage = memoryStorage();
		expect(readStudent(storage, 'trap')).toBe('');
		writeStudent(storage, 'trap', 's1234');
		expect(readStudent(storage, 'trap')).toBe('s1234');
		expect(storage.map.has(studentKey('trap'))).toBe(true);
	});

	it('drops answers to tasks the lab no longer has, and answers that are not text', () => {
		const storage = memoryStorage();
		storage.setItem(
			workKey('trap', 'a'),
			JSON.stringify({ version: 1, answers: { cost: '1', gone: 'x', handler: 42 }, savedAt: 1 })
		);
		expect(readWork(storage, 'trap', 'a', ['cost', 'handler'])?.answers).toEqual({ cost: '1' });
	});

	it('ignores entries it cannot read rather than trusting them', () => {
		const storage = memoryStorage();
		storage.setItem(workKey('trap', 'a'), '{not json');
		storage.setItem(workKey('trap', 'b'), JSON.stringify({ version: 2, answers: {} }));
		storage.setItem(studentKey('trap'), JSON.stringify({ version: 1, student: 7 }));
		expect(readWork(storage, 'trap', 'a', [])).toBeNull();
		expect(readWork(storage, 'trap', 'b', [])).toBeNull();
		expect(readStudent(storage, 'trap')).toBe('');
	});

	it('says so when the browser refuses to store', () => {
		expect(writeWork(refusing, 'trap', 'a', { answers: {}, savedAt: 0 })).toBe(false);
		expect(writeStudent(refusing, 'trap', 'a')).toBe(false);
		expect(readWork(refusing, 'trap', 'a', [])).toBeNull();
		expect(readStudent(refusing, 'trap')).toBe('');
	});
});
