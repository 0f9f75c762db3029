/**
 * `::sched-lab{policy=credit pcpus=2 slice=30}` runs the vCPU scheduling model
 * (src/lib/sim/sched) on a fixed mix of three VMs (see scenario.ts) and shows a Gantt chart of
 * vCPUs on pCPUs with the fairness, steal-time, latency and spin metrics. Every prop is a starting
 * value of a control in the widget.
 */
import { z } from 'zod';
import { seed } from '../props.ts';
import { POLICIES } from '../../sim/sched/policyNames.ts';

export const schedLabSchema = z
	.object({
		policy: z
			.enum(POLICIES, { message: `policy must be one of ${POLICIES.join(', ')}` })
			.default('credit'),
		/** Physical CPUs: the five vCPUs of the scenario share them. */
		pcpus: z.coerce.number().int().min(1).max(5).default(2),
		/** Time slice in ms (round robin, credit, co-scheduling); Xen credit's default is 30 ms. */
		slice: z.coerce.number().min(1).max(100).default(30),
		/** Weight of the batch VM (the others keep Xen's default, 256). */
		weight: z.coerce.number().int().min(1).max(4096).default(256),
		/** Cap of the batch VM in percent of one CPU (0 = none). */
		cap: z.coerce.number().min(0).max(200).default(0),
		seed
	})
	.strict();

export type SchedLabProps = z.output<typeof schedLabSchema>;
