import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { doneMarks } from '../../../src/lib/progress/doneMarks.svelte.ts';
import { memoryStorage } from './memoryStorage.ts';

describe('doneMarks', () => {
	beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
	afterEach(() => vi.unstubAllGlobals());

	it('reads marks from storage and counts them', () => {
		localStorage.setItem('virtlab:done:a', 'true');
		for (const slug of ['a', 'b']) doneMarks.load(slug);
		expect(doneMarks.isDone('a')).toBe(true);
		expect(doneMarks.isDone('b')).toBe(false);
		expect(doneMarks.count(['a', 'b'])).toBe(1);
	});

	it('writes every change through to storage', () => {
		doneMarks.set('b', true);
		doneMarks.set('c', true);
		expect(localStorage.getItem('virtlab:done:b')).toBe('true');
		expect(doneMarks.count(['b', 'c', 'd'])).toBe(2);
		doneMarks.set('b', false);
		expect(localStorage.getItem('virtlab:done:b')).toBeNull();
	});
});
