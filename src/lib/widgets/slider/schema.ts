/**
 * `::slider{var=N min=1 max=200 step=1 default=40 label="Physical servers" unit="server|servers"}`
 * binds a notebook variable to a range input. The variable is set before any cell runs. `unit` is
 * one form, or the singular and the plural separated by `|` (display.ts picks one for the value).
 */
import { z } from 'zod';
import { identifier } from '../props.ts';
import { unitProblem } from './display.ts';

/** A unit as the slider shows it after its value: `W`, or `pCPU|pCPUs`. */
const unit = z.string().superRefine((text, ctx) => {
	const problem = unitProblem(text);
	if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const sliderSchema = z
	.object({
		var: identifier,
		min: z.coerce.number(),
		max: z.coerce.number(),
		step: z.coerce.number().positive().optional(),
		default: z.coerce.number(),
		label: z.string().min(1),
		unit: unit.optional(),
		/** `percent` shows 0.15 as "15 %"; the variable keeps the fraction. */
		display: z.enum(['number', 'percent']).default('number')
	})
	.strict()
	.superRefine((props, ctx) => {
		if (!(props.min < props.max)) {
			ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
		}
		if (props.default < props.min || props.default > props.max) {
			ctx.addIssue({
				code: 'custom',
				path: ['default'],
				message: `default must lie between min (${props.min}) and max (${props.max})`
			});
		}
	});

export type SliderProps = z.output<typeof sliderSchema>;
