/**
 * Checking an `answer` task: what the student typed (a number such as `52 %` or `1,200`, or a
 * mathjs expression in the lab's parameters) against the reference expression's value for their
 * parameters. Parsing and the tolerance rule are the prediction widget's (widgets/predict/check.ts),
 * so a lab accepts exactly what a lesson's predictions accept.
 */
import { formatNumber } from '../notebook/format.ts';
import {
	checkPrediction,
	parseAnswer,
	roundingSlack,
	toleranceText
} from '../widgets/predict/check.ts';
import { evaluateNumber, tryNumber } from './expressions.ts';
import { messages, withHint } from './messages.ts';
import { asmPrefix } from './check-asm.ts';
import { resolveSolution, runModelTask } from './check-model.ts';
import { vmmReferenceMeasures } from './check-vmm.ts';
import { runAsm } from './run-asm.ts';
import type { AnswerTask, AsmTask, CheckMessage, LabLang, LabParams, Task } from './types.ts';

/** The student's number: a plain number first (`52 %` in a % box is 52), else an expression. */
export function readAnswer(text: string, params: LabParams, unit?: string): number | undefined {
	const plain = parseAnswer(text, unit);
	if (plain !== null) return plain;
	const trimmed =
		unit && unit !== '%' ? text.trim().replace(new RegExp(`${escape(unit)}$`), '') : text;
	return tryNumber(trimmed, params);
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the reference run of `asm` measured, for an answer's `solution` as `reference.…`. */
export function referenceMeasures(asm: AsmTask, params: LabParams): ReferenceMeasures {
	const run = runAsm(asmPrefix(asm, params), asm.solution, asm.checks.budget);
	if (!run.assembled) throw new Error(`task '${asm.id}': ${run.errors[0]?.message ?? ''}`);
	if (run.stop.kind !== 'halted') throw new Error(`task '${asm.id}' stopped: ${run.stop.kind}`);
	return { instructions: run.instructions, traps: run.traps, exitCode: run.exitCode ?? 0 };
}

export interface ReferenceMeasures {
	instructions: number;
	traps: number;
	exitCode: number;
}

/**
 * The scope an answer's `solution` gets from the task its `run` names: `{ reference }`, what that
 * task's reference solution measured with these parameters (and `starter`, for a vmm task, what
 * its starter measured); nothing without a `run`. Throws when a run fails.
 */
export function referenceScope(run: Task | undefined, params: LabParams): Record<string, unknown> {
	if (!run) return {};
	switch (run.kind) {
		case 'asm':
			return { reference: referenceMeasures(run, params) };
		case 'vmm':
			return vmmReferenceMeasures(run, params);
		case 'model': {
			const result = runModelTask(run, params, resolveSolution(run, params), 'en');
			if (!result.ok) throw new Error(`task '${run.id}': ${result.text}`);
			return { reference: result.result };
		}
		default:
			return {};
	}
}

/**
 * `run` is the task named by the answer's `run` setting (check.ts finds it), whose reference run
 * gives `reference.…` to the solution (referenceScope).
 */
export function checkAnswer(
	task: AnswerTask,
	params: LabParams,
	answer: string,
	lang: LabLang,
	run?: Task
): CheckMessage[] {
	const t = messages(lang);
	if (answer.trim() === '') return [{ passed: false, text: t.empty() }];
	let expected: number;
	try {
		expected = evaluateNumber(task.solution, { ...params, ...referenceScope(run, params) });
	} catch (error) {
		return [{ passed: false, text: t.referenceBroken((error as Error).message) }];
	}
	const got = readAnswer(answer, params, task.unit);
	if (got === undefined)
		return [{ passed: false, text: withHint(t.notANumber(answer.trim()), task.hint, lang) }];
	const verdict = checkPrediction(got, expected, { relative: task.rtol, absolute: task.atol });
	const unit = task.unit ? (task.unit === '%' ? ' %' : ` ${task.unit}`) : '';
	const exact = verdict.allowed <= roundingSlack * (1 + 1e-12);
	const allowed = exact
		? ''
		: verdict.by === 'relative'
			? toleranceText(task.rtol)
			: `±${formatNumber(verdict.allowed)}${unit}`;
	// The expected value is shown only once the answer is right: it is the answer.
	return verdict.close
		? [{ passed: true, text: t.answerClose(`${formatNumber(expected)}${unit}`, allowed) }]
		: [
				{
					passed: false,
					text: withHint(t.answerFar(`${formatNumber(got)}${unit}`, allowed), task.hint, lang)
				}
			];
}
