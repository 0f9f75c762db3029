import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	createSchedRunner,
	type SchedAnswer
} from '../../../../src/lib/widgets/sched-lab/runner.ts';
import { schedConfig } from '../../../../src/lib/widgets/sched-lab/scenario.ts';

const config = schedConfig({
	policy: 'rr',
	pcpus: 5,
	sliceMs: 30,
	weights: [256, 256, 256],
	caps: [0, 0, 0],
	seed: 1
});

describe('scheduler lab runner without a worker', () => {
	it('runs on the main thread and answers only the latest request', async () => {
		const runner = createSchedRunner();
		const answers: string[] = [];
		await new Promise<void>((resolve) => {
			runner.run({ ...config, pcpus: 4 }, () => answers.push('old'));
			runner.run(config, (answer: SchedAnswer) => {
				answers.push(answer.ok ? `pcpus ${answer.value.pcpus}` : answer.error.message);
				resolve();
			});
		});
		expect(answers).toEqual(['pcpus 5']);
	});

	it('falls back to the main thread when the worker cannot be created', async () => {
		const runner = createSchedRunner(() => {
			throw new Error('no workers here');
		});
		const answer = await new Promise<SchedAnswer>((resolve) => runner.run({ pcpus: 0 }, resolve));
		expect(answer.ok).toBe(false);
		if (!answer.ok) expect(answer.error.param).toBe('pcpus');
	});
});

describe('scheduler lab runner when the model cannot be loaded', () => {
	afterEach(() => {
		vi.doUnmock('../../../../src/lib/sim/sched/simulate.ts');
	});

	it('answers with an error instead of leaving the lab running', async () => {
		vi.doMock('../../../../src/lib/sim/sched/simulate.ts', () => {
			throw new Error('offline');
		});
		const runner = createSchedRunner();
		const answer = await new Promise<SchedAnswer>((resolve) => runner.run(config, resolve));
		expect(answer.ok).toBe(false);
		if (!answer.ok) expect(answer.error.message).toMatch(/^The model did not load: /);
	});
});
