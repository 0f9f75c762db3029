/**
 * runVmmTask (src/lib/labs/run-vmm.ts): the course's kernel built with the student's file in
 * place of one of its own, run under the hypervisor; build errors numbered in the student's text.
 */
import { describe, expect, it } from 'vitest';
import { referenceVmmRuns, runVmmTask } from '../../../src/lib/labs/run-vmm.ts';
import { spawnOnly } from './vmm-fixtures.ts';

const task = spawnOnly();
const params = { LAB_TLB: 64 };

describe('runVmmTask', () => {
	it('runs the reference queue in pv mode: the guest shuts down cleanly, hypercalls counted', () => {
		const runs = referenceVmmRuns(task, params);
		expect(runs.built).toBe(true);
		if (!runs.built) return;
		expect(runs.runs).toHaveLength(1);
		const [run] = runs.runs;
		expect(run).toMatchObject({ workload: 'spawn', mode: 'pv', end: 'exit', exitCode: 0 });
		expect(run.output).toMatch(/checksum 0x[0-9a-f]{8}/);
		expect(run.exits.hypercall).toBeGreaterThan(0);
		expect(run.exits.total).toBeGreaterThanOrEqual(run.exits.hypercall);
		expect(run.modelCycles).toBeGreaterThan(run.guestInstructions);
	});

	it('runs the same inputs once: a second call returns the remembered runs', () => {
		expect(referenceVmmRuns(task, params)).toBe(referenceVmmRuns(task, params));
		expect(runVmmTask(task, params, task.solution)).toBe(referenceVmmRuns(task, params));
	});

	it('numbers an error in the student file by its own line and column, ahead of the others', () => {
		const code = 'pv_commit:\n\tret\n\taddi x1, x2\n';
		const runs = runVmmTask(task, params, code);
		expect(runs.built).toBe(false);
		if (runs.built) return;
		expect(runs.errors[0]).toMatchObject({ part: 'student', line: 3, column: 2 });
		expect(runs.errors[0].message).toMatch(/addi expects 3 operands/);
		// pv_flush, pv_pte_write and pv_pte_read are missing: the kernel's files name them.
		expect(runs.errors.some((e) => e.part === 'lab' && /pv_flush/.test(e.message))).toBe(true);
	});

	it('stops a guest that never ends at the budget', () => {
		const looping = task.solution.replace('pv_commit:\n', 'pv_commit:\n1:\tj 1b\n');
		const runs = runVmmTask({ ...task, run: { ...task.run, budget: 1_000_000 } }, params, looping);
		expect(runs.built && runs.runs[0].end).toBe('budget');
	});
});
