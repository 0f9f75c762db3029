/**
 * Grading a whole submission: every task re-run with the parameters of the student named in the
 * submission. Nothing the file says about scores is read; one student's work submitted under
 * another id is checked against the other student's parameters, and the parameter-dependent tasks
 * fail.
 */
import { checkTask } from './check.ts';
import { labParams } from './params.ts';
import type { Submission } from './submission.ts';
import type { Lab, LabParams, TaskResult } from './types.ts';

export interface Grade {
	studentId: string;
	params: LabParams;
	tasks: TaskResult[];
	/** Automatic points; written tasks add nothing until graded by hand. */
	total: number;
	/** The lab's points, written tasks included. */
	max: number;
	/** What the instructor should know: ignored fields, unanswered tasks. */
	problems: string[];
}

export function gradeSubmission(lab: Lab, submission: Submission, warnings: string[] = []): Grade {
	const params = labParams(lab, submission.studentId);
	const tasks = lab.tasks.map((task) =>
		checkTask(lab, params, task.id, submission.answers[task.id] ?? '')
	);
	const total = Math.round(tasks.reduce((sum, task) => sum + task.points, 0) * 100) / 100;
	const unanswered = lab.tasks
		.filter((task) => (submission.answers[task.id] ?? '').trim() === '')
		.map((task) => task.id);
	const problems = [
		...warnings,
		...(unanswered.length > 0 ? [`no answer to ${unanswered.join(', ')}`] : [])
	];
	return { studentId: submission.studentId, params, tasks, total, max: lab.points, problems };
}
