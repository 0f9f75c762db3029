/**
 * Checking a `model` task: the student's parameters (a JSON or YAML object), laid over the lab's
 * fixed `base`, run through a model of src/lib/sim; a metric of the result compared with a target
 * computed from the student's lab parameters. A task with several conditions runs the model once
 * for each (each may fix some inputs, `set: { WSET: '=BELOW' }`), so it can judge a bracket around
 * a crossover; its `require` comparisons are checked first. The reference parameters are run the
 * same way and must meet everything too, or the lab itself is wrong.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { formatNumber } from '../notebook/format.ts';
import { mm1 } from '../sim/queueing/mm1.ts';
import { mmc } from '../sim/queueing/mmc.ts';
import { runMemory } from '../sim/memory/simulate.ts';
import { runPlacement } from '../sim/placement/placement.ts';
import type { Result } from '../sim/result.ts';
import { runSched } from '../sim/sched/simulate.ts';
import { runVmModel } from './vm-model.ts';
import { evaluateNumber } from './expressions.ts';
import { messages, withHint } from './messages.ts';
import { evaluateRequirement, holds } from './requirement.ts';
import type {
	CheckMessage,
	LabLang,
	LabParams,
	ModelCondition,
	ModelName,
	ModelTask
} from './types.ts';

/** Every model a lab may name, each taking one configuration object. */
export const MODELS: Record<ModelName, (input: Record<string, unknown>) => Result<unknown>> = {
	mm1: (input) => mm1(input as unknown as Parameters<typeof mm1>[0]),
	mmc: (input) => mmc(input as unknown as Parameters<typeof mmc>[0]),
	sched: runSched,
	placement: runPlacement,
	memory: runMemory,
	vm: runVmModel
};

export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];

/** `base` with every string `=expr` replaced by the expression's value for these parameters. */
export function resolveBase(value: unknown, params: LabParams): unknown {
	if (typeof value === 'string' && value.startsWith('='))
		return evaluateNumber(value.slice(1), params);
	if (Array.isArray(value)) return value.map((item) => resolveBase(item, params));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [key, resolveBase(item, params)])
		);
	return value;
}

/** The number at a dotted path (`W`, `vms.0.latency.p99`) of a model's result. */
export function metricAt(result: unknown, path: string): number | undefined {
	let node: unknown = result;
	for (const key of path.split('.')) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[key];
	}
	return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}

/** The student's answer read: the fields that replace `base` keys, the numbers its expressions see. */
type Answer =
	{ ok: true; fields: Record<string, unknown>; numbers: LabParams } | { ok: false; text: string };

/** Reads a student's (or the reference's) parameters and refuses keys the lab fixes. */
export function readModelAnswer(task: ModelTask, answer: string, lang: LabLang): Answer {
	const t = messages(lang);
	let own: unknown;
	try {
		own = parseYaml(answer, { maxAliasCount: 100 }) ?? {};
	} catch (error) {
		return { ok: false, text: t.modelInput((error as Error).message.split('\n')[0]) };
	}
	if (typeof own !== 'object' || Array.isArray(own) || own === null)
		return { ok: false, text: t.modelInput('write an object: name: value, one per line') };
	const allowed = [...task.fields, ...task.variables];
	const locked = Object.keys(own).find((key) => !allowed.includes(key));
	if (locked !== undefined) return { ok: false, text: t.modelLocked(locked, allowed.join(', ')) };
	// A variable is a number that only the base's expressions see (`weight: '=WEB_WEIGHT'`), so a
	// lab can let students set one value deep inside the model's input without handing them the
	// rest of it. A field replaces the base's key of that name.
	const isVariable = (key: string) => task.variables.includes(key);
	const entries = Object.entries(own);
	const notNumber = entries.find(([key, value]) => isVariable(key) && typeof value !== 'number');
	if (notNumber) return { ok: false, text: t.modelInput(`${notNumber[0]} must be a number`) };
	return {
		ok: true,
		fields: Object.fromEntries(entries.filter(([key]) => !isVariable(key))),
		// The base's expressions see the parameters and the student's numbers (`ROUNDS: '=4096 / WSET'`).
		numbers: Object.fromEntries(
			entries.filter(([, value]) => typeof value === 'number')
		) as LabParams
	};
}

/**
 * The reference solution for these parameters: its `"=expr"` values computed, so that a solution
 * can depend on the student's variant (`BELOW: '=LAB_TLB - 4'` gives `BELOW: 28`). A solution
 * without expressions is returned as written. Throws when an expression does not give a number.
 */
