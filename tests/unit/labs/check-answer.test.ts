import { describe, expect, it } from 'vitest';
import { checkAnswer, readAnswer } from '../../../src/lib/labs/check-answer.ts';
import type { AnswerTask } from '../../../src/lib/labs/types.ts';
import { asmTask } from './fixtures.ts';

const share: AnswerTask = {
	kind: 'answer',
	id: 'share',
	title: 'Share',
	points: 2,
	html: '',
	line: 1,
	solution: '100 * CALLS / (CALLS + WORK)',
	rtol: 0.02,
	atol: 0,
	unit: '%',
	hint: 'count the handler too'
};
const params = { CALLS: 52, WORK: 48 };
const check = (answer: string, lang: 'en' | 'zh' = 'en') =>
	checkAnswer(share, params, answer, lang)[0];

describe('checkAnswer', () => {
	it('accepts the value with or without the unit, and an expression in the parameters', () => {
		for (const answer of ['52 %', '52%', '52', '51.5', '100*CALLS/(CALLS+WORK)', '104/2']) {
			expect(check(answer), answer).toEqual({ passed: true, text: 'correct: 52 % (within 2 %)' });
		}
	});

	it('fails a wrong value without revealing the answer, with the lab hint', () => {
		expect(check('40 %')).toEqual({
			passed: false,
			text: '40 % is not right (not within 2 % of the answer): count the handler too'
		});
	});

	it('computes the expected value from the student parameters', () => {
		expect(checkAnswer(share, { CALLS: 10, WORK: 90 }, '52 %', 'en')[0].passed).toBe(false);
		expect(checkAnswer(share, { CALLS: 10, WORK: 90 }, '10 %', 'en')[0].passed).toBe(true);
	});

	it('says what is not a number', () => {
		expect(check('about half').text).toMatch(/^'about half' is not a number/);
		expect(check('   ').text).toBe('no answer yet');
	});

	it('uses the absolute tolerance near zero', () => {
		const zero = {
			...share,
			solution: '0',
			rtol: 0.05,
			atol: 0.1,
			unit: undefined,
			hint: undefined
		};
		expect(checkAnswer(zero, {}, '0.05', 'en')[0]).toEqual({
			passed: true,
			text: 'correct: 0 (within ±0.1)'
		});
		expect(checkAnswer(zero, {}, '0.2', 'en')[0].passed).toBe(false);
	});

	it('speaks Chinese for a Chinese lab', () => {
		expect(check('52 %', 'zh').text).toBe('正确：52 %（误差在 2 % 以内）');
	});
});

describe('checkAnswer with run=', () => {
	it('takes the expected value from what the reference run of an asm task measured', () => {
		const exit: AnswerTask = {
			...share,
			solution: 'reference.exitCode',
			rtol: 0,
			unit: undefined,
			hint: undefined,
			run: 'sum'
		};
		// The fixture's program exits with 1 + … + N.
		expect(checkAnswer(exit, { N: 10 }, '55', 'en', asmTask)[0].passed).toBe(true);
		expect(checkAnswer(exit, { N: 11 }, '55', 'en', asmTask)[0].passed).toBe(false);
		const traps = { ...exit, solution: 'reference.traps' };
		expect(checkAnswer(traps, { N: 10 }, '0', 'en', asmTask)[0].passed).toBe(true);
	});

	it('does not let a student read the reference', () => {
		const exit: AnswerTask = {
			...share,
			solution: 'reference.exitCode',
			rtol: 0,
			unit: undefined,
			hint: undefined,
			run: 'sum'
		};
		expect(checkAnswer(exit, { N: 10 }, 'reference.exitCode', 'en', asmTask)[0].passed).toBe(false);
	});
});

describe('readAnswer', () => {
	it('reads grouped numbers, a box unit and hundredths outside a % box', () => {
		expect(readAnswer('1,200 cycles', {}, 'cycles')).toBe(1200);
		expect(readAnswer('12 %', {})).toBe(0.12);
		expect(readAnswer('2 * X', { X: 4 })).toBe(8);
		expect(readAnswer('X', {})).toBeUndefined();
	});
});
