/**
 * `::memory-dashboard{host=16 tau=0.75}` runs the memory overcommit model (src/lib/sim/memory) on
 * three 8 GiB VMs (see scenario.ts) and plots, over five minutes, what the host reclaims by page
 * sharing, ballooning and swapping, and the slowdown each VM suffers. Props are starting values
 * of the widget's controls.
 */
import { z } from 'zod';
import { flag } from '../props.ts';

export const memoryDashboardSchema = z
	.object({
		/** Host memory in GiB (the VMs hold 24 GiB in all). */
		host: z.coerce.number().int().min(8).max(32).default(16),
		/** Idle memory tax rate (Waldspurger's default 0.75). */
		tau: z.coerce.number().min(0).max(0.95).default(0.75),
		balloon: flag.default(true),
		sharing: flag.default(true),
		/** KSM pages scanned every 20 ms (Linux default 100). */
		scan: z.coerce.number().int().min(1).max(10_000).default(100)
	})
	.strict();

export type MemoryDashboardProps = z.output<typeof memoryDashboardSchema>;
