/** A small sweep of the working set the tests share: 2 points, 3 variants, 100 rounds. */
import type { MemorySweepRequest } from '../../../../src/lib/widgets/memory-sweep/steps.ts';

export const tinySweep: MemorySweepRequest = {
	workload: 'wset',
	parameter: 'WSET',
	values: [16, 128],
	variants: ['trap', 'hw', 'hw+megapages'],
	params: { ROUNDS: 100 }
};
