/**
 * `::response-explorer{models="mm1; mmc; md1; mg1" c=2 scv=2}` draws the mean response time
 * against utilization for several queueing models at once, in units of the mean service time.
 * `c` is the number of servers of the M/M/c curve and `scv` the squared coefficient of variation
 * of the M/G/1 service time (0 = constant, 1 = exponential); both have sliders in the widget.
 */
import { z } from 'zod';
import { QUEUE_MODELS } from '../../sim/queueing/catalogue.ts';
import { flag, splitList } from '../props.ts';

export const modelList = z
	.string()
	.transform(splitList)
	.pipe(z.array(z.enum(QUEUE_MODELS, { message: 'models are mm1, mmc, md1 and mg1' })).min(1));

export const responseExplorerSchema = z
	.object({
		models: modelList.default([...QUEUE_MODELS]),
		c: z.coerce.number().int().min(1).max(64).default(2),
		scv: z.coerce.number().min(0).max(10).default(2),
		/** Start on a logarithmic response-time axis. */
		logy: flag.default(false),
		/** Top of the linear axis, in mean service times (curves leave the chart above it). */
		ymax: z.coerce.number().min(2).max(1000).default(20)
	})
	.strict();

export type ResponseExplorerProps = z.output<typeof responseExplorerSchema>;
