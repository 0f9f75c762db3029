import { describe, expect, it } from 'vitest';
import { csvField, gradebookCsv } from '../../../src/lib/labs/gradebook.ts';
import { gradeSubmission } from '../../../src/lib/labs/grade.ts';
import { referenceSubmission } from '../../../src/lib/labs/solve.ts';
import { testLab } from './fixtures.ts';

describe('gradebookCsv', () => {
	it('writes one row per student: id, total, one column per task, problems', () => {
		const lab = testLab();
		const grade = gradeSubmission(lab, referenceSubmission(lab, 'alice'));
		const csv = gradebookCsv(lab, [grade], [{ file: 'x.json', message: 'not JSON, "oops"' }]);
		expect(csv.split('\r\n')).toEqual([
			'student_id,total,sum (4),twice (2),servers (3),why (1),problems',
			'alice,9,4,2,3,,no answer to why',
			'x.json,,,,,,"x.json: not JSON, ""oops"""',
			''
		]);
	});

	it('keeps a spreadsheet from reading a field as a formula', () => {
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvField(-2.5)).toBe('-2.5');
	});
});
