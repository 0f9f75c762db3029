import { describe, expect, it } from 'vitest';
import { starterAnswers, withSaved } from '../../../src/lib/lab-page/lab-work.ts';
import { testLab } from '../labs/fixtures.ts';

const { tasks } = testLab();

describe('lab work', () => {
	it('starts every task from its starter, or empty', () => {
		const answers = starterAnswers(tasks);
		expect(Object.keys(answers)).toEqual(tasks.map((task) => task.id));
		for (const task of tasks) expect(answers[task.id]).toBe('starter' in task ? task.starter : '');
	});

	it('lays saved answers over the starters and drops answers to unknown tasks', () => {
		const [first] = tasks;
		const answers = withSaved(tasks, { [first.id]: 'mine', removed: 'x' });
		expect(answers[first.id]).toBe('mine');
		expect(answers).not.toHaveProperty('removed');
		expect(Object.keys(answers)).toHaveLength(tasks.length);
	});
});
