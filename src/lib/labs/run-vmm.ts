/**
 * Runs a `vmm` task's guest for the grader: the course's kernel with one file replaced by the
 * student's (or with the student's workload), assembled, then run under the hypervisor
 * (src/lib/emulator/vmm, `runVm`) for every workload and mode the task names. The same function
 * runs the student's code and the reference solution, so both are measured alike.
 *
 * Runs are deterministic, so a run is a function of its inputs: results are kept in a small cache
 * keyed by everything that goes into them, and a lab that asks about the reference twice (the
 * `vmm` task's checks, then an answer with `run=`) runs it once.
 */
import { buildGuest, buildGuestWithWorkload } from '../emulator/guests/build.ts';
import type { WorkloadName } from '../emulator/guests/build.ts';
import { runVm } from '../emulator/vmm/vm.ts';
import { evaluateNumber } from './expressions.ts';
import { equLines } from './params.ts';
import type { LabParams, VmmMode, VmmTask } from './types.ts';

/** A source line the assembler refused: in the student's text (`line` is theirs) or the lab's. */
export interface VmmBuildError {
	/** `student`: the student's code; `lab`: the parameters, the harness or a kernel file. */
	part: 'student' | 'lab';
	/** The file, for errors outside the student's code (`kernel/proc.s`). */
	file?: string;
	line: number;
	column: number;
	message: string;
}

/** What one run measured: what a check may compare. */
export interface VmmMeasures {
	workload: string;
	mode: VmmMode;
	/** `exit` (the guest shut down), `budget` (still running at the budget) or `error`. */
	end: 'exit' | 'budget' | 'error';
	/** The guest's exit code, or the monitor's message for `error`. */
	exitCode?: number;
	message?: string;
	output: string;
	/** Exits by reason, and `total`. */
	exits: Record<string, number>;
	modelCycles: number;
	guestInstructions: number;
}

export type VmmRuns =
	{ built: false; errors: VmmBuildError[] } | { built: true; runs: VmmMeasures[] };

/** The workload file of a `replaces: workload` task (the playground's name for it). */
const CUSTOM_WORKLOAD = 'workloads/custom.s';

/** The run's settings for these parameters: expressions evaluated, each one a whole number. */
export function resolveRun(task: VmmTask, params: LabParams) {
	const whole = (expression: string) => Math.round(evaluateNumber(expression, params));
	const spec = task.run;
	return {
		scale: whole(spec.scale),
		params: Object.fromEntries(Object.entries(spec.params).map(([k, v]) => [k, whole(v)])),
		tlbEntries: spec.tlbEntries === undefined ? undefined : whole(spec.tlbEntries),
		walkCacheEntries: spec.walkCacheEntries === undefined ? undefined : whole(spec.walkCacheEntries)
	};
}

function build(task: VmmTask, source: string, workload: string, pv: boolean, params: LabParams) {
	const resolved = resolveRun(task, params);
	const options = { pv, scale: resolved.scale, params: resolved.params };
	if (task.replaces === 'workload') return buildGuestWithWorkload(source, options);
	return buildGuest(workload as WorkloadName, {
		...options,
		sources: { [task.replaces]: source }
	});
}

/** Errors of a build, those in the student's code first, numbered in the student's text. */
function buildErrors(
	diagnostics: readonly {
		line: number;
		column: number;
		message: string;
		severity: string;
		file?: string;
	}[],
	studentFile: string,
	prefixLines: number
): VmmBuildError[] {
	const errors = diagnostics
		.filter((d) => d.severity === 'error')
		.map((d): VmmBuildError => {
			const inStudent = d.file === studentFile && d.line > prefixLines;
			return inStudent
				? { part: 'student', line: d.line - prefixLines, column: d.column, message: d.message }
				: { part: 'lab', file: d.file, line: d.line, column: d.column, message: d.message };
		});
	const unique = errors.filter(
		(e, i) =>
			errors.findIndex((o) => o.file === e.file && o.line === e.line && o.message === e.message) ===
			i
	);
	return [...unique.filter((e) => e.part === 'student'), ...unique.filter((e) => e.part === 'lab')];
}

