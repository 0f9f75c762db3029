/**
 * Which control a task's answer is typed into. A task kind the page does not know still gets one:
 * a code task (any kind with a `starter` and a `solution` that is a program, as `asm` and the VMM's
 * guest-kernel tasks are) gets the code editor, anything else a plain text area. So a new kind in
 * the engine (src/lib/labs/types.ts) works in the page before the page is told about it.
 */

/** `code`: the assembly editor; `line`: one input with the unit; `data`: JSON/YAML; `prose`: text. */
export type AnswerInput = 'code' | 'line' | 'data' | 'prose';

/** The kinds whose answer is not a program, by what their answer is. */
const notCode: Record<string, AnswerInput> = { answer: 'line', model: 'data', written: 'prose' };

/** The fields of a task this needs; typed loosely on purpose, for kinds not written yet. */
export interface TaskShape {
	kind: string;
	starter?: unknown;
	solution?: unknown;
}

export function answerInput(task: TaskShape): AnswerInput {
	if (Object.hasOwn(notCode, task.kind)) return notCode[task.kind];
	return typeof task.starter === 'string' && typeof task.solution === 'string' ? 'code' : 'prose';
}

/** What an answer starts as: the task's starter, or nothing. */
export function starterOf(task: TaskShape): string {
	return typeof task.starter === 'string' ? task.starter : '';
}

/**
 * The keys a student may write in a model task's parameters: the fields, which replace the
 * model's inputs of that name, and the variables, numbers the lab's expressions read.
 */
export function settableKeys(task: { fields?: string[]; variables?: string[] }): string[] {
	return [...(task.fields ?? []), ...(task.variables ?? [])];
}

/** Written tasks are collected for the instructor: the grader gives them no points. */
export function gradedByHand(task: TaskShape): boolean {
	return task.kind === 'written';
}
