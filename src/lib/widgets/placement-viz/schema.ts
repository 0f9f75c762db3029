/**
 * `::placement-viz{algorithm=first-fit-decreasing target=0.8}` packs a fixed set of 23 VMs (see
 * scenario.ts) onto identical hosts with a bin-packing heuristic (src/lib/sim/placement), filling
 * each host's CPU only up to `target`, and estimates by Monte Carlo how often a host is overloaded
 * when demand varies. Props are starting values of the widget's controls.
 */
import { z } from 'zod';
import { ALGORITHMS } from '../../sim/placement/config.ts';

export const placementVizSchema = z
	.object({
		algorithm: z
			.enum(ALGORITHMS, { message: `algorithm must be one of ${ALGORITHMS.join(', ')}` })
			.default('first-fit-decreasing'),
		/** Fraction of each host's CPU the packing may fill. */
		target: z.coerce.number().min(0.5).max(1).default(0.8),
		/** Multiplies every VM's coefficient of variation of CPU demand (0 = constant demand). */
		variability: z.coerce.number().min(0).max(2).default(1)
	})
	.strict();

export type PlacementVizProps = z.output<typeof placementVizSchema>;
