/**
 * Checking an `asm` task: run the student's program and the reference solution with the same
 * parameters on the same machine, then compare what the lab's checks name. Expected values come
 * from the reference run, never from numbers written in the lab.
 */
import { registerNumber } from '../emulator/asm/registers.ts';
import { evaluateNumber } from './expressions.ts';
import { messages, withHint, type Messages } from './messages.ts';
import { equLines } from './params.ts';
import { runAsm, trapName, type AsmRun } from './run-asm.ts';
import type { AsmCheckName, AsmTask, CheckMessage, LabLang, LabParams } from './types.ts';

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

/** Console text in a message: quoted, control characters shown, long output cut. */
function shown(text: string): string {
	const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	return JSON.stringify(cut);
}

/** Why a finished run did not end normally, or undefined when it did. */
function stopProblem(run: Extract<AsmRun, { assembled: true }>, t: Messages, budget: number) {
	const stop = run.stop;
	if (stop.kind === 'halted') return undefined;
	if (stop.kind === 'budget') return t.budget(budget);
	if (stop.kind === 'trapLoop')
		return t.trapLoop(
			hex(stop.repeating.pc),
			trapName(stop.repeating.cause, stop.repeating.interrupt)
		);
	if (stop.kind === 'machineError') return t.machineError(stop.message);
	return t.machineError(stop.kind);
}

/** The program before the student's code: the parameters as `.equ` lines, then the harness. */
export function asmPrefix(task: AsmTask, params: LabParams): string {
	return equLines(params) + task.harness;
}

export function checkAsm(
	task: AsmTask,
	params: LabParams,
	answer: string,
	lang: LabLang
): CheckMessage[] {
	const t = messages(lang);
	const { checks } = task;
	const hinted = (check: AsmCheckName, passed: boolean, text: string): CheckMessage => ({
		passed,
		text: passed ? text : withHint(text, checks.hints[check], lang)
	});
	const prefix = asmPrefix(task, params);
	const reference = runAsm(prefix, task.solution, checks.budget);
	const referenceProblem = !reference.assembled
		? `${reference.errors[0]?.message ?? ''}`
		: stopProblem(reference, t, checks.budget);
	if (!reference.assembled || referenceProblem)
		return [{ passed: false, text: t.referenceBroken(referenceProblem ?? '') }];

	const run = runAsm(prefix, answer, checks.budget);
	if (!run.assembled) {
		const [first] = run.errors;
		const where = first.part === 'student' ? `${t.line(first.line)}: ` : '';
		return [
			hinted('assemble', false, t.assembleFailed(`${where}${first.message}`, run.errors.length - 1))
		];
	}
	// A run that did not end has no output or exit code worth comparing: one message says why.
	const problem = stopProblem(run, t, checks.budget);
	if (problem) return [hinted('finish', false, problem)];
	const results: CheckMessage[] = [{ passed: true, text: t.finished(run.exitCode ?? 0) }];
	if (checks.output) {
		const same = run.output === reference.output;
		results.push(
			hinted(
				'output',
				same,
				same ? t.outputSame() : t.outputDiffers(shown(run.output), shown(reference.output))
			)
		);
	}
	if (checks.exitCode) {
		const same = run.exitCode === reference.exitCode;
		const got = run.exitCode ?? '—';
		results.push(
			hinted(
				'exitCode',
				same,
				same ? t.exitSame(got) : t.exitDiffers(got, reference.exitCode ?? '—')
			)
		);
	}
	for (const name of checks.registers) {
		const index = registerNumber(name) ?? 0;
		const got = run.registers[index];
		const expected = reference.registers[index];
		const same = got === expected;
		results.push(
			hinted(
				'registers',
				same,
				same ? t.registerSame(name, hex(got)) : t.registerDiffers(name, hex(got), hex(expected))
			)
		);
	}
	for (const { symbol, words } of checks.memory) {
		const expected = reference.readWords(symbol, words);
		const got = run.readWords(symbol, words);
		if (!got || !expected) {
			results.push(hinted('memory', false, t.noSymbol(symbol)));
			continue;
		}
		const index = got.findIndex((word, i) => word !== expected[i]);
		results.push(
			hinted(
				'memory',
				index < 0,
				index < 0
					? t.memorySame(symbol, words)
					: t.memoryDiffers(symbol, index * 4, hex(got[index]), hex(expected[index]))
			)
		);
	}
	if (checks.maxInstructions !== undefined) {
		const limit = Math.floor(
			evaluateNumber(checks.maxInstructions, { ...params, reference: reference.instructions })
		);
		const within = run.instructions <= limit;
		results.push(
			hinted(
				'instructions',
				within,
				within
					? t.instructionsWithin(run.instructions, limit)
					: t.instructionsOver(run.instructions, limit)
			)
		);
	}
	return results;
}
