import { describe, expect, it } from 'vitest';
import {
	checkModel,
	metricAt,
	resolveBase,
	resolveSolution,
	runModelTask
} from '../../../src/lib/labs/check-model.ts';
import type { ModelTask } from '../../../src/lib/labs/types.ts';
import { testLab } from './fixtures.ts';

const task = testLab().tasks.find((t) => t.kind === 'model') as ModelTask;
const params = { LAMBDA: 2 };

describe('checkModel', () => {
	it('passes the reference parameters', () => {
		const [m] = checkModel(task, params, task.solution, 'en');
		expect(m.passed).toBe(true);
		expect(m.text).toMatch(/^W = 1(\.0\d*)?, meets the target <= 1\.05$/);
	});

	it('fails parameters that miss the target, with the measured metric', () => {
		// M/M/3 at λ = 2, μ = 1: W = 1 + C(3, 2) / (3 − 2) ≈ 1.44
		expect(checkModel(task, params, 'c: 3', 'en')).toEqual([
			{ passed: false, text: 'W = 1.4444, expected <= 1.05' }
		]);
	});

	it('reads JSON as well as YAML', () => {
		expect(checkModel(task, params, '{"c": 12}', 'en')[0].passed).toBe(true);
	});

	it('refuses a key the lab fixes, and invalid model input', () => {
		expect(checkModel(task, params, 'c: 12\nlambda: 0.1', 'en')[0].text).toBe(
			"'lambda' is fixed by the lab; you may set c"
		);
		expect(checkModel(task, params, 'c: 1', 'en')[0].text).toMatch(
			/^the model parameters are not valid: /
		);
		expect(checkModel(task, params, 'c: [', 'en')[0].text).toMatch(
			/^the model parameters are not valid: /
		);
	});

	it('blames the lab when its reference misses the target', () => {
		const strict = { ...task, conditions: [{ ...task.conditions[0], target: '0.5' }] };
		expect(checkModel(strict, params, 'c: 12', 'en')[0].text).toMatch(/reference solution fails/);
	});
});

describe('model helpers', () => {
	it('resolves =expressions in the base from the parameters', () => {
		expect(resolveBase({ a: '=2*L', b: ['=L', 'x'], c: 1 }, { L: 3 })).toEqual({
			a: 6,
			b: [3, 'x'],
			c: 1
		});
	});

	it('reads a metric along a dotted path', () => {
		expect(metricAt({ vms: [{ p: 3 }] }, 'vms.0.p')).toBe(3);
		expect(metricAt({ vms: [] }, 'vms.0.p')).toBeUndefined();
	});

	it('runs the model with the base and the student fields', () => {
		const outcome = runModelTask(task, { LAMBDA: 4 }, 'c: 8', 'en');
		expect(outcome.ok && outcome.value).toBeGreaterThan(1);
	});
});

/**
 * A bracket around a crossover, on the M/M/c model (quick): the fewest servers whose W is within
 * 1.05 lies between LOW (W above it) and HIGH (W within it), at most 2 apart. At λ = 2, μ = 1
 * the crossover is between 4 and 5 servers; at λ = 4 between 6 and 7.
 */
const bracket: ModelTask = {
	...task,
	id: 'bracket',
	fields: [],
	variables: ['LOW', 'HIGH'],
	solution: "LOW: '=LAMBDA + 2'\nHIGH: '=LAMBDA + 3'",
	require: ['HIGH - LOW <= 2'],
	conditions: [
		{ set: { c: '=LOW' }, metric: 'W', compare: '>', target: '1.05' },
		{ set: { c: '=HIGH' }, metric: 'W', compare: '<=', target: '1.05' }
	]
};

