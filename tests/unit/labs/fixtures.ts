/**
 * A small lab with one task of every kind, as plain data (the engine never sees Markdown): the
 * tests of src/lib/labs build on it. Its asm task sums 1..N for the student's N and stores the sum.
 */
import type { AsmTask, Lab } from '../../../src/lib/labs/types.ts';

export const sumProgram = `
_start:
	li	t0, 0
	li	t1, N
1:	add	t0, t0, t1
	addi	t1, t1, -1
	bnez	t1, 1b
	la	t2, result
	sw	t0, 0(t2)
	mv	a0, t0
	call	finish
`;

/** The harness gives `finish`: print "sum" and exit with a0's low byte. */
export const finishHarness = `
	.text
	.globl _start
	j	_start
finish:
	li	t3, 0x10000000
	li	t4, 's'
	sb	t4, 0(t3)
	andi	a0, a0, 0xff
	slli	a0, a0, 16
	li	t3, 0x3333
	or	a0, a0, t3
	li	t3, 0x100000
	sw	a0, 0(t3)
2:	j	2b
`;

export const sumSolution = `${sumProgram}
	.data
	.align 2
result:	.word 0
`;

export const asmTask: AsmTask = {
	kind: 'asm',
	id: 'sum',
	title: 'Sum',
	points: 4,
	html: '<p>Sum 1..N</p>',
	line: 10,
	harness: finishHarness,
	starter: '_start:\n',
	solution: sumSolution,
	checks: {
		output: true,
		exitCode: true,
		registers: ['t0'],
		memory: [{ symbol: 'result', words: 1 }],
		maxInstructions: '2 * reference',
		budget: 100_000,
		hints: { exitCode: 'add N, N-1, …, 1' }
	}
};

export function testLab(lang: 'en' | 'zh' = 'en'): Lab {
	return {
		id: 'test-lab',
		lang,
		title: 'Test lab',
		version: 3,
		points: 10,
		params: { N: { int: [5, 60] }, LAMBDA: { int: [2, 6] }, MODE: { choice: ['trap', 'hw'] } },
		intro: '',
		tasks: [
			asmTask,
			{
				kind: 'answer',
				id: 'twice',
				title: 'Twice N',
				points: 2,
				html: '',
				line: 20,
				solution: '2 * N',
				rtol: 0,
				atol: 0.5
			},
			{
				kind: 'model',
				id: 'servers',
				title: 'Servers',
				points: 3,
				html: '',
				line: 30,
				model: 'mmc',
				base: { lambda: '=LAMBDA', mu: 1 },
				fields: ['c'],
				variables: [],
				starter: 'c: 1',
				solution: 'c: 12',
				conditions: [{ set: {}, metric: 'W', compare: '<=', target: '1.05' }],
				require: []
			},
			{ kind: 'written', id: 'why', title: 'Why', points: 1, html: '', line: 40, starter: '' }
		]
	};
}
