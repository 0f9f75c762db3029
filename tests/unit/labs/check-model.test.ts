import { describe, expect, it } from 'vitest';
import {
	checkModel,
	metricAt,
	resolveBase,
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
		const strict = { ...task, target: '0.5' };
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