export function resolveSolution(task: ModelTask, params: LabParams): string {
	let parsed: unknown;
	try {
		parsed = parseYaml(task.solution, { maxAliasCount: 100 });
	} catch {
		return task.solution; // checking it says what is wrong
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return task.solution;
	const computed = Object.values(parsed).some(
		(value) => typeof value === 'string' && value.startsWith('=')
	);
	return computed ? stringifyYaml(resolveBase(parsed, params)).trimEnd() : task.solution;
}

type Outcome =
	| { ok: true; value: number; result: unknown; where: string }
	| { ok: false; text: string; where: string };

/** "WSET = 96": the values a condition's `set` gave this run, for its message. */
function describeSet(set: Record<string, unknown>): string {
	return Object.entries(set)
		.map(
			([key, value]) =>
				`${key} = ${typeof value === 'number' ? formatNumber(value) : String(value)}`
		)
		.join(', ');
}

/**
 * Runs one set of parameters (the student's or the reference's) for one condition (by default the
 * first: what an answer's `run=` reads) and reads that condition's metric.
 */
export function runModelTask(
	task: ModelTask,
	params: LabParams,
	answer: string,
	lang: LabLang,
	condition: ModelCondition = task.conditions[0]
): Outcome {
	const read = readModelAnswer(task, answer, lang);
	if (!read.ok) return { ...read, where: '' };
	return runCondition(task, params, read.fields, read.numbers, condition, lang);
}

function runCondition(
	task: ModelTask,
	params: LabParams,
	fields: Record<string, unknown>,
	numbers: LabParams,
	condition: ModelCondition,
	lang: LabLang
): Outcome {
	const t = messages(lang);
	let base: Record<string, unknown>;
	let set: Record<string, unknown>;
	try {
		base = resolveBase(task.base, { ...params, ...numbers }) as Record<string, unknown>;
		set = resolveBase(condition.set, { ...params, ...numbers }) as Record<string, unknown>;
	} catch (error) {
		return { ok: false, text: t.modelInput((error as Error).message), where: '' };
	}
	const where = describeSet(set);
	// A condition's `set` wins over the student's fields: it is the point the lab measures at.
	const result = MODELS[task.model]({ ...base, ...fields, ...set });
	if (!result.ok) return { ok: false, text: t.modelInput(result.error.message), where };
	const value = metricAt(result.value, condition.metric);
	if (value === undefined) return { ok: false, text: t.modelNoMetric(condition.metric), where };
	return { ok: true, value, result: result.value, where };
}

/**
 * Every message of one answer, without the lab's hint: a requirement that fails (then nothing
 * runs: a bracket too wide is not a measurement), or one message per condition.
 */
function judge(
	task: ModelTask,
	params: LabParams,
	answer: string,
	lang: LabLang
): (CheckMessage & { hint?: string })[] {
	const t = messages(lang);
	const read = readModelAnswer(task, answer, lang);
	if (!read.ok) return [{ passed: false, text: read.text }];
	for (const expression of task.require) {
		let outcome;
		try {
			outcome = evaluateRequirement(expression, { ...params, ...read.numbers });
		} catch (error) {
			return [{ passed: false, text: t.modelInput((error as Error).message) }];
		}
		if (!outcome.holds)
			return [
				{
					passed: false,
					text: t.requireMisses(
						outcome.comparison.left,
						formatNumber(outcome.left),
						outcome.comparison.operator,
						formatNumber(outcome.right)
					)
				}
			];
	}
	return task.conditions.map((condition) => {
		let target: number;
		try {
			target = evaluateNumber(condition.target, params);
		} catch (error) {
			return { passed: false, text: (error as Error).message };
		}
		const run = runCondition(task, params, read.fields, read.numbers, condition, lang);
		const at = (text: string) => (run.where ? t.modelAt(run.where, text) : text);
		if (!run.ok) return { passed: false, text: at(run.text), hint: condition.hint };
		const got = formatNumber(run.value);
		const wanted = formatNumber(target);
		return holds(run.value, condition.compare, target)
			? { passed: true, text: at(t.modelMeets(condition.metric, got, condition.compare, wanted)) }
			: {
					passed: false,
					text: at(t.modelMisses(condition.metric, got, condition.compare, wanted)),
					hint: condition.hint
				};
	});
}

/**
 * Checks a model task: the reference parameters first (they must meet every requirement and
 * condition, or the lab is wrong), then the student's, one message per condition.
 */
export function checkModel(
	task: ModelTask,
	params: LabParams,
	answer: string,
	lang: LabLang
): CheckMessage[] {
	const t = messages(lang);
	if (answer.trim() === '') return [{ passed: false, text: t.empty() }];
	let reference: string;
	try {
		reference = resolveSolution(task, params);
	} catch (error) {
		return [{ passed: false, text: t.referenceBroken((error as Error).message) }];
	}
	const broken = judge(task, params, reference, lang).find((message) => !message.passed);
	if (broken) return [{ passed: false, text: t.referenceBroken(broken.text) }];
	// A condition's own hint, where it has one, says more than the task's.
	return judge(task, params, answer, lang).map(({ hint, ...message }) =>
		message.passed ? message : { ...message, text: withHint(message.text, hint ?? task.hint, lang) }
	);
}
