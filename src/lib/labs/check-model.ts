/**
 * Checking a `model` task: the student's parameters (a JSON or YAML object), laid over the lab's
 * fixed `base`, run through a model of src/lib/sim; one metric of the result compared with a
 * target computed from the student's lab parameters. The reference parameters are run the same
 * way and must meet the target too, or the lab itself is wrong.
 */
import { parse as parseYaml } from 'yaml';
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
import type { CheckMessage, LabLang, LabParams, ModelName, ModelTask } from './types.ts';

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

type Outcome = { ok: true; value: number; result: unknown } | { ok: false; text: string };

/** Runs one set of parameters (the student's or the reference's) and reads the metric. */
export function runModelTask(
	task: ModelTask,
	params: LabParams,
	answer: string,
	lang: LabLang
): Outcome {
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
	// The base's expressions see the parameters and the student's numbers (`ROUNDS: '=4096 / WSET'`).
	const numbers = Object.fromEntries(
		entries.filter(([, value]) => typeof value === 'number')
	) as LabParams;
	let base: Record<string, unknown>;
	try {
		base = resolveBase(task.base, { ...params, ...numbers }) as Record<string, unknown>;
	} catch (error) {
		return { ok: false, text: t.modelInput((error as Error).message) };
	}
	const input = {
		...base,
		...Object.fromEntries(entries.filter(([key]) => !isVariable(key)))
	};
	const result = MODELS[task.model](input);
	if (!result.ok) return { ok: false, text: t.modelInput(result.error.message) };
	const value = metricAt(result.value, task.metric);
	if (value === undefined) return { ok: false, text: t.modelNoMetric(task.metric) };
	return { ok: true, value, result: result.value };
}

export function checkModel(
	task: ModelTask,
	params: LabParams,
	answer: string,
	lang: LabLang
): CheckMessage[] {
	const t = messages(lang);
	if (answer.trim() === '') return [{ passed: false, text: t.empty() }];
	let target: number;
	try {
		target = evaluateNumber(task.target, params);
	} catch (error) {
		return [{ passed: false, text: t.referenceBroken((error as Error).message) }];
	}
	const meets = (value: number) => (task.compare === '<=' ? value <= target : value >= target);
	const reference = runModelTask(task, params, task.solution, lang);
	if (!reference.ok || !meets(reference.value))
		return [
			{
				passed: false,
				text: t.referenceBroken(
					reference.ok ? `${task.metric} = ${formatNumber(reference.value)}` : reference.text
				)
			}
		];
	const run = runModelTask(task, params, answer, lang);
	if (!run.ok) return [{ passed: false, text: withHint(run.text, task.hint, lang) }];
	const got = formatNumber(run.value);
	const wanted = formatNumber(target);
	return meets(run.value)
		? [{ passed: true, text: t.modelMeets(task.metric, got, task.compare, wanted) }]
		: [
				{
					passed: false,
					text: withHint(t.modelMisses(task.metric, got, task.compare, wanted), task.hint, lang)
				}
			];
}
