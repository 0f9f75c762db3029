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
import type { AsmTask, Lab } from '../../../src/lib/labs/types.ts';

const folder = join(__dirname, '../../../content/labs');
const files = readdirSync(folder).filter((name) => name.endsWith('.md'));

function load(name: string): Lab {
	const path = `content/labs/${name}`;
	const { lab, errors } = parseLab({ path, text: readFileSync(join(folder, name), 'utf8') });
	expect(errors.map(formatContentError)).toEqual([]);
	return lab!;
}

describe.each(files)('%s', (name) => {
	it('parses, and its reference solution earns every automatic point for 8 students', () => {
		const lab = load(name);
		for (let i = 0; i < 8; i++) {
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
				text: 'still running after 2000000 instructions (a loop that never ends, or a trap that returns to the same instruction): if the same cpop traps forever, mepc is not advanced'
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
