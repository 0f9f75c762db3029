/**
 * Lab 2's queue task (content/labs/batch-hypercall.md), read from the lab file so that the tests
 * of the vmm task kind run the course's real task: the paravirtual kernel's PTE update queue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLab } from '../../../src/lib/content/lab.ts';
import type { Lab, VmmTask } from '../../../src/lib/labs/types.ts';

export function batchLab(lang: 'en' | 'zh' = 'en'): Lab {
	const name = lang === 'zh' ? 'batch-hypercall.zh.md' : 'batch-hypercall.md';
	const path = `content/labs/${name}`;
	const text = readFileSync(join(__dirname, '../../..', path), 'utf8');
	const { lab, errors } = parseLab({ path, text });
	if (!lab) throw new Error(errors.map((e) => e.message).join('\n'));
	return lab;
}

export function queueTask(lab: Lab = batchLab()): VmmTask {
	return lab.tasks.find((t) => t.id === 'queue') as VmmTask;
}

/** The queue task on one workload only, for quicker tests of the engine. */
export function spawnOnly(task: VmmTask = queueTask()): VmmTask {
	return { ...task, run: { ...task.run, workloads: ['spawn'] } };
}

/** A queue whose pv_commit loses the newest update of every batch. */
export function losingLastUpdate(solution: string): string {
	return solution.replace('\tlw a1, 0(t0)\n', '\tlw a1, 0(t0)\n\taddi a1, a1, -1\n');
}
