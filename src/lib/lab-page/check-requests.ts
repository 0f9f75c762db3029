/**
 * What the lab pages ask the grader, and the answers: the same for the Web Worker
 * (worker/lab-check.worker.ts) and for the main-thread fallback, so both run exactly this.
 * It imports the engine (the emulator, mathjs): load it lazily, never in a page's first JavaScript.
 */
import { checkTask } from '../labs/check.ts';
import { labParams } from '../labs/params.ts';
import { referenceSubmission } from '../labs/solve.ts';
import type { Lab, TaskResult } from '../labs/types.ts';

export type CheckRequest =
	/** The Check button: one task, one answer, the student's values. */
	| { kind: 'check'; lab: Lab; studentId: string; taskId: string; answer: string }
	/** The instructor's preview: the reference solution for a student, every task checked. */
	| { kind: 'reference'; lab: Lab; studentId: string };

export type CheckReply =
	| { kind: 'check'; result: TaskResult }
	| { kind: 'reference'; answers: Record<string, string>; results: TaskResult[] };

export function answerRequest(request: CheckRequest): CheckReply {
	const params = labParams(request.lab, request.studentId);
	if (request.kind === 'check')
		return {
			kind: 'check',
			result: checkTask(request.lab, params, request.taskId, request.answer)
		};
	const { answers } = referenceSubmission(request.lab, request.studentId);
	const results = request.lab.tasks.map((task) =>
		checkTask(request.lab, params, task.id, answers[task.id] ?? '')
	);
	return { kind: 'reference', answers, results };
}
