import { describe, expect, it } from 'vitest';
import {
	makeSubmission,
	MAX_SUBMISSION_BYTES,
	parseSubmission
} from '../../../src/lib/labs/submission.ts';
import { testLab } from './fixtures.ts';

const lab = testLab();
const good = makeSubmission(lab, 'alice', { twice: '20' }, '2026-11-30T12:00:00.000Z');
const text = (value: unknown) => JSON.stringify(value);

describe('parseSubmission', () => {
	it('reads a submission made for the lab', () => {
		expect(parseSubmission(text(good), lab)).toEqual({ ok: true, submission: good, warnings: [] });
	});

	it('drops score fields and names them', () => {
		const forged = { ...good, score: 10, points: { twice: 2 } };
		const parsed = parseSubmission(text(forged), lab);
		expect(parsed.ok && parsed.submission).toEqual(good);
		expect(parsed.ok && parsed.warnings).toEqual([
			"ignored field 'score': scores are computed, never read",
			"ignored field 'points': scores are computed, never read"
		]);
	});

	it('refuses each kind of bad file with its own problem', () => {
		const cases: [string, string, RegExp][] = [
			['{\n"format" 1}', 'not-json', /^not JSON at line 2, column 10: Expected ':'/],
			['{"a": tru}', 'not-json', /^not JSON: Unexpected token/],
			[text(good).slice(0, 40), 'truncated', /cut off/],
			['', 'truncated', /empty/],
			[text({ ...good, format: 'other' }), 'wrong-format', /not a VirtLab lab submission/],
			[text([1, 2]), 'wrong-format', /not a VirtLab lab submission/],
			[text({ ...good, formatVersion: 9 }), 'wrong-format', /format version 9/],
			[
				text({ ...good, lab: { id: 'other', version: 3 } }),
				'wrong-lab',
				/"other", not for 'test-lab'/
			],
			[
				text({ ...good, lab: { id: 'test-lab', version: 2 } }),
				'wrong-version',
				/version 2 .* now version 3/
			],
			[text({ ...good, answers: undefined }), 'missing-answers', /no answers/],
			[text({ ...good, answers: { twice: 20 } }), 'invalid', /^'answers.twice': /],
			[text({ ...good, studentId: ' ' }), 'invalid', /^'studentId': is empty/],
			[' '.repeat(MAX_SUBMISSION_BYTES + 1), 'oversize', /more than a submission can be/]
		];
		for (const [input, problem, message] of cases) {
			const parsed = parseSubmission(input, lab);
			expect(parsed.ok, problem).toBe(false);
			if (parsed.ok) continue;
			expect(parsed.problem, input.slice(0, 60)).toBe(problem);
			expect(parsed.message).toMatch(message);
		}
	});

	it('warns about answers to tasks the lab does not have', () => {
		const parsed = parseSubmission(text({ ...good, answers: { extra: '1' } }), lab);
		expect(parsed.ok && parsed.warnings).toEqual([
			"ignored answer to 'extra': the lab has no such task"
		]);
	});
});
