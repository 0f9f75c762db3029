/**
 * `::predict{expr="hostsAfter" given="N=40; u=0.15" label="How many hosts?" tolerance=0.05}`: the
 * student types a number before trying the sliders; the widget compares it with the value of `expr`
 * (computed with the `given` variables fixed, so the answer does not move with the sliders).
 */
import { z } from 'zod';
import { assignments, expression } from '../props.ts';

export const predictSchema = z
	.object({
		expr: expression,
		label: z.string().min(1),
		given: assignments.optional(),
		/** Relative tolerance: 0.05 accepts answers within 5 % of the model's value. */
		tolerance: z.coerce.number().min(0).max(1).default(0.05),
		unit: z.string().optional()
	})
	.strict();

export type PredictProps = z.output<typeof predictSchema>;
