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
import { z } from 'zod';
import { MAX_PLACEMENT_VMS, MAX_SIZE } from '../limits.ts';
import { seedField } from '../config.ts';

/** A capacity or demand: bounded so that sums over many VMs stay exact. */
const size = z.number().max(MAX_SIZE);

export const ALGORITHMS = ['first-fit', 'first-fit-decreasing', 'best-fit', 'worst-fit'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export const placementConfigSchema = z.strictObject({
	host: z.strictObject({
		cpu: size.positive(),
		memory: size.positive(),
		/** Hosts available (default: as many as VMs). */
		maxHosts: z.number().int().positive().optional()
	}),
	vms: z
		.array(
			z.strictObject({
				name: z.string().min(1).optional(),
				cpu: size.nonnegative(),
				memory: size.nonnegative(),
				count: z.number().int().positive().max(MAX_PLACEMENT_VMS).default(1),
				cv: z.number().nonnegative().max(10).default(0)
			})
		)
		.min(1)
		.max(MAX_PLACEMENT_VMS),
	algorithms: z
		.array(z.enum(ALGORITHMS))
		.min(1)
		.default([...ALGORITHMS]),
	overload: z
		.strictObject({
			trials: z.number().int().min(1).max(1_000_000).default(2000),
			seed: seedField(1),
			/** A host is overloaded when its CPU demand exceeds threshold x capacity. */
			threshold: z.number().positive().default(1)
		})
		.default({ trials: 2000, seed: 1, threshold: 1 })
});

export type PlacementConfigInput = z.input<typeof placementConfigSchema>;
export type PlacementConfig = z.output<typeof placementConfigSchema>;
