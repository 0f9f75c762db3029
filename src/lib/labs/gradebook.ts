/**
 * The gradebook file `virtlab grade --csv` writes: one row per student with their id, total, and
 * one column per task, as Canvas and Moodle import it (RFC 4180 CSV: comma-separated, fields with a
 * comma, quote or line break quoted, CRLF line ends). Refused files are rows too, with an empty
 * total and the reason, so no student silently disappears from the gradebook.
 */
import type { Grade } from './grade.ts';
import type { Lab } from './types.ts';

/** One refused file: who it seems to be from (the file name, when the id cannot be read) and why. */
export interface Refused {
	file: string;
	studentId?: string;
	message: string;
}

export function csvField(value: string | number): string {
	const text = String(value);
	// A leading = + - @ would be a formula to a spreadsheet (CSV injection, OWASP); quote it away.
	const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function gradebookCsv(lab: Lab, grades: Grade[], refused: Refused[] = []): string {
	const header = [
		'student_id',
		'total',
		...lab.tasks.map((task) => `${task.id} (${task.points})`),
		'problems'
	];
	const rows = grades.map((grade) => [
		grade.studentId,
		grade.total,
		...grade.tasks.map((task) => (task.manual ? '' : task.points)),
		grade.problems.join('; ')
	]);
	const refusedRows = refused.map((r) => [
		r.studentId ?? r.file,
		'',
		...lab.tasks.map(() => ''),
		`${r.file}: ${r.message}`
	]);
	return (
		[header, ...rows, ...refusedRows].map((row) => row.map(csvField).join(',')).join('\r\n') +
		'\r\n'
	);
}
