/**
 * Checking one task of a lab: the page's Check button and the grader both come here. A task's
 * points are split equally among its checks (a program that assembles and runs but prints the wrong
 * thing earns part of an `asm` task); a written task earns none automatically.
 */
import { checkAnswer } from './check-answer.ts';
import { checkAsm } from './check-asm.ts';
import { checkModel } from './check-model.ts';
import { checkVmm } from './check-vmm.ts';
import { messages } from './messages.ts';
import type { CheckMessage, Lab, LabParams, Task, TaskResult } from './types.ts';

function messagesFor(lab: Lab, task: Task, params: LabParams, answer: string): CheckMessage[] {
	const t = messages(lab.lang);
	if (task.kind === 'written') return [{ passed: false, text: t.written() }];
	if (answer.trim() === '') return [{ passed: false, text: t.empty() }];
	switch (task.kind) {
		case 'asm':
			return checkAsm(task, params, answer, lab.lang);
		case 'vmm':
			return checkVmm(task, params, answer, lab.lang);
		case 'answer': {
			const run = lab.tasks.find((other) => other.id === task.run);
			return checkAnswer(task, params, answer, lab.lang, run);
		}
		case 'model':
			return checkModel(task, params, answer, lab.lang);
	}
}

/** Points for `passed` of `total` checks, rounded to hundredths as a gradebook shows them. */
export function pointsFor(max: number, passed: number, total: number): number {
	if (total === 0) return 0;
	return Math.round((max * passed * 100) / total) / 100;
}

/**
 * Checks `answer` (the student's code, number, parameters or text) for task `taskId` with the
 * student's `params` (labParams(lab, studentId)). Throws only for a task id the lab does not have.
 */
export function checkTask(lab: Lab, params: LabParams, taskId: string, answer: string): TaskResult {
	const task = lab.tasks.find((candidate) => candidate.id === taskId);
	if (!task) throw new Error(messages(lab.lang).unknownTask(taskId));
	const results = messagesFor(lab, task, params, answer);
	const manual = task.kind === 'written';
	const passedCount = manual ? 0 : results.filter((m) => m.passed).length;
	return {
		id: task.id,
		kind: task.kind,
		points: manual ? 0 : pointsFor(task.points, passedCount, results.length),
		max: task.points,
		passed: !manual && passedCount === results.length,
		manual,
		messages: results
	};
}
