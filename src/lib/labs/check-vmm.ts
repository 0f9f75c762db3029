/**
 * Checking a `vmm` task: the guest built with the student's code and with the reference
 * solution, run under the hypervisor in the same workloads and modes with the same parameters,
 * then compared run by run: console output equal (the workloads print checksums), exits by reason
 * and model cycles at most an expression of what the reference run measured. The expected values
 * come from the reference run, never from numbers written in the lab.
 */
import { formatNumber } from '../notebook/format.ts';
import { evaluateNumber } from './expressions.ts';
import { messages, withHint, type Messages } from './messages.ts';
import { referenceVmmRuns, runVmmTask, type VmmMeasures } from './run-vmm.ts';
import type { CheckMessage, LabLang, LabParams, VmmCheckName, VmmTask } from './types.ts';

/** Console text in a message: quoted, control characters shown, long output cut. */
function shown(text: string): string {
	const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	return JSON.stringify(cut);
}

/** Why a run did not end as a guest should (shut down with exit code 0), or undefined. */
function endProblem(run: VmmMeasures, t: Messages, budget: number): string | undefined {
	if (run.end === 'budget') return t.vmmBudget(budget);
	if (run.end === 'error') return t.machineError(run.message ?? '');
	if (run.exitCode !== 0) return t.vmmExitCode(run.exitCode ?? '—');
	return undefined;
}

/** A message about one run starts with where it ran: "spawn, pv: …". */
const where = (run: VmmMeasures) => `${run.workload}, ${run.mode}`;

export function checkVmm(
	task: VmmTask,
	params: LabParams,
	answer: string,
	lang: LabLang
): CheckMessage[] {
	const t = messages(lang);
	const { checks } = task;
	const hinted = (check: VmmCheckName, passed: boolean, text: string): CheckMessage => ({
		passed,
		text: passed ? text : withHint(text, checks.hints[check], lang)
	});
	let reference;
	try {
		reference = referenceVmmRuns(task, params);
	} catch (error) {
		return [{ passed: false, text: t.referenceBroken((error as Error).message) }];
	}
	if (!reference.built)
		return [{ passed: false, text: t.referenceBroken(reference.errors[0]?.message ?? '') }];
	const referenceProblem = reference.runs
		.map((run) => endProblem(run, t, task.run.budget))
		.find((problem) => problem !== undefined);
	if (referenceProblem) return [{ passed: false, text: t.referenceBroken(referenceProblem) }];

	const student = runVmmTask(task, params, answer);
	if (!student.built) {
		const [first] = student.errors;
		const at =
			first.part === 'student'
				? `${t.line(`${first.line}:${first.column}`)}: `
				: `${first.file ?? ''}:${first.line}: `;
		return [
			hinted(
				'assemble',
				false,
				t.assembleFailed(`${at}${first.message}`, student.errors.length - 1)
			)
		];
	}
	// A run that did not end has nothing worth comparing: one message says why.
	for (const run of student.runs) {
		const problem = endProblem(run, t, task.run.budget);
		if (problem) return [hinted('finish', false, `${where(run)}: ${problem}`)];
	}
	const results: CheckMessage[] = [{ passed: true, text: t.vmmFinished(student.runs.length) }];
	student.runs.forEach((run, index) => {
		const expected = reference.runs[index];
		const scope = (measured: number) => ({ ...params, reference: measured });
		if (checks.output) {
			const same = run.output === expected.output;
			results.push(
				hinted(
					'output',
					same,
					`${where(run)}: ${same ? t.outputSame() : t.outputDiffers(shown(run.output), shown(expected.output))}`
				)
			);
		}
		for (const [reason, limitExpression] of Object.entries(checks.exits)) {
			const limit = Math.floor(evaluateNumber(limitExpression, scope(expected.exits[reason] ?? 0)));
			const got = run.exits[reason] ?? 0;
			const within = got <= limit;
			const name = reason === 'total' ? '' : reason;
			results.push(
				hinted(
					'exits',
					within,
					`${where(run)}: ${within ? t.exitsWithin(name, formatNumber(got), formatNumber(limit)) : t.exitsOver(name, formatNumber(got), formatNumber(limit))}`
				)
			);
		}
		if (checks.modelCycles !== undefined) {
			const limit = Math.floor(evaluateNumber(checks.modelCycles, scope(expected.modelCycles)));
			const within = run.modelCycles <= limit;
			const got = formatNumber(run.modelCycles);
			results.push(
				hinted(
					'modelCycles',
					within,
					`${where(run)}: ${within ? t.cyclesWithin(got, formatNumber(limit)) : t.cyclesOver(got, formatNumber(limit))}`
				)
			);
		}
	});
	return results;
}

/** What one solution's first run measured, for an answer's `solution`. */
function firstRunMeasures(task: VmmTask, params: LabParams, code: string, which: string) {
	const runs = runVmmTask(task, params, code);
	if (!runs.built) throw new Error(`task '${task.id}' ${which}: ${runs.errors[0]?.message ?? ''}`);
	const [first] = runs.runs;
	if (first.end !== 'exit' || first.exitCode !== 0)
		throw new Error(
			`task '${task.id}' ${which}, ${first.workload}, ${first.mode}: did not finish (${first.end})`
		);
	return {
		exits: first.exits,
		modelCycles: first.modelCycles,
		guestInstructions: first.guestInstructions
	};
}

/**
 * What the task's first run (its first workload in its first mode) measured with the reference
 * solution, and with the starter: an answer's `solution` may compare them
 * (`starter.exits.hypercall - reference.exits.hypercall`, the exits the student's work saves).
 */
export function vmmReferenceMeasures(task: VmmTask, params: LabParams) {
	return {
		reference: firstRunMeasures(task, params, task.solution, 'reference'),
		starter: firstRunMeasures(task, params, task.starter, 'starter')
	};
}
