/**
 * Lab 4, capacity planning (content/labs/capacity-planning.md and .zh.md): the reference solution
 * passes every graded task for several students, the typical mistakes fail with the message a
 * student reads, and the expected values are the models' own (the M/M/c model for the server
 * count, the scheduling model for the host), never numbers typed into the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { parseLab } from '../../../src/lib/content/lab.ts';
import { checkTask } from '../../../src/lib/labs/check.ts';
import { gradeSubmission } from '../../../src/lib/labs/grade.ts';
import { labParams } from '../../../src/lib/labs/params.ts';
import { referenceSubmission } from '../../../src/lib/labs/solve.ts';
import type { Lab, LabParams, ModelTask } from '../../../src/lib/labs/types.ts';
import { formatNumber } from '../../../src/lib/notebook/format.ts';
import { mmc } from '../../../src/lib/sim/queueing/mmc.ts';

function load(name: string): Lab {
	const path = `content/labs/${name}`;
	const text = readFileSync(join(__dirname, '../../../content/labs', name), 'utf8');
	const { lab, errors } = parseLab({ path, text });
	expect(errors.map(formatContentError)).toEqual([]);
	return lab!;
}

const lab = load('capacity-planning.md');
const zh = load('capacity-planning.zh.md');
const students = ['s1', 'alice', 'bob', 'student-42'];

/** The student's M/M/c system, in milliseconds: lambda per ms, mu = 1 / mean service time. */
function queue(params: LabParams, c: number) {
	return mmc({ lambda: Number(params.RATE) / 1000, mu: 1 / Number(params.SERVICE), c });
}
const targetW = (params: LabParams) => Number(params.SERVICE) * (1 + Number(params.SLACK) / 100);
const offeredLoad = (params: LabParams) => (Number(params.RATE) * Number(params.SERVICE)) / 1000;

/** The fewest servers whose mean response time meets the target, found by running the model. */
function fewestServers(params: LabParams): number {
	for (let c = Math.floor(offeredLoad(params)) + 1; ; c++) {
		const result = queue(params, c);
		if (result.ok && result.value.W <= targetW(params)) return c;
	}
}

function failure(params: LabParams, taskId: string, answer: string, on = lab): string {
	const result = checkTask(on, params, taskId, answer);
	expect(result.passed).toBe(false);
	return result.messages.map((m) => m.text).join(' | ');
}

