/**
 * The `vm` model of `model` tasks: one of the course's workloads run under the hypervisor in
 * a few modes (trap and hw by default), so that a student's parameter choice (a working set, an
 * update rate, a TLB size) is checked by running the guest, not by a formula. Its result holds,
 * for each mode, the model cycles, exits and page walks, and `ratio`, the first mode's model cycles
 * over the second's: a task "make shadow paging cheaper than two-stage translation" is
 * `metric: ratio`, `compare: '<='`, `target: 1`.
 *
 * `baseline` subtracts a setup: each mode also runs with the baseline's parameter values (e.g.
 * `{ ROUNDS: 1 }`), and every figure is the difference, so what is compared is the work the extra
 * rounds did, without the boot and the first touches (the lessons measure a round the same way,
 * as the difference of two runs).
 */
import { buildGuest, WORKLOADS, type WorkloadName } from '../emulator/guests/build.ts';
import { SHADOW_SYNCS, type ShadowSync } from '../emulator/vmm/shadow-paging.ts';
import { runVm, type VmRun } from '../emulator/vmm/vm.ts';
import { walkReferences } from '../emulator/vmm/walk-stats.ts';
import { fail, ok, type Result } from '../sim/result.ts';
import type { VmmMode } from './types.ts';

/** Guest RAM of a `vm` model run (MiB): the course's guest needs 16 (model choice: no more). */
export const VM_MODEL_MEMORY_MIB = 16;
/** Budget of each run unless `budget` says (model choice: far above a lab-sized workload). */
export const VM_MODEL_BUDGET = 50_000_000;

/** What one mode measured (or the difference of two runs, with a baseline). */
export interface VmModeFigures {
	modelCycles: number;
	exits: number;
	guestInstructions: number;
	tlbMisses: number;
	walkReferences: number;
	/** Page-table references per TLB miss (0 without misses). */
	referencesPerMiss: number;
	output: string;
}

const MODES: readonly VmmMode[] = ['native', 'trap', 'pv', 'hw'];
const SETTINGS = new Set([
	'workload',
	'modes',
	'scale',
	'tlbEntries',
	'shadowSync',
	'walkCacheEntries',
	'gStageMegapages',
	'baseline',
	'budget'
]);

type Figures = Omit<VmModeFigures, 'referencesPerMiss'>;

function figures(run: VmRun): Figures {
	return {
		modelCycles: run.modelCycles,
		exits: run.exits.count,
		guestInstructions: run.guestInstructions,
		tlbMisses: run.walk.misses,
		walkReferences: walkReferences(run.walk),
		output: new TextDecoder().decode(run.output)
	};
}

function difference(a: Figures, b: Figures): Figures {
	return {
		modelCycles: a.modelCycles - b.modelCycles,
		exits: a.exits - b.exits,
		guestInstructions: a.guestInstructions - b.guestInstructions,
		tlbMisses: a.tlbMisses - b.tlbMisses,
		walkReferences: a.walkReferences - b.walkReferences,
		output: a.output
	};
}

/** Results kept (model choice: a check runs the reference and the student's, an answer the reference). */
const CACHE_ENTRIES = 16;
const cache = new Map<string, Result<Record<string, unknown>>>();

/**
 * Runs the model. Upper-case keys are the workload's parameters (WSET, ROUNDS, RATE, …). Runs are
 * deterministic, so a result is remembered by its input: checking a task runs the reference once.
 */
export function runVmModel(input: Record<string, unknown>): Result<Record<string, unknown>> {
	const key = JSON.stringify(input);
	const cached = cache.get(key);
	if (cached) return cached;
	const result = runUncached(input);
	if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
	cache.set(key, result);
	return result;
}

function runUncached(input: Record<string, unknown>): Result<Record<string, unknown>> {
	const workload = WORKLOADS.find((w) => w.name === input.workload);
	if (!workload)
		return fail('workload', `workload must be one of ${WORKLOADS.map((w) => w.name).join(', ')}`);
	const modes = (input.modes ?? ['trap', 'hw']) as VmmMode[];
	if (!Array.isArray(modes) || modes.length === 0 || modes.some((m) => !MODES.includes(m)))
		return fail('modes', `modes must be a list of ${MODES.join(', ')}`);
	const params: Record<string, number> = {};
	for (const [key, value] of Object.entries(input)) {
		if (SETTINGS.has(key)) continue;
		if (typeof value !== 'number') return fail(key, `${key} must be a number`);
		params[key] = value;
	}
	const shadowSync = input.shadowSync as ShadowSync | undefined;
	if (shadowSync !== undefined && !SHADOW_SYNCS.includes(shadowSync))
		return fail('shadowSync', `shadowSync must be one of ${SHADOW_SYNCS.join(', ')}`);
	const baseline = (input.baseline ?? undefined) as Record<string, number> | undefined;

	const run = (mode: VmmMode, values: Record<string, number>): Result<Figures> => {
		const built = buildGuest(workload.name as WorkloadName, {
			pv: mode === 'pv',
			scale: input.scale as number | undefined,
			params: values
		});
		if (!built.image) {
			const first = built.diagnostics.find((d) => d.severity === 'error');
			return fail('params', first?.message ?? 'the guest does not assemble');
		}
		const result = runVm({
			mode,
			kernel: { image: built.image },
			ramSize: VM_MODEL_MEMORY_MIB << 20,
			maxInsns: (input.budget as number | undefined) ?? VM_MODEL_BUDGET,
			tlbEntries: input.tlbEntries as number | undefined,
			shadowSync,
			walkCacheEntries: input.walkCacheEntries as number | undefined,
			gStageMegapages: input.gStageMegapages as boolean | undefined
		});
		if (!result.ok) return fail('vm', result.error);
		const outcome = result.run.outcome;
		if (outcome.kind !== 'exit' || outcome.exitCode !== 0)
			return fail(
				'vm',
				`${workload.name} in ${mode} mode did not finish (${outcome.kind === 'error' ? outcome.message : outcome.kind})`
			);
		return ok(figures(result.run));
	};

	const value: Record<string, unknown> = {};
	const cycles: number[] = [];
	for (const mode of modes) {
		const full = run(mode, params);
		if (!full.ok) return full;
		let measured = full.value;
		if (baseline) {
			const setup = run(mode, { ...params, ...baseline });
			if (!setup.ok) return setup;
			measured = difference(full.value, setup.value);
		}
		const perMiss = measured.tlbMisses > 0 ? measured.walkReferences / measured.tlbMisses : 0;
		value[mode] = { ...measured, referencesPerMiss: perMiss } satisfies VmModeFigures;
		cycles.push(measured.modelCycles);
	}
	if (cycles.length >= 2 && cycles[1] !== 0) value.ratio = cycles[0] / cycles[1];
	return ok(value);
}
