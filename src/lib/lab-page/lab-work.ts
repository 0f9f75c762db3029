/**
 * A student's work on a lab, as the page holds it: the answers, starting from each task's starter,
 * with saved answers laid over them.
 */
import { starterOf, type TaskShape } from './answer-input.ts';

/** Every task's starting answer: its starter, or nothing. */
export function starterAnswers(tasks: (TaskShape & { id: string })[]): Record<string, string> {
	return Object.fromEntries(tasks.map((task) => [task.id, starterOf(task)]));
}

/** The starters with `saved` laid over them, for the tasks the lab has (others are dropped). */
export function withSaved(
	tasks: (TaskShape & { id: string })[],
	saved: Record<string, string>
): Record<string, string> {
	const answers = starterAnswers(tasks);
	for (const task of tasks) if (Object.hasOwn(saved, task.id)) answers[task.id] = saved[task.id];
	return answers;
}
