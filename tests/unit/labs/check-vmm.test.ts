/**
 * checkVmm (src/lib/labs/check-vmm.ts), on lab 2's queue task: the reference passes every check;
 * the unbatched starter, a queue that forgets itself, a file that does not assemble and a guest that
 * never ends each fail with their own message.
 */
import { describe, expect, it } from 'vitest';
import { GUEST_SOURCES } from '../../../src/lib/emulator/guests/sources.generated.ts';
import { checkVmm, vmmReferenceMeasures } from '../../../src/lib/labs/check-vmm.ts';
import type { VmmTask } from '../../../src/lib/labs/types.ts';
import { batchLab, queueTask, losingLastUpdate, spawnOnly } from './vmm-fixtures.ts';

const task = spawnOnly();
const params = { LAB_TLB: 32 };
const failed = (answer: string, lang: 'en' | 'zh' = 'en', t = task) =>
	checkVmm(t, params, answer, lang)
		.filter((m) => !m.passed)
		.map((m) => m.text);

describe('checkVmm', () => {
	it('passes the reference queue on every check', () => {
		const messages = checkVmm(task, params, task.solution, 'en');
		expect(messages.map((m) => m.text)).toEqual([
			'the guest builds and runs to the end (1 run)',
			'spawn, pv: console output as expected',
			expect.stringMatching(/^spawn, pv: hypercall exits \d+, within the limit of \d+$/),
			expect.stringMatching(/^spawn, pv: [\d,]+ model cycles, within the limit of [\d,]+$/)
		]);
		expect(messages.every((m) => m.passed)).toBe(true);
	});

	it('fails the unbatched starter on exits and model cycles, naming the numbers and the hint', () => {
		const { reference, starter } = vmmReferenceMeasures(task, params);
		const limit = Math.floor(1.25 * reference.exits.hypercall);
		const texts = failed(task.starter);
		expect(texts).toHaveLength(2);
		expect(texts[0]).toBe(
			`spawn, pv: hypercall exits ${starter.exits.hypercall.toLocaleString('en-US')}, expected at most ${limit}: your batch hypercall is not used; does pv_pte_write queue instead of calling pv_mmu_update?`
		);
		expect(texts[1]).toMatch(/^spawn, pv: [\d,]+ model cycles, expected at most [\d,]+$/);
		expect(starter.exits.hypercall).toBeGreaterThan(limit);
	});

	it('fails a queue that loses an update', () => {
		const texts = failed(losingLastUpdate(task.solution));
		expect(texts.length).toBeGreaterThan(0);
		expect(texts[0]).toMatch(/^spawn, pv: (console output differs|the guest shut down)/);
	});

	it('reports an assembly error at its line and column in the student text', () => {
		expect(failed('pv_commit:\n\tret\n\taddi x1, x2\n')).toEqual([
			expect.stringMatching(
				/^does not assemble: line 3:2: addi expects 3 operands.*\(and \d+ more\)$/
			)
		]);
	});

	it('fails a guest that never ends with the budget, in the lab language', () => {
		const looping = task.solution.replace('pv_commit:\n', 'pv_commit:\n1:\tj 1b\n');
		const short = { ...task, run: { ...task.run, budget: 5_000_000 } };
		expect(failed(looping, 'zh', short)[0]).toMatch(
			/^spawn, pv: 执行了 5000000 条客户机指令与退出仍未结束/
		);
	});

	it('checks every workload of the lab task: ptemod too', () => {
		const full = queueTask(batchLab());
		const texts = checkVmm(full, params, full.starter, 'en').map((m) => m.text);
		expect(texts.some((t) => t.startsWith('ptemod, pv: hypercall exits'))).toBe(true);
	});
});

describe('checkVmm, replaces: workload', () => {
	const workload = GUEST_SOURCES['workloads/syscall.s'];
	const own: VmmTask = {
		...task,
		id: 'own',
		replaces: 'workload',
		starter: '',
		solution: workload,
		run: { ...task.run, workloads: [], modes: ['native', 'trap'], tlbEntries: undefined },
		checks: { output: true, exits: { total: 'reference' }, hints: {} }
	};

	it('runs the student workload in each mode and compares it with the reference', () => {
		const messages = checkVmm(own, {}, workload, 'en');
		expect(messages.every((m) => m.passed)).toBe(true);
		expect(messages.map((m) => m.text)).toContain('custom, trap: console output as expected');
		const other = checkVmm(own, {}, GUEST_SOURCES['workloads/compute.s'], 'en');
		expect(other.filter((m) => !m.passed).map((m) => m.text)).toContainEqual(
			expect.stringMatching(
				/^custom, native: console output differs: printed "kernel: workload compute/
			)
		);
	});
});
