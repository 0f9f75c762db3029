import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('virtlab lab', () => {
	it('check runs the reference for a few students', async () => {
		expect(await lab.run(['check', labFile, '--seeds', '2'])).toBe(0);
		expect(out).toMatch(
			/^check-1 \(SEED=\d+ COUNT=\d+ CALLS=\d+ WORK=\d+ HANDLER=\d+\): reference passes 8\/10$/m
		);
		expect(out).toMatch(
			/trap-emulate v1 \(en\): 4 tasks, 3 graded automatically, 10 points; ok\n$/
		);
	});

	it('check fails when the reference does not pass', async () => {
		const broken = join(dir, 'trap-emulate.md');
		writeFileSync(
			broken,
			readFileSync(labFile, 'utf8').replace(
				'\taddi\tt1, t1, 4\n\tcsrw\tmepc, t1',
				'\tcsrw\tmepc, t1'
			)
		);
		expect(await lab.run(['check', broken, '--seeds', '1'])).toBe(1);
		expect(out).toMatch(/REFERENCE FAILS/);
		expect(out).toMatch(/handler: the lab's reference solution fails/);
	});

	it('solve writes a submission for the student to stdout', async () => {
		expect(await lab.run(['solve', labFile, '--student', 'S9'])).toBe(0);
		expect(JSON.parse(out)).toMatchObject({
			format: 'virtlab-lab-submission',
			studentId: 'S9',
			lab: { id: 'trap-emulate', version: 1 }
		});
		expect(await lab.run(['solve', labFile])).toBe(2);
		expect(err).toMatch(/solve needs --student ID/);
	});
});
