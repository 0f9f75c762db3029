/**
 * What the worker and the fallback run. Oracle: the engine itself (checkTask, referenceSubmission),
 * called directly with the same student's parameters.
 */
import { describe, expect, it } from 'vitest';
import { answerRequest } from '../../../src/lib/lab-page/check-requests.ts';
import { checkTask } from '../../../src/lib/labs/check.ts';
import { labParams } from '../../../src/lib/labs/params.ts';
import { referenceSubmission } from '../../../src/lib/labs/solve.ts';
import { sumSolution, testLab } from '../labs/fixtures.ts';

const lab = testLab();

describe('answerRequest', () => {
	it('checks one task with the values of the student who asks', () => {
		for (const student of ['alice', 'bob']) {
			const reply = answerRequest({
				kind: 'check',
				lab,
				studentId: student,
				taskId: 'sum',
				answer: sumSolution
			});
			expect(reply).toEqual({
				kind: 'check',
				result: checkTask(lab, labParams(lab, student), 'sum', sumSolution)
			});
		}
	});

	it('gives the instructor the reference as that student would hand it in, every task checked', () => {
		const reply = answerRequest({ kind: 'reference', lab, studentId: 'alice' });
		if (reply.kind !== 'reference') throw new Error('expected the reference');
		expect(reply.answers).toEqual(referenceSubmission(lab, 'alice').answers);
		expect(reply.results.map((r) => r.id)).toEqual(lab.tasks.map((t) => t.id));
		for (const result of reply.results) expect(result.passed || result.manual).toBe(true);
	});
});
