/**
 * The labs the course ships (content/labs): each parses, its translation matches it, and its
 * reference solution passes for many students while typical mistakes fail with their message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { parseLab } from '../../../src/lib/content/lab.ts';
import { checkTask } from '../../../src/lib/labs/check.ts';
import { gradeSubmission } from '../../../src/lib/labs/grade.ts';
import { labParams } from '../../../src/lib/labs/params.ts';
import { referenceSubmission } from '../../../src/lib/labs/solve.ts';
import { resolveSolution } from '../../../src/lib/labs/check-model.ts';
import type { AsmTask, Lab, ModelTask } from '../../../src/lib/labs/types.ts';

const folder = join(__dirname, '../../../content/labs');
const files = readdirSync(folder).filter((name) => name.endsWith('.md'));

function load(name: string): Lab {
	const path = `content/labs/${name}`;
	const { lab, errors } = parseLab({ path, text: readFileSync(join(folder, name), 'utf8') });
	expect(errors.map(formatContentError)).toEqual([]);
	return lab!;
}

describe.each(files)('%s', (name) => {
	// A translation has the same solutions and parameters as its English file (the next test checks
	// that): a few students show that its own checks pass them.
	const students = name.endsWith('.zh.md') ? 3 : 8;

	it(`parses, and its reference solution earns every automatic point for ${students} students`, () => {
		const lab = load(name);
		for (let i = 0; i < students; i++) {
			const grade = gradeSubmission(lab, referenceSubmission(lab, `student-${i}`));
			const failed = grade.tasks.filter((t) => !t.manual && !t.passed);
			expect(failed.flatMap((t) => t.messages)).toEqual([]);
		}
	});

	it('matches its translation in ids, kinds, points, parameters and solutions', () => {
		const twin = name.endsWith('.zh.md')
			? name.replace('.zh.md', '.md')
			: name.replace('.md', '.zh.md');
		if (!files.includes(twin)) return;
		const shape = (lab: Lab) => ({
			id: lab.id,
			version: lab.version,
			points: lab.points,
			params: lab.params,
			tasks: lab.tasks.map((t) => ({
				id: t.id,
				kind: t.kind,
				points: t.points,
				solution: 'solution' in t ? t.solution : undefined,
				harness: t.kind === 'asm' ? t.harness : undefined
			}))
		});
		expect(shape(load(name))).toEqual(shape(load(twin)));
	});
});

describe('trap-emulate', () => {
	const lab = load('trap-emulate.md');
	const handler = lab.tasks.find((t) => t.id === 'handler') as AsmTask;
	const params = labParams(lab, 'alice');
	const check = (answer: string) => checkTask(lab, params, 'handler', answer);

	it('fails the starter: the cpop traps forever', () => {
		expect(check(handler.starter).messages).toEqual([
			{
				passed: false,
				text: 'still running after 200000 instructions (a loop that never ends, or a trap that returns to the same instruction): if the same cpop traps forever, mepc is not advanced'
			}
		]);
	});

	it('fails a popcount off by one with the exit code and registers', () => {
		const result = check(handler.solution.replace('li\tt4, 0\n', 'li\tt4, 1\n'));
		expect(result.passed).toBe(false);
		expect(result.messages.filter((m) => !m.passed).map((m) => m.text)).toEqual([
			expect.stringMatching(
				/^console output differs: printed "sum of popcounts = 0x[0-9a-f]{8}\\n", expected/
			),
			expect.stringMatching(/^exits \d+, expected \d+: the sum of popcounts is wrong/),
			expect.stringMatching(/^s2 = 0x[0-9a-f]{8}, expected 0x[0-9a-f]{8}: s2 sums/),
			expect.stringMatching(/^s3 = 0x[0-9a-f]{8}, expected 0x[0-9a-f]{8}: s2 sums/)
		]);
	});

	it('fails a handler that does not restore a register it used', () => {
		// t2 (x7) holds the field it decodes; the harness checks t2 across cpop.
		const result = check(handler.solution.replace('\tlw\tx7, 28(t0)\n', ''));
		expect(result.messages.find((m) => !m.passed)?.text).toMatch(
			/^console output differs: printed ".*a register changed across cpop/
		);
	});

	it('fails the answer of another student', () => {
		const other = labParams(lab, 'bob');
		const value =
			(100 * Number(other.CALLS) * Number(other.HANDLER)) /
			(Number(other.WORK) * 1000 + Number(other.CALLS) * Number(other.HANDLER));
		expect(checkTask(lab, other, 'cost', `${value} %`).passed).toBe(true);
		expect(checkTask(lab, params, 'cost', `${value} %`).passed).toBe(false);
	});
});

describe('batch-hypercall', () => {
	const lab = load('batch-hypercall.md');

	it('fails the unbatched starter on hypercall exits in both workloads, with the lab hint', () => {
		const queue = lab.tasks.find((t) => t.id === 'queue')!;
		const result = checkTask(lab, { LAB_TLB: 64 }, 'queue', (queue as { starter: string }).starter);
		const failedTexts = result.messages.filter((m) => !m.passed).map((m) => m.text);
		for (const workload of ['spawn', 'ptemod'])
			expect(failedTexts).toContainEqual(
				expect.stringMatching(
					new RegExp(
						`^${workload}, pv: hypercall exits [\\d,]+, expected at most [\\d,]+: your batch hypercall is not used`
					)
				)
			);
		expect(result.points).toBeLessThan(result.max);
	});

	it('gives students different machines, and answers from the reference and starter runs', () => {
		const tlbs = new Set(Array.from({ length: 12 }, (_, i) => labParams(lab, `s${i}`).LAB_TLB));
		expect(tlbs.size).toBeGreaterThan(1);
		const params = labParams(lab, 'alice');
		expect(checkTask(lab, params, 'hypercalls', '0').passed).toBe(false);
		const answer = referenceSubmission(lab, 'alice').answers.hypercalls;
		expect(Number(answer)).toBeGreaterThan(1000);
		expect(checkTask(lab, params, 'hypercalls', answer).passed).toBe(true);
	});
});

describe('shadow-vs-two-stage', () => {
	const lab = load('shadow-vs-two-stage.md');

	it('fails a working set within the TLB reach with the ratio and the hint', () => {
		const params = { GUEST_LEVELS: 2, HOST_LEVELS: 2, LAB_TLB: 32 };
		const result = checkTask(lab, params, 'pick', 'WSET: 16');
		expect(result.messages).toEqual([
			{
				passed: false,
				text: "ratio = 1, expected <= 0.9: below the TLB's reach both modes hit in the TLB and cost the same; what happens when the pages no longer fit?"
			}
		]);
		expect(checkTask(lab, params, 'pick', 'WSET: 128').passed).toBe(true);
		expect(checkTask(lab, params, 'pick', 'TLB: 4').messages[0].text).toMatch(
			/^'TLB' is fixed by the lab; you may set WSET/
		);
	});

	it("brackets the crossover at the TLB's reach: one machine's bracket fails on another", () => {
		const bracket = lab.tasks.find((t) => t.id === 'bracket') as ModelTask;
		const tlbs = [16, 32, 64];
		for (const [index, tlb] of tlbs.entries()) {
			const params = { GUEST_LEVELS: 2, HOST_LEVELS: 2, LAB_TLB: tlb };
			const own = resolveSolution(bracket, params);
			expect(own).toBe(`BELOW: ${tlb - 4}\nABOVE: ${tlb + 4}`);
			expect(checkTask(lab, params, 'bracket', own).passed).toBe(true);
			// The starter brackets no machine's crossover: it earns nothing by pressing Check.
			expect(checkTask(lab, params, 'bracket', bracket.starter).passed).toBe(false);
			// The next machine's crossover lies outside this bracket: 16 pages or more away.
			const other = { ...params, LAB_TLB: tlbs[(index + 1) % tlbs.length] };
			const result = checkTask(lab, other, 'bracket', own);
			expect(result.passed).toBe(false);
			expect(result.messages.find((m) => !m.passed)?.text).toMatch(
				/^at WSET = \d+: ratio = [\d.]+, expected (>=|<) 1: measure the rounds/
			);
		}
	});

	it('refuses a bracket wider than 16 pages before running anything, in both languages', () => {
		const params = { GUEST_LEVELS: 2, HOST_LEVELS: 2, LAB_TLB: 32 };
		expect(checkTask(lab, params, 'bracket', 'BELOW: 8\nABOVE: 40').messages).toEqual([
			{
				passed: false,
				text: expect.stringMatching(/^ABOVE - BELOW = 32, expected at most 16: measure/)
			}
		]);
		const zh = load('shadow-vs-two-stage.zh.md');
		expect(checkTask(zh, params, 'bracket', 'BELOW: 8\nABOVE: 40').messages[0].text).toMatch(
			/^ABOVE - BELOW = 32，应不超过 16：/
		);
	});

	it('measures 8 references a two-stage miss on Sv32 over Sv32x4, as the formula gives', () => {
		const params = { GUEST_LEVELS: 2, HOST_LEVELS: 2, LAB_TLB: 16 };
		expect(checkTask(lab, params, 'walk', '8').passed).toBe(true);
		expect(checkTask(lab, params, 'per-miss', '8').passed).toBe(true);
		expect(
			checkTask(lab, { ...params, GUEST_LEVELS: 4, HOST_LEVELS: 4 }, 'walk', '24').passed
		).toBe(true);
		expect(checkTask(lab, { ...params, GUEST_LEVELS: 3 }, 'walk', '8').passed).toBe(false);
	});
});
