/** The console's chunks: growth is appended (and announced), anything else rebuilds silently. */
import { describe, expect, it } from 'vitest';
import {
	EMPTY_LOG,
	droppedBytes,
	inputToSend,
	nextLog
} from '../../../../../src/lib/widgets/machine/views/console-log.ts';

describe('nextLog', () => {
	it('appends only what a command added', () => {
		const a = nextLog(EMPTY_LOG, 'Hello', 5);
		const b = nextLog(a, 'Hello, world\n', 13);
		expect(b.chunks).toEqual(['Hello', ', world\n']);
		expect(b.generation).toBe(a.generation);
		expect(b.chunks.join('')).toBe('Hello, world\n');
	});

	it('returns the same log when nothing changed, so nothing is announced', () => {
		const a = nextLog(EMPTY_LOG, 'Hi', 2);
		expect(nextLog(a, 'Hi', 2)).toBe(a);
	});

	it('rebuilds under a new generation after a step back or a reset', () => {
		const a = nextLog(nextLog(EMPTY_LOG, 'ab', 2), 'abcd', 4);
		const back = nextLog(a, 'abc', 3);
		expect(back).toEqual({ generation: a.generation + 1, chunks: ['abc'], total: 3 });
		const reset = nextLog(back, '', 0);
		expect(reset).toEqual({ generation: a.generation + 2, chunks: [], total: 0 });
	});

	it('rebuilds when the worker has let go of the oldest bytes', () => {
		const a = nextLog(EMPTY_LOG, 'abcd', 4);
		const b = nextLog(a, 'cdef', 6);
		expect(b.generation).toBe(a.generation + 1);
		expect(b.chunks.join('')).toBe('cdef');
	});
});

describe('droppedBytes', () => {
	it('counts the bytes sent but no longer kept, in UTF-8', () => {
		expect(droppedBytes('abc', 3)).toBe(0);
		expect(droppedBytes('abc', 70000)).toBe(69997);
		expect(droppedBytes('é', 5)).toBe(3); // é is two bytes
	});
});

describe('inputToSend', () => {
	it('adds a newline only when asked', () => {
		expect(inputToSend('42', true)).toBe('42\n');
		expect(inputToSend('42', false)).toBe('42');
	});
});
