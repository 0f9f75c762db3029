/**
 * Sweeps: one workload parameter stepped over a range, the guest run at each point under shadow
 * paging (trap mode) and two-stage translation (hw mode, plain, with G-stage megapages, with the
 * G-stage walk cache), and the model cycles of each run: the data of the memory-virtualization
 * lesson's plots and of `virtlab vm --sweep`.
 *
 * The published shape (VMware's RVI 2008 and EPT 2009 whitepapers; Bhargava et al., ASPLOS 2008)
 * is two crossovers. Against the working set (`wset`): shadow paging wins once the pages no longer
 * fit in the TLB, because its misses walk one table (2 references) where two-stage walks up to 8.
 * Against the page-table update rate (`ptrate`): two-stage wins once the guest changes its tables
 * often, because under shadow paging every guest PTE write is an exit. Megapages and the walk
 * cache shorten the two-stage walk and so move the first crossover.
 *
 * Everything here is data: no printing, no clock. Runs are deterministic, so the figures are too.
 */
import { buildGuest, WORKLOADS, type WorkloadName } from '../guests/build.ts';
import type { CostModel } from './cost.ts';
import type { ShadowSync } from './shadow-paging.ts';
import { runVm, type VmOptions } from './vm.ts';
import { walkReferences, type WalkStats } from './walk-stats.ts';

/** What runs at each point: trap mode, or hw mode plain or with one of the two walk shortcuts. */
export type SweepVariant = 'trap' | 'hw' | 'hw+megapages' | 'hw+walk-cache';
export const SWEEP_VARIANTS: readonly SweepVariant[] = [
	'trap',
	'hw',
	'hw+megapages',
	'hw+walk-cache'
];
/** Walk cache entries of the `hw+walk-cache` variant unless told (model choice: a small cache). */
export const DEFAULT_SWEEP_WALK_CACHE = 16;

export interface SweepOptions {
	workload: WorkloadName;
	/** The parameter stepped, as the workload names it (WSET, RATE, …; see WORKLOADS). */
	parameter: string;
	values: readonly number[];
	variants?: readonly SweepVariant[];
	/** The workload's other parameters, fixed for the whole sweep. */
	params?: Record<string, number>;
	scale?: number;
	cost?: CostModel;
	tlbEntries?: number;
	tlbTags?: boolean;
	/** Entries of the walk cache in the `hw+walk-cache` variant (default 16). */
	walkCacheEntries?: number;
	/** How the trap variant keeps its shadow tables in sync (default trap mode's own). */
	shadowSync?: ShadowSync;
	ramSize?: number;
	/** Budget of each run (default runVm's). */
	maxInsns?: number;
}

export interface SweepPoint {
	value: number;
	variant: SweepVariant;
	guestInstructions: number;
	exits: number;
	/** Model cycles of the exits alone. */
	exitCycles: number;
	walk: WalkStats;
	/** Page-table references of all hardware walks (walk.references summed). */
	walkReferences: number;
	modelCycles: number;
	/** The guest's console output (the same at every variant of a point). */
	output: string;
}

/** Where the cheaper of trap mode and one hw variant changes, going up the sweep. */
export interface Crossover {
	/** The hw variant compared with trap mode. */
	variant: Exclude<SweepVariant, 'trap'>;
	/** The first value at which the other one is cheaper, and the value before it. */
	value: number;
	previous: number;
	/** Which was cheaper before the crossover, and which is from it on. */
	before: 'trap' | 'hw';
	after: 'trap' | 'hw';
}

export interface SweepResult {
	workload: WorkloadName;
	parameter: string;
	values: number[];
	variants: SweepVariant[];
	points: SweepPoint[];
	/**
	 * trap against plain hw: the first value where the cheaper of the two changes; null when it never
	 * does in the range.
	 */
	crossover: Crossover | null;
	/**
	 * Every change of the cheaper, for each hw variant against trap, in that order and then by
	 * value. A range can hold more than one: on `wset`, hw's boot costs more than trap's at a few
	 * pages, demand paging favours hw from some tens of pages, TLB misses favour trap past the TLB.
	 */
	crossovers: Crossover[];
}

export type SweepOutcome = { ok: true; sweep: SweepResult } | { ok: false; error: string };

