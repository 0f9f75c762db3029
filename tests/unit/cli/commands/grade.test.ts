import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../../src/cli/commands/grade.ts';
import { command as lab } from '../../../../src/cli/commands/lab.ts';

const labFile = join(__dirname, '../../../../content/labs/trap-emulate.md');
let dir: string;
let out: string;
let err: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'virtlab-grade-'));
	out = '';
	err = '';
	vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

/** The reference solution for `student`, through `virtlab lab solve`. */
async function solved(
	student: string
): Promise<Record<string, unknown> & { answers: Record<string, string> }> {
	const file = join(dir, `solve-${student}.tmp`);
	expect(await lab.run(['solve', labFile, '--student', student, '-o', file])).toBe(0);
	return JSON.parse(readFileSync(file, 'utf8'));
}

describe('virtlab grade', () => {
	it('grades correct, wrong, forged and broken files; prints the table, writes the CSV, exits 0', async () => {
		const subs = join(dir, 'subs');
		const { mkdirSync } = await import('node:fs');
		mkdirSync(subs);
		const good = await solved('s1');
		writeFileSync(join(subs, 's1.json'), JSON.stringify(good));
		const wrong = {
			...good,
			studentId: 's2',
			answers: {
				...good.answers,
				cost: '1 %',
				handler: good.answers.handler.replace('li\tt4, 0\n', 'li\tt4, 1\n')
			}
		};
		writeFileSync(join(subs, 's2.json'), JSON.stringify(wrong));
		writeFileSync(
			join(subs, 's3.json'),
			JSON.stringify({ ...wrong, studentId: 's3', score: 10, total: 10 })
		);
		writeFileSync(join(subs, 's4.json'), JSON.stringify(good).slice(0, 300));
		writeFileSync(join(subs, 's5.json'), '<html>not json</html>');
		writeFileSync(
			join(subs, 's6.json'),
			JSON.stringify({ ...good, studentId: 's6', lab: { id: 'trap-emulate', version: 0 } })
		);
		writeFileSync(
			join(subs, 's7.json'),
			JSON.stringify({ ...good, studentId: 's7', lab: { id: 'other-lab', version: 1 } })
		);
		writeFileSync(join(subs, 'notes.txt'), 'not a submission');
		const csv = join(dir, 'grades.csv');

		expect(await command.run([labFile, subs, '--csv', csv])).toBe(0);

		const rows = out.trimEnd().split('\n');
		expect(rows[0]).toMatch(
			/^student\s+handler\/4\s+traps\/1\s+cost\/3\s+explain\/2\s+total\/10\s+problems$/
		);
		expect(rows.find((r) => r.startsWith('s1 '))).toMatch(/^s1\s+4\s+1\s+3\s+by hand\s+8$/);
		const columns = (student: string) =>
			rows.find((r) => r.startsWith(`${student} `))!.split(/\s{2,}/);
		// Columns: student, handler, traps, cost, explain, total, problems.
		// Wrong work: the handler earns part of its points (it assembles and runs), the cost none.
		expect(Number(columns('s2')[1])).toBeLessThan(4);
		expect(columns('s2')[3]).toBe('0');
		// The forged file earns what its work earns, whatever its score field says.
		const s3 = columns('s3');
		expect(Number(s3[1])).toBeLessThan(4);
		expect(s3[3]).toBe('0');
		expect(Number(s3[5])).toBe(Number(s3[1]) + Number(s3[2]));
		expect(s3[6]).toMatch(/ignored field 'score'/);
		expect(out).toMatch(/s4\.json: the file ends in the middle of the JSON/);
		expect(out).toMatch(/s5\.json: not JSON/);
		expect(out).toMatch(
			/s6\.json: made for version 0 of lab 'trap-emulate'; the lab is now version 1/
		);
		expect(out).toMatch(/s7\.json: a submission for lab "other-lab", not for 'trap-emulate'/);
		expect(err).toMatch(
			/graded 3 submission\(s\); 4 file\(s\) could not be graded: s4\.json, s5\.json, s6\.json, s7\.json/
		);

		const lines = readFileSync(csv, 'utf8').split('\r\n');
		expect(lines[0]).toBe('student_id,total,handler (4),traps (1),cost (3),explain (2),problems');
		expect(lines[1]).toBe('s1,8,4,1,3,,');
		expect(lines).toContainEqual(expect.stringMatching(/^s6,,,,,,s6\.json: made for version 0/));
		expect(lines.length).toBe(1 + 7 + 1);
	});

	it('--json prints every grade with its messages', async () => {
		const good = await solved('s1');
		writeFileSync(join(dir, 's1.json'), JSON.stringify(good));
		expect(await command.run([labFile, dir, '--json'])).toBe(0);
		const report = JSON.parse(out);
		expect(report.grades[0]).toMatchObject({ studentId: 's1', total: 8, max: 10 });
		expect(report.grades[0].tasks[0].messages[0]).toEqual({
			passed: true,
			text: expect.stringMatching(/^runs to the end/)
		});
	});

	it('reports a malformed lab file with file:line:col and exits 1', async () => {
		const bad = join(dir, 'bad.md');
		writeFileSync(bad, '---\nid: bad\ntitle: Bad\nversion: 1\npoints: 1\nextra: 2\n---\n');
		expect(await command.run([bad, dir])).toBe(1);
		expect(err).toContain(`virtlab grade: ${bad}:6:1: front matter: unknown key 'extra'`);
	});

	it('says what is missing on the command line', async () => {
		expect(await command.run([labFile])).toBe(2);
		expect(err).toMatch(/give a lab file and a folder of submissions/);
		expect(await command.run([labFile, join(dir, 'none')])).toBe(2);
		expect(err).toMatch(/cannot read the folder/);
	});
});
