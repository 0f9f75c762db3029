import { describe, expect, it } from 'vitest';
import { checkTask, pointsFor } from '../../../src/lib/labs/check.ts';
import { labParams } from '../../../src/lib/labs/params.ts';
import { sumSolution, testLab } from './fixtures.ts';

const lab = testLab();
const params = labParams(lab, 'alice');

describe('checkTask', () => {
	it('gives full points when every check passes', () => {
		expect(checkTask(lab, params, 'sum', sumSolution)).toMatchObject({
			id: 'sum',
			kind: 'asm',
			points: 4,
			max: 4,
			passed: true,
			manual: false
		});
	});

	it('splits points equally among the checks', () => {
		// Right sum, too slow: five of six checks pass.
		const slow = sumSolution.replace(
			'_start:',
			'_start:\n\tli s1, 5000\n8:\taddi s1, s1, -1\n\tbnez s1, 8b\n'
		);
		const result = checkTask(lab, params, 'sum', slow);
		expect(result.passed).toBe(false);
		expect(result.points).toBe(pointsFor(4, 5, 6));
		expect(result.points).toBe(3.33);
	});

	it('marks a written task as graded by hand with 0 automatic points', () => {
		expect(checkTask(lab, params, 'why', 'Because traps are slow.')).toEqual({
			id: 'why',
			kind: 'written',
			points: 0,
			max: 1,
			passed: false,
			manual: true,
			messages: [{ passed: false, text: 'collected: graded by hand, 0 automatic points' }]
		});
	});

	it('gives nothing for an empty answer', () => {
		expect(checkTask(lab, params, 'twice', '').messages).toEqual([
			{ passed: false, text: 'no answer yet' }
		]);
	});

	it('refuses a task the lab does not have', () => {
		expect(() => checkTask(lab, params, 'nope', '1')).toThrow("the lab has no task 'nope'");
	});
});
