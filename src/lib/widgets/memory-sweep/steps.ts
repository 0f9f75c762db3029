/**
 * A widget's sweep as a series of small runs, one guest under one variant each, so that the
 * worker can report progress between them and the main-thread fallback can yield to the page
 * (a whole point is four runs, over a second at the largest working sets). The crossovers are
 * found over the points collected, with the engine's own rule (vmm/sweep.ts `findCrossovers`).
 *
 * This file loads the engine: only the worker and the fallback import it.
 */
import {
	findCrossovers,
	runSweep,
	type Crossover,
	type SweepPoint,
	type SweepVariant
} from '../../emulator/vmm/sweep.ts';
import type { WorkloadName } from '../../emulator/guests/build.ts';

export interface MemorySweepRequest {
	workload: WorkloadName;
	parameter: string;
	values: number[];
	variants: SweepVariant[];
	params: Record<string, number>;
	tlbEntries?: number;
}

/** What a sweep reports: each run as it ends, then the crossovers, or the first error. */
export type MemorySweepEvent =
	| { kind: 'point'; point: SweepPoint }
	| { kind: 'done'; crossovers: Crossover[] }
	| { kind: 'error'; error: string };

/** Runs the sweep one guest at a time, yielding after each run; stops at the first error. */
export function* sweepSteps(request: MemorySweepRequest): Generator<MemorySweepEvent> {
	const points: SweepPoint[] = [];
	for (const value of request.values)
		for (const variant of request.variants) {
			const outcome = runSweep({
				workload: request.workload,
				parameter: request.parameter,
				values: [value],
				variants: [variant],
				params: request.params,
				tlbEntries: request.tlbEntries
			});
			if (!outcome.ok) {
				yield { kind: 'error', error: outcome.error };
				return;
			}
			// The console output is the guest's text, the same at every point: not sent.
			const point = { ...outcome.sweep.points[0], output: '' };
			points.push(point);
			yield { kind: 'point', point };
		}
	const crossovers = request.variants.includes('trap')
		? request.variants
				.filter((v): v is Exclude<SweepVariant, 'trap'> => v !== 'trap')
				.flatMap((v) => findCrossovers(points, request.values, v))
		: [];
	yield { kind: 'done', crossovers };
}
