import { describe, expect, it } from 'vitest';
import { errorExcerpt, submissionFileName } from '../../../src/lib/lab-page/submission-file.ts';
import { parseSubmission } from '../../../src/lib/labs/submission.ts';
import { testLab } from '../labs/fixtures.ts';

describe('submissionFileName', () => {
	it('is <lab>-<student>.json with the id made safe for a file name', () => {
		expect(submissionFileName('trap-emulate', 'S1234')).toBe('trap-emulate-s1234.json');
		expect(submissionFileName('trap-emulate', ' Li Wei/2 ')).toBe('trap-emulate-li-wei-2.json');
		expect(submissionFileName('trap-emulate', '../..')).toBe('trap-emulate-student.json');
	});
});

describe('errorExcerpt', () => {
	it('shows the line the engine names, with a caret under its column', () => {
		const text = '{\n\t"format": "virtlab-lab-submission",\n\t"answers": {,}\n}';
		const parsed = parseSubmission(text, testLab());
		expect(parsed.ok).toBe(false);
		const message = parsed.ok ? '' : parsed.message;
		const excerpt = errorExcerpt(text, message);
		expect(excerpt).toMatchObject({ line: 3 });
		expect(excerpt!.source).toBe(' "answers": {,}');
		expect(excerpt!.source[excerpt!.caret.length - 1]).toBe(',');
	});

	it('keeps a long line to a window around the column', () => {
		const line = `${'x'.repeat(500)}!${'y'.repeat(500)}`;
		const excerpt = errorExcerpt(line, 'not JSON at line 1, column 501: Unexpected token')!;
		expect(excerpt.source.length).toBeLessThanOrEqual(60);
		expect(excerpt.source[excerpt.caret.length - 1]).toBe('!');
	});

	it('has nothing to show when the message names no place in the file', () => {
		expect(errorExcerpt('{}', 'a submission for lab "x", not for \'y\'')).toBeUndefined();
		expect(errorExcerpt('{}', 'not JSON at line 9, column 1: …')).toBeUndefined();
	});
});