describe('checkModel with conditions and a requirement', () => {
	it('computes the reference for each student and passes it, one message per condition', () => {
		expect(resolveSolution(bracket, { LAMBDA: 2 })).toBe('LOW: 4\nHIGH: 5');
		expect(resolveSolution(bracket, { LAMBDA: 4 })).toBe('LOW: 6\nHIGH: 7');
		expect(resolveSolution(task, params)).toBe('c: 12');
		const result = checkModel(bracket, params, 'LOW: 4\nHIGH: 5', 'en');
		expect(result.map((m) => m.passed)).toEqual([true, true]);
		expect(result[0].text).toMatch(/^at c = 4: W = 1\.\d+, meets the target > 1\.05$/);
		expect(result[1].text).toMatch(/^at c = 5: W = 1\.0\d+, meets the target <= 1\.05$/);
	});

	it('fails each condition with the value it set and the metric', () => {
		// Both too high: at 5 servers W is already within the target.
		const [low, high] = checkModel(bracket, params, 'LOW: 5\nHIGH: 6', 'en');
		expect(low.passed).toBe(false);
		expect(low.text).toMatch(/^at c = 5: W = 1\.0\d+, expected > 1\.05$/);
		expect(high.passed).toBe(true);
		// Both too low: 3 and 4 servers both miss the target.
		const [, tooFew] = checkModel(bracket, params, 'LOW: 3\nHIGH: 4', 'en');
		expect(tooFew).toEqual({ passed: false, text: 'at c = 4: W = 1.087, expected <= 1.05' });
	});

	it("says a failing condition's own hint instead of the task's", () => {
		const hinted: ModelTask = {
			...bracket,
			hint: 'the task hint',
			conditions: [
				bracket.conditions[0],
				{ ...bracket.conditions[1], hint: 'more servers at HIGH' }
			]
		};
		const [low, high] = checkModel(hinted, params, 'LOW: 3\nHIGH: 4', 'en');
		expect(low.passed).toBe(true);
		expect(high).toEqual({
			passed: false,
			text: 'at c = 4: W = 1.087, expected <= 1.05: more servers at HIGH'
		});
		const [tooMany] = checkModel(hinted, params, 'LOW: 5\nHIGH: 6', 'en');
		expect(tooMany.text).toMatch(/^at c = 5: W = 1\.0\d+, expected > 1\.05: the task hint$/);
	});

	it('checks the requirement first and runs nothing when it fails', () => {
		expect(checkModel(bracket, params, 'LOW: 1\nHIGH: 9', 'en')).toEqual([
			{ passed: false, text: 'HIGH - LOW = 8, expected at most 2' }
		]);
		expect(checkModel(bracket, params, 'LOW: 1\nHIGH: 9', 'zh')).toEqual([
			{ passed: false, text: 'HIGH - LOW = 8，应不超过 2' }
		]);
		expect(checkModel(bracket, params, 'LOW: 4', 'en')[0].text).toMatch(
			/^the model parameters are not valid: Undefined symbol HIGH/
		);
	});

	it("fails one student's bracket for a student with another arrival rate", () => {
		const other = { LAMBDA: 4 };
		expect(checkModel(bracket, other, 'LOW: 6\nHIGH: 7', 'en').every((m) => m.passed)).toBe(true);
		// At λ = 4, four servers are a queue that never drains, and five still miss the target.
		expect(checkModel(bracket, other, 'LOW: 4\nHIGH: 5', 'en')).toEqual([
			{
				passed: false,
				text: expect.stringMatching(/^at c = 4: the model parameters are not valid: .*unstable/)
			},
			{ passed: false, text: 'at c = 5: W = 1.5541, expected <= 1.05' }
		]);
		expect(checkModel(bracket, other, 'LOW: 5\nHIGH: 6', 'zh')).toEqual([
			{ passed: true, text: '当 c = 5 时：W = 1.5541，满足目标 > 1.05' },
			{ passed: false, text: '当 c = 6 时：W = 1.1424，应 <= 1.05' }
		]);
	});

	it('refuses an expression from the student: only the reference may compute its values', () => {
		expect(checkModel(bracket, params, "LOW: '=LAMBDA + 2'\nHIGH: 5", 'en')[0].text).toBe(
			'the model parameters are not valid: LOW must be a number'
		);
	});

	it('blames the lab when its reference misses a condition or the requirement', () => {
		const narrow = { ...bracket, require: ['HIGH - LOW < 1'] };
		expect(checkModel(narrow, params, 'LOW: 4\nHIGH: 5', 'en')[0].text).toBe(
			"the lab's reference solution fails for these parameters (HIGH - LOW = 1, expected less than 1): tell your instructor"
		);
		const off = { ...bracket, solution: 'LOW: 3\nHIGH: 4' };
		expect(checkModel(off, params, 'LOW: 4\nHIGH: 5', 'en')[0].text).toMatch(
			/reference solution fails for these parameters \(at c = 4: W = 1\.087, expected <= 1\.05\)/
		);
	});
});
