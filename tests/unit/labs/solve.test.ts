import { describe, expect, it } from 'vitest';
import { referenceSubmission } from '../../../src/lib/labs/solve.ts';
import { labParams } from '../../../src/lib/labs/params.ts';
import { SUBMISSION_FORMAT } from '../../../src/lib/labs/submission.ts';
import { sumSolution, testLab } from './fixtures.ts';

describe('referenceSubmission', () => {
	it("answers every task with the lab's reference, answers as values for the student", () => {
		const lab = testLab();
		const N = Number(labParams(lab, 'alice').N);
		const submission = referenceSubmission(lab, 'alice', '2026-01-01T00:00:00.000Z');
		expect(submission).toEqual({
			format: SUBMISSION_FORMAT,
			formatVersion: 1,
			lab: { id: 'test-lab', version: 3 },
			studentId: 'alice',
			answers: { sum: sumSolution, twice: String(2 * N), servers: 'c: 12', why: '' },
			savedAt: '2026-01-01T00:00:00.000Z'
		});
	});

	it("computes a model task's =expressions for the student: each student's own reference", () => {
		const lab = testLab();
		const servers = lab.tasks.find((t) => t.id === 'servers')!;
		Object.assign(servers, { solution: "c: '=N + 10'" });
		const answer = (id: string) => referenceSubmission(lab, id).answers.servers;
		expect(answer('alice')).toBe(`c: ${Number(labParams(lab, 'alice').N) + 10}`);
		expect(answer('bob')).toBe(`c: ${Number(labParams(lab, 'bob').N) + 10}`);
	});
});
