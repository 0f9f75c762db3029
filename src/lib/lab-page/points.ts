/**
 * "Points so far": what the Check button has given, counted only while it still applies. A result
 * belongs to the answer and the student id it was checked with; editing the answer, or changing the
 * id (and with it the values), makes it stale, and a stale result counts nothing until checked again.
 */
import { normalizeStudentId } from '../labs/params.ts';
import type { TaskResult } from '../labs/types.ts';
import { gradedByHand, type TaskShape } from './answer-input.ts';

/** A check's result with what it checked. */
export interface CheckedAnswer {
	result: TaskResult;
	answer: string;
	studentId: string;
}

/** Whether `checked` is the result for this answer and this student. */
export function isCurrent(
	checked: CheckedAnswer | undefined,
	answer: string,
	studentId: string
): checked is CheckedAnswer {
	return (
		checked !== undefined &&
		checked.answer === answer &&
		normalizeStudentId(checked.studentId) === normalizeStudentId(studentId)
	);
}

/**
 * Points of the current results, and the most the Check button can give (written tasks are left
 * out: the instructor grades them). Rounded to hundredths, as the grader's points are.
 */
export function pointsSoFar(
	tasks: (TaskShape & { id: string; points: number })[],
	checked: Record<string, CheckedAnswer | undefined>,
	answers: Record<string, string>,
	studentId: string
): { points: number; max: number } {
	let points = 0;
	let max = 0;
	for (const task of tasks) {
		if (gradedByHand(task)) continue;
		max += task.points;
		const result = checked[task.id];
		if (isCurrent(result, answers[task.id] ?? '', studentId)) points += result.result.points;
	}
	return { points: Math.round(points * 100) / 100, max };
}
