/**
 * The placement model's JSON configuration (examples/models/placement.json):
 *
 * {
 *   "host": { "cpu": 32, "memory": 256, "maxHosts": 20 },   // capacity of each identical host
 *   "vms": [ { "name": "web", "cpu": 4, "memory": 16, "count": 6, "cv": 0.3 }, … ],
 *   "algorithms": ["first-fit", "first-fit-decreasing", "best-fit", "worst-fit"],
 *   "overload": { "trials": 2000, "seed": 1, "threshold": 1 }
 * }
 *
 * cpu and memory are in any consistent units (cores and GiB, say). `cv` is the coefficient of
 * variation of the VM's CPU demand around its mean (0 = constant), used by the Monte Carlo
 * estimate of overload; `count` repeats a VM.
 */
import * as z from 'zod/mini';
import { MAX_PLACEMENT_VMS, MAX_SIZE } from '../limits.ts';
import { integerField, numberField, seedField } from '../config.ts';

/** A capacity or demand: bounded so that sums over many VMs stay exact. */
const size = (check: z.core.$ZodCheck<number>) => z.number().check(z.maximum(MAX_SIZE), check);

export const ALGORITHMS = ['first-fit', 'first-fit-decreasing', 'best-fit', 'worst-fit'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const placementConfigSchema = z.strictObject({
	host: z.strictObject({
		cpu: size(z.positive()),
		memory: size(z.positive()),
		/** Hosts available (default: as many as VMs). */
		maxHosts: z.optional(z.number().check(z.int(), z.positive()))
	}),
	vms: z
		.array(
			z.strictObject({
				name: z.optional(z.string().check(z.minLength(1))),
				cpu: size(z.nonnegative()),
				memory: size(z.nonnegative()),
				count: integerField(1, 1, MAX_PLACEMENT_VMS),
				cv: numberField(0, z.nonnegative(), z.maximum(10))
			})
		)
		.check(z.minLength(1), z.maxLength(MAX_PLACEMENT_VMS)),
	algorithms: z._default(z.array(z.enum(ALGORITHMS)).check(z.minLength(1)), [...ALGORITHMS]),
	overload: z._default(
		z.strictObject({
			trials: integerField(2000, 1, 1_000_000),
			seed: seedField(1),
			/** A host is overloaded when its CPU demand exceeds threshold x capacity. */
			threshold: numberField(1, z.positive())
		}),
		{ trials: 2000, seed: 1, threshold: 1 }
	)
});

export type PlacementConfigInput = z.input<typeof placementConfigSchema>;
export type PlacementConfig = z.output<typeof placementConfigSchema>;
