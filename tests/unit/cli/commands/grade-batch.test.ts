/**
 * `virtlab grade` on lab 2 (content/labs/batch-hypercall.md), whose main task runs the student's
 * kernel file under the hypervisor: a correct, a wrong (the unbatched starter), a malformed and a
 * forged submission.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/grade.ts';
import { command as lab } from '../../../../src/cli/commands/lab.ts';

const labFile = join(__dirname, '../../../../content/labs/batch-hypercall.md');
let dir: string;
let out: string;
let err: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'virtlab-grade-batch-'));
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('virtlab grade, lab 2', () => {
	it('grades correct, wrong, malformed and forged files; prints the table, exits 0', async () => {
		const solvedFile = join(dir, 'solve.tmp');
		expect(await lab.run(['solve', labFile, '--student', 's1', '-o', solvedFile])).toBe(0);
		const good = JSON.parse(readFileSync(solvedFile, 'utf8'));
		const source = readFileSync(labFile, 'utf8');
		const starter = /```asm\n([\s\S]*?)```/.exec(source)![1];
		const subs = join(dir, 'subs');
		mkdirSync(subs);
		writeFileSync(join(subs, 's1.json'), JSON.stringify(good));
		const wrong = { ...good, studentId: 's2', answers: { ...good.answers, queue: starter } };
		writeFileSync(join(subs, 's2.json'), JSON.stringify(wrong));
		writeFileSync(join(subs, 's3.json'), JSON.stringify(good).slice(0, 200));
		writeFileSync(
			join(subs, 's4.json'),
			JSON.stringify({ ...wrong, studentId: 's4', points: 10, total: 10 })
		);

		expect(await command.run([labFile, subs])).toBe(0);

		const rows = out.trimEnd().split('\n');
		expect(rows[0]).toMatch(
			/^student\s+queue\/5\s+hypercalls\/1\s+exits-cut\/2\s+explain\/2\s+total\/10\s+problems$/
		);
		expect(rows.find((r) => r.startsWith('s1 '))).toMatch(/^s1\s+5\s+1\s+2\s+by hand\s+8$/);
		const columns = (student: string) =>
			rows.find((r) => r.startsWith(`${student} `))!.split(/\s{2,}/);
		// The unbatched queue runs and prints the right checksums, but makes too many exits.
		expect(Number(columns('s2')[1])).toBeGreaterThan(0);
		expect(Number(columns('s2')[1])).toBeLessThan(5);
		// The forged file earns what its work earns.
		expect(columns('s4')[1]).toBe(columns('s2')[1]);
		expect(columns('s4')[6]).toMatch(/ignored field/);
		expect(out).toMatch(/s3\.json: the file ends in the middle of the JSON/);
		expect(err).toMatch(/graded 3 submission\(s\); 1 file\(s\) could not be graded: s3\.json/);
	});
});