function vmOptions(variant: SweepVariant, o: SweepOptions): Omit<VmOptions, 'kernel'> {
	return {
		mode: variant === 'trap' ? 'trap' : 'hw',
		shadowSync: variant === 'trap' ? o.shadowSync : undefined,
		cost: o.cost,
		tlbEntries: o.tlbEntries,
		tlbTags: o.tlbTags,
		ramSize: o.ramSize,
		maxInsns: o.maxInsns,
		gStageMegapages: variant === 'hw+megapages',
		walkCacheEntries:
			variant === 'hw+walk-cache' ? (o.walkCacheEntries ?? DEFAULT_SWEEP_WALK_CACHE) : 0
	};
}

/** Runs the sweep; a one-line error when a point cannot be built or does not finish cleanly. */
export function runSweep(o: SweepOptions): SweepOutcome {
	const workload = WORKLOADS.find((w) => w.name === o.workload);
	if (!workload) return { ok: false, error: `unknown workload '${o.workload}'` };
	if (!workload.parameters?.some((p) => p.name === o.parameter))
		return {
			ok: false,
			error: `workload '${o.workload}' has no parameter ${o.parameter} to sweep${workload.parameters ? ` (it has ${workload.parameters.map((p) => p.name).join(', ')})` : ''}`
		};
	if (o.values.length === 0) return { ok: false, error: 'a sweep needs at least one value' };
	const variants = [...(o.variants ?? SWEEP_VARIANTS)];
	const points: SweepPoint[] = [];
	for (const value of o.values) {
		const built = buildGuest(o.workload, {
			scale: o.scale,
			params: { ...o.params, [o.parameter]: value }
		});
		if (!built.image) {
			const first = built.diagnostics.find((d) => d.severity === 'error');
			return { ok: false, error: first?.message ?? 'the guest does not assemble' };
		}
		for (const variant of variants) {
			const result = runVm({ ...vmOptions(variant, o), kernel: { image: built.image } });
			if (!result.ok) return result;
			const run = result.run;
			if (run.outcome.kind !== 'exit' || run.outcome.exitCode !== 0)
				return {
					ok: false,
					error: `${o.parameter}=${value} ${variant}: the guest did not finish cleanly (${run.outcome.kind === 'error' ? run.outcome.message : run.outcome.kind === 'budget' ? 'budget spent' : `exit ${run.outcome.exitCode}`})`
				};
			points.push({
				value,
				variant,
				guestInstructions: run.guestInstructions,
				exits: run.exits.count,
				exitCycles: run.exits.modelCycles,
				walk: run.walk,
				walkReferences: walkReferences(run.walk),
				modelCycles: run.modelCycles,
				output: new TextDecoder().decode(run.output)
			});
		}
	}
	const values = [...o.values];
	const crossovers = variants.includes('trap')
		? variants
				.filter((v): v is Exclude<SweepVariant, 'trap'> => v !== 'trap')
				.flatMap((v) => findCrossovers(points, values, v))
		: [];
	return {
		ok: true,
		sweep: {
			workload: o.workload,
			parameter: o.parameter,
			values,
			variants,
			points,
			crossover: crossovers.find((c) => c.variant === 'hw') ?? null,
			crossovers
		}
	};
}

/**
 * Every value at which the cheaper of trap mode and `variant` differs from the one at the value
 * before, in order. A tie counts as trap mode being cheaper (model choice: a tie is no crossover).
 */
export function findCrossovers(
	points: readonly SweepPoint[],
	values: readonly number[],
	variant: Exclude<SweepVariant, 'trap'>
): Crossover[] {
	const cycles = (value: number, v: SweepVariant) =>
		points.find((p) => p.value === value && p.variant === v)?.modelCycles;
	const found: Crossover[] = [];
	let previous: { value: number; cheaper: 'trap' | 'hw' } | null = null;
	for (const value of values) {
		const trap = cycles(value, 'trap');
		const hw = cycles(value, variant);
		if (trap === undefined || hw === undefined) continue;
		const cheaper = trap <= hw ? 'trap' : 'hw';
		if (previous && cheaper !== previous.cheaper)
			found.push({
				variant,
				value,
				previous: previous.value,
				before: previous.cheaper,
				after: cheaper
			});
		previous = { value, cheaper };
	}
	return found;
}

export { sweepValues } from './sweep-values.ts';