function measure(
	task: VmmTask,
	image: NonNullable<ReturnType<typeof buildGuest>['image']>,
	workload: string,
	mode: VmmMode,
	params: LabParams
): VmmMeasures {
	const spec = task.run;
	const resolved = resolveRun(task, params);
	const result = runVm({
		mode,
		kernel: { image },
		ramSize: spec.memoryMiB << 20,
		maxInsns: spec.budget,
		tlbEntries: resolved.tlbEntries,
		shadowSync: spec.shadowSync,
		walkCacheEntries: resolved.walkCacheEntries,
		gStageMegapages: spec.gStageMegapages
	});
	const base = {
		workload,
		mode,
		output: '',
		exits: { total: 0 },
		modelCycles: 0,
		guestInstructions: 0
	};
	if (!result.ok) return { ...base, end: 'error', message: result.error };
	const run = result.run;
	const exits: Record<string, number> = { total: run.exits.count };
	for (const [reason, tally] of run.exits.byReason) exits[reason] = tally.count;
	const outcome = run.outcome;
	return {
		...base,
		end: outcome.kind === 'budget' ? 'budget' : outcome.kind === 'error' ? 'error' : 'exit',
		exitCode: outcome.kind === 'exit' ? outcome.exitCode : undefined,
		message: outcome.kind === 'error' ? outcome.message : undefined,
		output: new TextDecoder().decode(run.output),
		exits,
		modelCycles: run.modelCycles,
		guestInstructions: run.guestInstructions
	};
}

/** The workloads a task runs: its own for `replaces: workload`, else the course's it names. */
function workloadsOf(task: VmmTask): string[] {
	return task.replaces === 'workload' ? ['custom'] : task.run.workloads;
}

/** Runs kept (model choice: a lab has a few vmm tasks; a page checks one student at a time). */
const CACHE_ENTRIES = 16;
const cache = new Map<string, VmmRuns>();

/**
 * Builds `equLines(params) + harness + code` into the guest and runs it for every workload and
 * mode of the task. Never throws for the student's code; an expression the lab got wrong throws.
 * Runs are deterministic, so the result is remembered by everything that goes into it: the
 * reference runs once however many tasks ask about it, and a resubmitted file is not run again.
 */
export function runVmmTask(task: VmmTask, params: LabParams, code: string): VmmRuns {
	const key = JSON.stringify([task.replaces, task.harness, task.run, params, code]);
	const cached = cache.get(key);
	if (cached) return cached;
	const runs = runUncached(task, params, code);
	if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
	cache.set(key, runs);
	return runs;
}

/** The reference solution's runs for these parameters. */
export function referenceVmmRuns(task: VmmTask, params: LabParams): VmmRuns {
	return runVmmTask(task, params, task.solution);
}

function runUncached(task: VmmTask, params: LabParams, code: string): VmmRuns {
	const prefix = equLines(params) + task.harness;
	const separator = prefix === '' || prefix.endsWith('\n') ? '' : '\n';
	const prefixLines = prefix === '' ? 0 : (prefix + separator).split('\n').length - 1;
	const source = prefix + separator + code;
	const studentFile = task.replaces === 'workload' ? CUSTOM_WORKLOAD : task.replaces;
	const runs: VmmMeasures[] = [];
	for (const workload of workloadsOf(task)) {
		// One build per kernel flavour: the paravirtual kernel is a different image.
		const images = new Map<boolean, NonNullable<ReturnType<typeof buildGuest>['image']>>();
		for (const mode of task.run.modes) {
			const pv = mode === 'pv';
			let image = images.get(pv);
			if (!image) {
				const built = build(task, source, workload, pv, params);
				if (!built.image)
					return { built: false, errors: buildErrors(built.diagnostics, studentFile, prefixLines) };
				image = built.image;
				images.set(pv, image);
			}
			runs.push(measure(task, image, workload, mode, params));
		}
	}
	return { built: true, runs };
}
