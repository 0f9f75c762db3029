import { describe, expect, it } from 'vitest';
import { isCurrent, pointsSoFar, type CheckedAnswer } from '../../../src/lib/lab-page/points.ts';
import type { TaskResult } from '../../../src/lib/labs/types.ts';
import { testLab } from '../labs/fixtures.ts';

const lab = testLab();

function result(id: string, points: number, max: number): TaskResult {
	return { id, kind: 'answer', points, max, passed: points === max, manual: false, messages: [] };
}

describe('pointsSoFar', () => {
	const maxAutomatic = lab.tasks
		.filter((t) => t.kind !== 'written')
		.reduce((a, t) => a + t.points, 0);

	it('adds the points of the checks that still apply, out of the automatic points', () => {
		const [first, second] = lab.tasks;
		const checked: Record<string, CheckedAnswer> = {
			[first.id]: {
				result: result(first.id, first.points, first.points),
				answer: 'a',
				studentId: 's1'
			},
			[second.id]: { result: result(second.id, 1.335, second.points), answer: 'b', studentId: 's1' }
		};
		const answers = { [first.id]: 'a', [second.id]: 'b' };
		expect(pointsSoFar(lab.tasks, checked, answers, ' S1')).toEqual({
			points: Math.round((first.points + 1.335) * 100) / 100,
			max: maxAutomatic
		});
	});

	it('stops counting a check once its answer or the student id changed', () => {
		const [first] = lab.tasks;
		const checked = {
			[first.id]: {
				result: result(first.id, first.points, first.points),
				answer: 'a',
				studentId: 's1'
			}
		};
		expect(pointsSoFar(lab.tasks, checked, { [first.id]: 'a2' }, 's1').points).toBe(0);
		expect(pointsSoFar(lab.tasks, checked, { [first.id]: 'a' }, 's2').points).toBe(0);
		expect(isCurrent(checked[first.id], 'a', 'S1')).toBe(true);
		expect(isCurrent(undefined, 'a', 's1')).toBe(false);
	});
});