describe('capacity-planning', () => {
	it('gives the reference solution every automatic point, in both languages', () => {
		for (const id of students) {
			for (const which of [lab, zh]) {
				const grade = gradeSubmission(which, referenceSubmission(which, id));
				const failed = grade.tasks.filter((t) => !t.manual && !t.passed);
				expect(failed.flatMap((t) => t.messages)).toEqual([]);
				const automatic = which.tasks.filter((t) => t.kind !== 'written');
				expect(grade.total).toBe(automatic.reduce((sum, t) => sum + t.points, 0));
			}
		}
	});

	it('draws different parameters for two students, the same each time for one', () => {
		expect(labParams(lab, 'alice')).not.toEqual(labParams(lab, 'bob'));
		expect(labParams(lab, 'alice')).toEqual(labParams(lab, ' Alice '));
		expect(labParams(zh, 'alice')).toEqual(labParams(lab, 'alice'));
	});

	it("checks the offered load and the stable count against the student's own numbers", () => {
		const params = labParams(lab, 'alice');
		const a = offeredLoad(params);
		expect(checkTask(lab, params, 'offered-load', `${a} erlangs`).passed).toBe(true);
		// Per second instead of per millisecond: a thousand times too large.
		expect(failure(params, 'offered-load', String(a * 1000))).toBe(
			`${formatNumber(a * 1000)} erlangs is not right (not within 1 % of the answer)`
		);
		const stable = Math.floor(a) + 1;
		expect(checkTask(lab, params, 'stable', String(stable)).passed).toBe(true);
		expect(failure(params, 'stable', String(stable - 1))).toBe(
			`${stable - 1} servers is not right: the queue is stable only while each server's utilisation a / c is below 1, strictly`
		);
		// Bob's numbers are not Alice's.
		const bob = labParams(lab, 'bob');
		expect(checkTask(lab, bob, 'offered-load', String(offeredLoad(bob))).passed).toBe(true);
		expect(checkTask(lab, params, 'offered-load', String(offeredLoad(bob))).passed).toBe(false);
	});

	it('passes the fewest server count the M/M/c model allows and fails one fewer with W and the target', () => {
		for (const id of students) {
			const params = labParams(lab, id);
			const fewest = fewestServers(params);
			expect(checkTask(lab, params, 'servers', `c: ${fewest}`).passed).toBe(true);
			const short = queue(params, fewest - 1);
			if (!short.ok) throw new Error(short.error.message);
			expect(failure(params, 'servers', `c: ${fewest - 1}`)).toBe(
				`W = ${formatNumber(short.value.W)}, expected <= ${formatNumber(targetW(params))}: ` +
					'W is the mean response time in ms; add servers until it is within the target'
			);
		}
	});

	it('explains an unstable count and refuses a parameter the lab fixes', () => {
		const params = labParams(lab, 's1');
		const tooFew = Math.floor(offeredLoad(params));
		expect(failure(params, 'servers', `c: ${tooFew}`)).toMatch(
			/^the model parameters are not valid: rho = lambda\/\(c mu\) = [\d.]+ ≥ 1: the queue is unstable/
		);
		expect(failure(params, 'servers', 'c: 100\nlambda: 0.001')).toMatch(
			/^'lambda' is fixed by the lab; you may set c:/
		);
	});

	it('wants exactly the fewest count the model allows (the Erlang C reference agrees with mmc)', () => {
		for (const id of [...students, 'carol', 'dave', 'erin', 'frank']) {
			const params = labParams(lab, id);
			const fewest = fewestServers(params);
			expect(checkTask(lab, params, 'fewest', `${fewest} servers`).passed).toBe(true);
			for (const wrong of [fewest - 1, fewest + 1]) {
				expect(failure(params, 'fewest', String(wrong))).toBe(
					`${wrong} servers is not right: with one server fewer than your answer, the model's W must exceed the target, and with your answer it must not`
				);
			}
		}
	});

	it("fails the starter's equal weights on the host with the web VM's p99 and the target", () => {
		const task = lab.tasks.find((t) => t.id === 'weights') as ModelTask;
		for (const id of ['s1', 'bob']) {
			const params = labParams(lab, id);
			expect(failure(params, 'weights', task.starter)).toMatch(
				new RegExp(
					`^vms\\.0\\.requests\\.p99Ms = [\\d.,]+, expected <= ${params.P99}: web's vCPU waits behind batch's eight`
				)
			);
		}
	});

	it("fails a cap that starves batch, with batch's CPUs and the target", () => {
		// A cap of one CPU on batch gives web room, but takes from batch what it pays for.
		const capped = 'WEB_WEIGHT: 256\nWEB_CAP: 0\nBATCH_WEIGHT: 256\nBATCH_CAP: 100';
		for (const id of ['s1', 'bob']) {
			const params = labParams(lab, id);
			expect(failure(params, 'weights', capped)).toMatch(
				new RegExp(
					`vms\\.1\\.cpus = [\\d.]+, expected >= ${Number(params.PCPUS) - 0.5}: batch keeps what web does not use only without a cap`
				)
			);
		}
	});

	it('lets the student set only the weights and caps, not the workloads', () => {
		const params = labParams(lab, 's1');
		// Lowering web's request rate would pass the target without touching a weight.
		const lighter =
			'vms:\n  - { name: web, vcpus: 1, workload: { type: request, ratePerSecond: 1, serviceMs: 1.5 } }';
		expect(failure(params, 'weights', lighter)).toMatch(/^'vms' is fixed by the lab/);
		expect(failure(params, 'weights', 'WEB_WEIGHT: lots')).toMatch(/WEB_WEIGHT must be a number/);
		expect(failure(params, 'weights', 'WEB_WEIGHT: 4096')).toMatch(/WEB_CAP/);
	});

	it('grades the Chinese lab in Chinese with the same numbers', () => {
		const params = labParams(zh, 'alice');
		const fewest = fewestServers(params);
		const short = queue(params, fewest - 1);
		if (!short.ok) throw new Error(short.error.message);
		expect(failure(params, 'servers', `c: ${fewest - 1}`, zh)).toBe(
			`W = ${formatNumber(short.value.W)}，应 <= ${formatNumber(targetW(params))}：` +
				'W 是以毫秒计的平均响应时间；增加服务器，直到它不超过目标'
		);
	});
});
