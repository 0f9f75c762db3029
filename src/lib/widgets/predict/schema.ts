/**
 * `:::predict{expr="hostsAfter" given="N=40; u=0.15" label="How many hosts?" unit="hosts"}` … `:::`
 * asks for a number and hides the experiment written inside it (cells, sliders, plots, prose) until
 * the student has committed a prediction. The answer is `expr`, computed with the `given` variables
 * fixed, so it does not move with the sliders.
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
		/** Absolute tolerance, in the answer's unit: what counts near zero (default: exact). */
		atol: z.coerce.number().min(0).default(0),
		unit: z.string().optional()
	})
	.strict();

export type PredictProps = z.output<typeof predictSchema>;
