/**
 * The reference solution as a submission: for instructors trying a lab, and for tests. Programs
 * are the lab's reference as written (they read the parameters' `.equ` names); model parameters
 * have their `"=expr"` values computed, and an answer is the reference's value, for this student's
 * parameters, as a student would type them. Written tasks get their starter text: there is no reference for them.
 */
import { referenceScope } from './check-answer.ts';
import { resolveSolution } from './check-model.ts';
import { evaluateNumber } from './expressions.ts';
import { labParams } from './params.ts';
import { makeSubmission, type Submission } from './submission.ts';
import type { Lab, LabParams, Task } from './types.ts';

function referenceAnswer(lab: Lab, task: Task, params: LabParams): string {
	if (task.kind === 'written') return task.starter;
	if (task.kind === 'model') {
		try {
			return resolveSolution(task, params);
		} catch {
			return ''; // as below: checking the task says why
		}
	}
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
