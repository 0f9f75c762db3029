/**
 * `virtlab grade content/labs/slug.md submissions/ [--csv out.csv] [--json]`
 *
 * Grades a folder of submission files (`*.json`) by re-running every one of them
 * (src/lib/labs/grade.ts): prints a table of students, points per task, total and problems, and
 * writes a gradebook CSV for Canvas or Moodle. A file that cannot be graded (not JSON, cut off,
 * another lab, another version, too large) is named with its reason and grading goes on; the exit
 * code is 0 whenever the lab and the folder could be read. Progress goes to stderr.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../main.ts';
import { helpText, parseCommandLine, usageError, type OptionSpec } from '../options.ts';
import { readUserFile, writeUserFile } from '../files.ts';
import { gradeSubmission, type Grade } from '../../lib/labs/grade.ts';
import { gradebookCsv, type Refused } from '../../lib/labs/gradebook.ts';
import { MAX_SUBMISSION_BYTES, parseSubmission } from '../../lib/labs/submission.ts';
import type { Lab } from '../../lib/labs/types.ts';
import { readLab } from './lab-file.ts';

const OPTIONS: OptionSpec[] = [
	{
		name: 'csv',
		value: 'FILE',
		description: 'write the gradebook (student id, total, one column per task) as CSV'
	},
	{
		name: 'json',
		description:
			'print every grade, with each check message, as one JSON object instead of the table'
	}
];
const HELP = helpText(
	'virtlab grade LAB.md FOLDER [--csv out.csv] [--json]',
	'Re-runs every submission (*.json) in FOLDER against the lab and its reference solution.',
	OPTIONS
);

/** Points as a gradebook shows them: 2.5, not 2.50. */
const points = (n: number) => String(Math.round(n * 100) / 100);

export function gradeTable(lab: Lab, grades: Grade[], refused: Refused[]): string {
	const header = [
		'student',
		...lab.tasks.map((task) => `${task.id}/${points(task.points)}`),
		`total/${points(lab.points)}`,
		'problems'
	];
	const rows = grades.map((grade) => [
		grade.studentId,
		...grade.tasks.map((task) => (task.manual ? 'by hand' : points(task.points))),
		points(grade.total),
		grade.problems.join('; ')
	]);
	for (const r of refused)
		rows.push([r.studentId ?? r.file, ...lab.tasks.map(() => '-'), '-', `${r.file}: ${r.message}`]);
	const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
	const line = (row: string[]) =>
		row
			.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** The student id a refused file seems to carry, for its gradebook row. */
function guessStudent(text: string): string | undefined {
	const match = /"studentId"\s*:\s*"([^"\\]{1,200})"/.exec(text);
	return match?.[1].trim() || undefined;
}

export const command: Command = {
	summary: 'grade a folder of lab submissions by re-running them; write a gradebook CSV',
	async run(args) {
		const parsed = parseCommandLine(OPTIONS, args);
		if (!parsed.ok) return usageError('grade', parsed.error);
		const line = parsed.value;
		if (line.options.has('help')) {
			process.stdout.write(HELP);
			return 0;
		}
		const [labPath, folder, extra] = line.positionals;
		if (!labPath || !folder)
			return usageError('grade', 'give a lab file and a folder of submissions');
		if (extra !== undefined)
			return usageError('grade', `one lab and one folder, got also '${extra}'`);
		const loaded = readLab(labPath);
		if ('errors' in loaded) {
			process.stderr.write(loaded.errors.map((e) => `virtlab grade: ${e}\n`).join(''));
			return 1;
		}
		const { lab } = loaded;
		let names: string[];
		try {
			names = readdirSync(folder)
				.filter((name) => name.toLowerCase().endsWith('.json'))
				.sort();
		} catch (e) {
			process.stderr.write(
				`virtlab grade: cannot read the folder '${folder}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`
			);
			return 2;
		}
		const grades: Grade[] = [];
		const refused: Refused[] = [];
		const seen = new Map<string, string>();
		names.forEach((name, i) => {
			if (names.length >= 10) process.stderr.write(`grading ${i + 1}/${names.length}: ${name}\n`);
			const read = readUserFile(join(folder, name), MAX_SUBMISSION_BYTES + 1);
			if (!read.ok) return refused.push({ file: name, message: read.why });
			const text = new TextDecoder().decode(read.bytes);
			const result = parseSubmission(text, lab);
			if (!result.ok)
				return refused.push({ file: name, studentId: guessStudent(text), message: result.message });
			const grade = gradeSubmission(lab, result.submission, result.warnings);
			const twin = seen.get(grade.studentId.toLowerCase());
			if (twin) grade.problems.push(`a second submission for this student (also ${twin})`);
			seen.set(grade.studentId.toLowerCase(), name);
			grades.push(grade);
		});
		if (line.options.has('json'))
			process.stdout.write(
				JSON.stringify({ lab: { id: lab.id, version: lab.version }, grades, refused }, null, 2) +
					'\n'
			);
		else process.stdout.write(gradeTable(lab, grades, refused));
		const csv = line.options.get('csv');
		if (typeof csv === 'string') {
			const error = writeUserFile(csv, gradebookCsv(lab, grades, refused));
			if (error) {
				process.stderr.write(`virtlab grade: ${error}\n`);
				return 2;
			}
		}
		process.stderr.write(
			`graded ${grades.length} submission(s)${refused.length > 0 ? `; ${refused.length} file(s) could not be graded: ${refused.map((r) => r.file).join(', ')}` : ''}\n`
		);
		return 0;
	}
};
