import { describe, expect, it } from 'vitest';
import {
	answerInput,
	gradedByHand,
	settableKeys,
	starterOf
} from '../../../src/lib/lab-page/answer-input.ts';
import { testLab } from '../labs/fixtures.ts';

describe('answerInput', () => {
	it('gives each task kind of the engine its control', () => {
		const kinds = Object.fromEntries(testLab().tasks.map((task) => [task.kind, answerInput(task)]));
		expect(kinds).toEqual({ asm: 'code', answer: 'line', model: 'data', written: 'prose' });
	});

	it('gives a kind it does not know the code editor when it has a starter and a solution program', () => {
		expect(
			answerInput({ kind: 'vmm', starter: 'guest:\n\tecall', solution: 'guest:\n\tnop' })
		).toBe('code');
	});

	it('degrades any other unknown kind to a text area', () => {
		expect(answerInput({ kind: 'diagram' })).toBe('prose');
		expect(answerInput({ kind: 'essay', starter: 'Dear …' })).toBe('prose');
		// A kind named like an Object method is still unknown.
		expect(answerInput({ kind: 'toString' })).toBe('prose');
	});
});

describe('starterOf and gradedByHand', () => {
	it('starts from the starter, or from nothing', () => {
		expect(starterOf({ kind: 'asm', starter: 'trap_handler:\n' })).toBe('trap_handler:\n');
		expect(starterOf({ kind: 'answer', solution: '2 * N' })).toBe('');
	});

	it('marks only written tasks as graded by hand', () => {
		expect(
			testLab()
				.tasks.filter(gradedByHand)
				.map((task) => task.kind)
		).toEqual(['written']);
	});
});

describe('settableKeys', () => {
	it("lists a model task's fields and its variables, which the lab's expressions read", () => {
		expect(settableKeys({ fields: ['c'] })).toEqual(['c']);
		expect(settableKeys({ fields: [], variables: ['WEB_WEIGHT', 'BATCH_CAP'] })).toEqual([
			'WEB_WEIGHT',
			'BATCH_CAP'
		]);
		expect(settableKeys({ fields: ['WSET'], variables: ['ROUNDS'] })).toEqual(['WSET', 'ROUNDS']);
		expect(settableKeys({})).toEqual([]);
	});
});
