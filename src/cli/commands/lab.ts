/**
 * `virtlab lab check LAB.md [--seeds N]` validates a lab file and grades its reference solution
 * for N students (every task must pass with its own reference).
 * `virtlab lab solve LAB.md --student ID [-o sub.json]` writes the reference solution as that
 * student's submission (stdout without -o).
 */
import type { Command } from '../main.ts';
import {
	helpText,
	parseCommandLine,
	usageError,
	wholeNumber,
	type OptionSpec
} from '../options.ts';
import { writeUserFile } from '../files.ts';
import { gradeSubmission } from '../../lib/labs/grade.ts';
import { referenceSubmission } from '../../lib/labs/solve.ts';
import { readLab } from './lab-file.ts';

const OPTIONS: OptionSpec[] = [
	{ name: 'student', value: 'ID', description: 'solve: the student id whose variant to write' },
	{
		name: 'output',
		short: 'o',
		value: 'FILE',
		description: 'solve: write the submission here (default: stdout)'
	},
	{
		name: 'seeds',
		value: 'N',
		description: 'check: how many student ids to try, 1 to 1000 (default 5)'
	}
];
const HELP = helpText(
	'virtlab lab check LAB.md [--seeds N] | virtlab lab solve LAB.md --student ID [-o sub.json]',
	'Checks a lab file and its reference solution, or writes the reference solution as a submission.',
	OPTIONS
);

export const command: Command = {
	summary: 'check a lab file, or write its reference solution as a submission',
	async run(args) {
		const parsed = parseCommandLine(OPTIONS, args);
		if (!parsed.ok) return usageError('lab', parsed.error);
		const line = parsed.value;
		if (line.options.has('help')) {
			process.stdout.write(HELP);
			return 0;
		}
		const [action, labPath, extra] = line.positionals;
		if (action !== 'check' && action !== 'solve')
			return usageError('lab', "say 'check' or 'solve'");
		if (!labPath) return usageError('lab', 'which lab file?');
		if (extra !== undefined) return usageError('lab', `one lab file, got also '${extra}'`);
		const loaded = readLab(labPath);
		if ('errors' in loaded) {
			process.stderr.write(loaded.errors.map((e) => `virtlab lab: ${e}\n`).join(''));
			return 1;
		}
		const { lab } = loaded;
		if (action === 'solve') {
			const student = line.options.get('student');
			if (typeof student !== 'string' || student.trim() === '')
				return usageError('lab', 'solve needs --student ID');
			const text = JSON.stringify(referenceSubmission(lab, student), null, 2) + '\n';
			const output = line.options.get('output');
			if (typeof output !== 'string') {
				process.stdout.write(text);
				return 0;
			}
			const error = writeUserFile(output, text);
			if (error) {
				process.stderr.write(`virtlab lab: ${error}\n`);
				return 2;
			}
			return 0;
		}
		const seeds = wholeNumber(line, 'seeds', 1, 1000, 5);
		if (typeof seeds !== 'number') return usageError('lab', seeds.error);
		let failures = 0;
		for (let i = 1; i <= seeds; i++) {
			const student = `check-${i}`;
			const grade = gradeSubmission(lab, referenceSubmission(lab, student));
			const failed = grade.tasks.filter((task) => !task.manual && !task.passed);
			failures += failed.length;
			const params = Object.entries(grade.params)
				.map(([k, v]) => `${k}=${v}`)
				.join(' ');
			process.stdout.write(
				`${student} (${params}): ${failed.length === 0 ? 'reference passes' : 'REFERENCE FAILS'} ${grade.total}/${grade.max}\n`
			);
			for (const task of failed)
				for (const m of task.messages.filter((message) => !message.passed))
					process.stdout.write(`  ${task.id}: ${m.text}\n`);
		}
		const auto = lab.tasks.filter((task) => task.kind !== 'written').length;
		process.stdout.write(
			`${lab.id} v${lab.version} (${lab.lang}): ${lab.tasks.length} tasks, ${auto} graded automatically, ${lab.points} points; ${failures === 0 ? 'ok' : `${failures} failure(s)`}\n`
		);
		return failures === 0 ? 0 : 1;
	}
};
