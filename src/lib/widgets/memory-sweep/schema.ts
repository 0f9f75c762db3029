/**
 * `::memory-sweep{workload=wset from=16 to=512}` steps one parameter of a memory workload and runs
 * the guest at every point under shadow paging (trap mode) and two-stage translation (hw mode,
 * plain, with G-stage megapages, with the walk cache), then draws model cycles against the
 * parameter with the crossovers marked (src/lib/emulator/vmm/sweep.ts, run in a Web Worker).
 *
 * Workloads, their parameters and the variants are written out rather than imported from the
 * engine, so that validating a lesson does not pull the assembler into the page; a unit test checks
 * that they agree with guests/build.ts and vmm/sweep.ts.
 */
import { z } from 'zod';
import { assignments, splitList } from '../props.ts';
import { sweepValues } from '../../emulator/vmm/sweep-values.ts';

export const MEMORY_SWEEP_VARIANTS = ['trap', 'hw', 'hw+megapages', 'hw+walk-cache'] as const;
export type MemorySweepVariant = (typeof MEMORY_SWEEP_VARIANTS)[number];

/**
 * The sweepable workloads: their parameters with the engine's ranges (guests/build.ts), the one
 * swept unless told, and its range unless told (model choice: both sides of the crossover).
 */
export const MEMORY_SWEEP_WORKLOADS = {
	wset: {
		parameters: { WSET: [1, 1024], ROUNDS: [1, 100_000] },
		sweep: 'WSET',
		from: 16,
		to: 512
	},
	ptrate: {
		parameters: { RATE: [0, 10_000], WSET: [1, 1024], PASSES: [1, 1000], BLOCKS: [1, 100_000] },
		sweep: 'RATE',
		from: 0,
		to: 16
	}
} as const satisfies Record<
	string,
	{
		parameters: Record<string, readonly [number, number]>;
		sweep: string;
		from: number;
		to: number;
	}
>;
export type MemorySweepWorkload = keyof typeof MEMORY_SWEEP_WORKLOADS;
const WORKLOAD_NAMES = Object.keys(MEMORY_SWEEP_WORKLOADS) as MemorySweepWorkload[];

/** The most points a sweep may have: every point is a real run of four guests. */
export const MAX_STEPS = 12;

const whole = (name: string) =>
	z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`);

const variantList = z
	.string()
	.transform(splitList)
	.pipe(
		z
			.array(
				z.enum(MEMORY_SWEEP_VARIANTS, {
					message: `each variant must be one of ${MEMORY_SWEEP_VARIANTS.join(', ')}`
				})
			)
			.min(1, 'needs at least one variant')
			.refine((list) => new Set(list).size === list.length, 'names a variant twice')
	);

export const memorySweepSchema = z
	.object({
		workload: z
			.enum(WORKLOAD_NAMES as [MemorySweepWorkload, ...MemorySweepWorkload[]], {
				message: `workload must be one of ${WORKLOAD_NAMES.join(', ')}`
			})
			.default('wset'),
		/** The parameter stepped (default WSET for wset, RATE for ptrate). */
		parameter: z
			.string()
			.transform((name) => name.trim().toUpperCase())
			.optional(),
		/** The range, ends included (defaults per workload, above). */
		from: whole('from').min(0, 'from must be 0 or more').optional(),
		to: whole('to').optional(),
		/**
		 * `steps` evenly spaced points; without it the values double from `from` (0, 1, 2, 4, …),
		 * as `virtlab vm --sweep P=A..B` does.
		 */
		steps: whole('steps')
			.min(2, 'steps must be at least 2')
			.max(MAX_STEPS, `steps must be at most ${MAX_STEPS}: every point is a real run`)
			.optional(),
		/** The variants drawn, separated by `;` (default all four). */
		variants: variantList.default([...MEMORY_SWEEP_VARIANTS]),
		/** The workload's other parameters, fixed for the sweep: `params="ROUNDS=50"`. */
		params: assignments.default({}),
		/** Entries of the (direct-mapped) TLB, a power of two (default the machine's, 64). */
		tlb: whole('tlb')
			.min(1)
			.max(4096)
			.refine((n) => (n & (n - 1)) === 0, 'tlb must be a power of two (16, 32, 64, …)')
			.optional(),
		/** A name for the chart, said to screen readers and shown above it. */
		label: z.string().trim().min(1).optional()
	})
	.strict()
	.transform((p, ctx) => {
		const workload = MEMORY_SWEEP_WORKLOADS[p.workload];
		const names = Object.keys(workload.parameters);
		const ranges = workload.parameters as Record<string, readonly [number, number]>;
		const parameter = p.parameter ?? workload.sweep;
		const issue = (path: string, message: string) => {
			ctx.addIssue({ code: 'custom', path: [path], message });
			return z.NEVER;
		};
		if (!names.includes(parameter))
			return issue(
				'parameter',
				`workload ${p.workload} has no parameter ${parameter} (it has ${names.join(', ')})`
			);
		const [min, max] = ranges[parameter];
		const from = p.from ?? Math.max(min, workload.from);
		const to = p.to ?? Math.min(max, workload.to);
		if (from < min || to > max)
			return issue(
				'to',
				`${parameter} goes from ${min} to ${max}; the range ${from}..${to} leaves it`
			);
		if (to <= from) return issue('to', `to (${to}) must be greater than from (${from})`);
		const points = sweepValues(from, to, p.steps).length;
		if (points > MAX_STEPS)
			return issue(
				'steps',
				`${from}..${to} doubles through ${points} points; give steps (at most ${MAX_STEPS}) or a narrower range`
			);
		for (const [name, value] of Object.entries(p.params)) {
			if (!names.includes(name))
				return issue(
					'params',
					`workload ${p.workload} has no parameter ${name} (it has ${names.join(', ')})`
				);
			if (name === parameter)
				return issue('params', `${name} is the parameter swept; leave it out of params`);
			const [low, high] = ranges[name];
			if (!Number.isInteger(value) || value < low || value > high)
				return issue('params', `${name} must be a whole number from ${low} to ${high}`);
		}
		return { ...p, parameter, from, to };
	});

export type MemorySweepProps = z.output<typeof memorySweepSchema>;
