import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../../src/lib/labs/grade.ts';
import { labParams } from '../../../src/lib/labs/params.ts';
import { referenceSubmission } from '../../../src/lib/labs/solve.ts';
import { makeSubmission, parseSubmission } from '../../../src/lib/labs/submission.ts';
import { testLab } from './fixtures.ts';

const lab = testLab();

/** A student's own answers: the reference program, and numbers computed for their parameters. */
function ownWork(studentId: string): Record<string, string> {
	const params = labParams(lab, studentId);
	return { ...referenceSubmission(lab, studentId).answers, twice: String(2 * Number(params.N)) };
}

describe('gradeSubmission', () => {
	it('gives the reference solution every automatic point', () => {
		const grade = gradeSubmission(lab, referenceSubmission(lab, 'alice'));
		expect(grade.total).toBe(9);
		expect(grade.max).toBe(10);
		expect(grade.tasks.map((t) => [t.id, t.points, t.manual])).toEqual([
			['sum', 4, false],
			['twice', 2, false],
			['servers', 3, false],
			['why', 0, true]
		]);
		expect(grade.problems).toEqual(['no answer to why']);
	});

	it('scores what the work earns whatever score the file claims', () => {
		const forged = {
			...makeSubmission(lab, 'bob', { sum: '_start:\n', twice: '1', servers: 'c: 1' }),
			score: 10,
			total: 10
		};
		const parsed = parseSubmission(JSON.stringify(forged), lab);
		if (!parsed.ok) throw new Error(parsed.message);
		const grade = gradeSubmission(lab, parsed.submission, parsed.warnings);
		expect(grade.total).toBe(0);
		expect(grade.problems).toContain("ignored field 'score': scores are computed, never read");
	});

	it("fails the parameter-dependent tasks for one student's work under another id", () => {
		// Two students whose N differ.
		const alice = 'alice';
		const other = ['bob', 'carol', 'dave', 'erin'].find(
			(id) => labParams(lab, id).N !== labParams(lab, alice).N
		)!;
		const own = gradeSubmission(lab, makeSubmission(lab, alice, ownWork(alice)));
		const copied = gradeSubmission(lab, makeSubmission(lab, other, ownWork(alice)));
		expect(own.tasks.find((t) => t.id === 'twice')!.passed).toBe(true);
		expect(copied.tasks.find((t) => t.id === 'twice')!.passed).toBe(false);
		expect(copied.total).toBeLessThan(own.total);
	});
});
