/**
 * The submission as a file: its name, and where a refusal points in it. The file's content is the
 * engine's (`makeSubmission`, `parseSubmission` in src/lib/labs/submission.ts).
 */
import { normalizeStudentId } from '../labs/params.ts';

/** `<lab>-<student>.json`, the student id made safe for a file name (`S 12/34` → `s-12-34`). */
export function submissionFileName(labId: string, studentId: string): string {
	const student = normalizeStudentId(studentId)
		.replace(/[^a-z0-9_.-]+/g, '-')
		.replace(/^[-.]+|-+$/g, '');
	return `${labId}-${student || 'student'}.json`;
}

/** One line of a refused file, with a caret under the column the refusal names. */
export interface ErrorExcerpt {
	line: number;
	column: number;
	source: string;
	caret: string;
}

/** Widest excerpt shown: a minified file is one long line. */
const WIDTH = 60;

/**
 * The place a refusal message names (`not JSON at line 3, column 14: …`) as an excerpt of the file,
 * or undefined when it names none.
 */
export function errorExcerpt(text: string, message: string): ErrorExcerpt | undefined {
	const place = /line (\d+), column (\d+)/.exec(message);
	if (!place) return undefined;
	const line = Number(place[1]);
	const column = Number(place[2]);
	const lines = text.split('\n');
	if (line < 1 || line > lines.length) return undefined;
	// Tabs as one space each, so that the caret lines up in any tab width.
	const whole = lines[line - 1].replace(/\r$/, '').replace(/\t/g, ' ');
	const start = Math.max(0, Math.min(column - 1 - WIDTH / 2, whole.length - WIDTH));
	const source = whole.slice(start, start + WIDTH);
	return { line, column, source, caret: `${' '.repeat(Math.max(0, column - 1 - start))}^` };
}
