import { describe, expect, it } from 'vitest';
import { doneKey, isDone, setDone } from '../../../src/lib/progress/done.ts';
import { blockedStorage, memoryStorage } from './memoryStorage.ts';

describe('done marks', () => {
	it('are kept per lesson under virtlab:done:<slug>', () => {
		const storage = memoryStorage();
		setDone(storage, 'why-virtualize', true);
		expect(storage.getItem('virtlab:done:why-virtualize')).toBe('true');
		expect(doneKey('why-virtualize')).toBe('virtlab:done:why-virtualize');
		expect(isDone(storage, 'why-virtualize')).toBe(true);
		expect(isDone(storage, 'trap-and-emulate')).toBe(false);
	});

	it('can be cleared again', () => {
		const storage = memoryStorage();
		setDone(storage, 'why-virtualize', true);
		setDone(storage, 'why-virtualize', false);
		expect(isDone(storage, 'why-virtualize')).toBe(false);
		expect(storage.length).toBe(0);
	});

	it('fail quietly when storage is blocked or missing', () => {
		expect(() => setDone(blockedStorage(), 'x', true)).not.toThrow();
		expect(isDone(blockedStorage(), 'x')).toBe(false);
		expect(isDone(undefined, 'x')).toBe(false);
	});
});
