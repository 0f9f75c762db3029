import { describe, expect, it } from 'vitest';
import { asmPrefix, checkAsm } from '../../../src/lib/labs/check-asm.ts';
import { asmTask, sumSolution } from './fixtures.ts';

const params = { N: 10, MODE: 'trap' };
const texts = (answer: string, lang: 'en' | 'zh' = 'en') =>
	checkAsm(asmTask, params, answer, lang).map((m) => `${m.passed ? '✓' : '✗'} ${m.text}`);

describe('checkAsm', () => {
	it('passes the reference solution on every check, with the expected values', () => {
		const results = checkAsm(asmTask, params, sumSolution, 'en');
		expect(results.every((m) => m.passed)).toBe(true);
		expect(results.map((m) => m.text)).toEqual([
			'runs to the end (exit code 55)',
			'console output as expected',
			'exit code 55, as expected',
			't0 = 0x00000037, as expected',
			'memory at result (1 words) as expected',
			expect.stringMatching(/^retired \d+ instructions, within the limit of \d+$/)
		]);
	});

	it('takes the expected values from the reference run for these parameters', () => {
		const other = checkAsm(asmTask, { N: 20 }, sumSolution, 'en');
		expect(other[0].text).toBe('runs to the end (exit code 210)');
	});

	it('fails a wrong sum with the measured and expected values and the lab hint', () => {
		const wrong = sumSolution.replace('bnez	t1, 1b', 'addi	t1, t1, -1\n\tbgtz	t1, 1b');
		const out = texts(wrong);
		expect(out).toContain('✗ exits 30, expected 55: add N, N-1, …, 1');
		expect(out).toContain('✗ t0 = 0x0000001e, expected 0x00000037');
		expect(out).toContain('✗ memory at result+0: 0x0000001e, expected 0x00000037');
		expect(out).toContain('✓ console output as expected');
	});

	it('stops a program that runs forever at the budget', () => {
		expect(texts('_start:\n\tj _start\n')).toEqual([
			'✗ still running after 100000 instructions (a loop that never ends, or a trap that returns to the same instruction)'
		]);
	});

	it('reports an assembly error at the line of the student code', () => {
		expect(texts('_start:\n\tli t0, 1\n\tadd t0, t0\n')).toEqual([
			expect.stringMatching(/^✗ does not assemble: line 3: /)
		]);
	});

	it('fails a program over the instruction limit', () => {
		// The same sum, computed ten times over.
		const slow = sumSolution
			.replace('_start:', '_start:\n\tli s1, 10\n9:\n')
			.replace('la	t2, result', 'addi s1, s1, -1\n\tbnez s1, 9b\n\tla	t2, result');
		const out = texts(slow);
		expect(out.at(-1)).toMatch(/^✗ retired \d+ instructions, expected at most \d+$/);
		expect(out.slice(0, -1).every((line) => line.startsWith('✓'))).toBe(true);
	});

	it('names a memory symbol the program lacks', () => {
		expect(texts(sumSolution.replace(/result/g, 'other'))).toContain(
			"✗ the program has no symbol 'result' to read memory at"
		);
	});

	it('speaks Chinese for a Chinese lab', () => {
		const wrong = sumSolution.replace('li	t0, 0', 'li	t0, 1');
		expect(texts(wrong, 'zh')).toContain('✗ 退出码为 56，应为 55：add N, N-1, …, 1');
	});

	it('says when the reference itself fails rather than blaming the student', () => {
		const broken = { ...asmTask, solution: '_start:\n\tj _start\n' };
		const [message] = checkAsm(broken, params, sumSolution, 'en');
		expect(message.passed).toBe(false);
		expect(message.text).toMatch(/reference solution fails/);
	});

	it('puts the parameters before the harness', () => {
		expect(asmPrefix(asmTask, { N: 3, MODE: 'hw' })).toBe(`\t.equ N, 3\n${asmTask.harness}`);
	});
});
