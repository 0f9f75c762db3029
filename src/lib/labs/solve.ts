/**
 * The reference solution as a submission: for instructors trying a lab, and for tests. Programs
 * and model parameters are the lab's reference as written (programs read the parameters' `.equ`
 * names); an answer is the reference's value for this student's parameters, as a student would
 * type it. Written tasks get their starter text: there is no reference for them.
 */
import { referenceScope } from './check-answer.ts';
import { evaluateNumber } from './expressions.ts';
import { labParams } from './params.ts';
import { makeSubmission, type Submission } from './submission.ts';
import type { Lab, LabParams, Task } from './types.ts';

function referenceAnswer(lab: Lab, task: Task, params: LabParams): string {
	if (task.kind === 'written') return task.starter;
	if (task.kind !== 'answer') return task.solution;
	const run = lab.tasks.find((other) => other.id === task.run);
	try {
		const value = evaluateNumber(task.solution, { ...params, ...referenceScope(run, params) });
		return task.unit === '%' ? `${value} %` : String(value);
	} catch {
		// A reference that does not run has no answer; checking the task says why.
		return '';
	}
}

export function referenceSubmission(lab: Lab, studentId: string, savedAt?: string): Submission {
	const params = labParams(lab, studentId);
	const answers = Object.fromEntries(
		lab.tasks.map((task) => [task.id, referenceAnswer(lab, task, params)])
	);
	return makeSubmission(lab, studentId, answers, savedAt);
}
