/**
 * `::queue-sim{model=mm1 rho=0.7 seed=1}` animates a discrete-event simulation of one queue
 * (src/lib/sim/des) and sets its measured mean response time, with a 95% batch-means confidence
 * interval, against the formula's curve. Models: mm1, mmc (with `c` servers), md1 (constant
 * service), mg1 (service with squared coefficient of variation `scv`). Time is measured in mean
 * service times (mu = 1).
 */
import { z } from 'zod';
import { seed } from '../props.ts';
import { QUEUE_MODELS } from '../../sim/queueing/catalogue.ts';

export const queueSimSchema = z
	.object({
		model: z.enum(QUEUE_MODELS, { message: 'model must be mm1, mmc, md1 or mg1' }).default('mm1'),
		/** Servers (mmc only; the others have one). */
		c: z.coerce.number().int().min(1).max(16).default(2),
		/** Utilization of each server at the start; the widget's slider moves it. */
		rho: z.coerce.number().min(0.05).max(0.98).default(0.7),
		/** Squared coefficient of variation of the service time (mg1 only). */
		scv: z.coerce.number().min(0).max(10).default(2),
		/** Customers per run, warm-up included (the first 10% are deleted). */
		customers: z.coerce.number().int().min(1000).max(1_000_000).default(20_000),
		seed
	})
	.strict();

export type QueueSimProps = z.output<typeof queueSimSchema>;
