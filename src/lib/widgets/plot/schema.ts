/**
 * `::plot{x=u from=0.05 to=0.95 y="hostsAfter" labels="Hosts" y2="powerAfter" y2labels="Power"}`
 * draws expressions of the notebook scope against a swept variable. For every sample of `x` the
 * notebook re-runs all cells with `x` set to that sample, so a plotted expression may use any
 * variable a cell computes from `x`.
 *
 * Lists are separated by semicolons: `y="powerBefore; powerAfter"` draws two lines on the left axis.
 * `y2` draws lines on a second, right-hand axis, for quantities with other units. `curve=step`
 * draws every line as a staircase (each sample held until the next), for whole-number quantities
 * such as a count of hosts.
 */
import { z } from 'zod';
import { CURVES } from '../../chart/line.ts';
import { expressionList, flag, identifier, labelList, numberFormat } from '../props.ts';

export const plotSchema = z
	.object({
		x: identifier,
		from: z.coerce.number(),
		to: z.coerce.number(),
		points: z.coerce.number().int().min(2).max(1000).default(101),
		y: expressionList,
		labels: labelList.optional(),
		y2: expressionList.optional(),
		y2labels: labelList.optional(),
		xlabel: z.string().optional(),
		ylabel: z.string().optional(),
		y2label: z.string().optional(),
		xformat: numberFormat.optional(),
		yformat: numberFormat.optional(),
		y2format: numberFormat.optional(),
		logx: flag.default(false),
		logy: flag.default(false),
		/** How lines join their samples: `linear` (default) or `step` (chart/line.ts). */
		curve: z
			.enum(CURVES, { message: `curve must be one of ${CURVES.join(', ')}` })
			.default('linear'),
		/** A sentence for screen readers saying what the plot shows. */
		alt: z.string().optional()
	})
	.strict()
	.superRefine((props, ctx) => {
		if (!(props.from < props.to)) {
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be greater than from' });
		}
		if (props.logx && props.from <= 0) {
			ctx.addIssue({ code: 'custom', path: ['from'], message: 'logx needs from > 0' });
		}
		if (props.labels && props.labels.length !== props.y.length) {
			ctx.addIssue({
				code: 'custom',
				path: ['labels'],
				message: `has ${props.labels.length} labels for ${props.y.length} y expressions`
			});
		}
		if (props.y2labels && props.y2labels.length !== (props.y2?.length ?? 0)) {
			ctx.addIssue({
				code: 'custom',
				path: ['y2labels'],
				message: `has ${props.y2labels.length} labels for ${props.y2?.length ?? 0} y2 expressions`
			});
		}
	});

export type PlotProps = z.output<typeof plotSchema>;
