/**
 * The memory overcommit model's JSON configuration (examples/models/memory.json). Sizes in MiB,
 * times in seconds. Defaults: KSM pages_to_scan 100 and sleep 20 ms, idle memory tax tau 0.75
 * (docs/sources.md, "Memory overcommit"); balloon speed and limit, swap latency and page access
 * rate are model choices, marked as such.
 *
 * {
 *   "host": { "memoryMB": 16384 },
 *   "durationSeconds": 300,
 *   "vms": [ { "name": "idle", "memoryMB": 8192, "shares": 1000, "sharablePercent": 30,
 *              "phases": [ { "atSeconds": 0, "activePercent": 10 } ] }, … ]
 * }
 */
import { z } from 'zod';
import { MAX_SIZE } from '../limits.ts';

/** A size in MiB (or a rate in MiB/s): bounded so that sums over many VMs stay exact. */
const size = z.number().max(MAX_SIZE);

export const memoryConfigSchema = z.strictObject({
	host: z.strictObject({
		memoryMB: size.positive(),
		/** Memory the hypervisor keeps for itself. */
		reservedMB: size.nonnegative().default(0)
	}),
	durationSeconds: z.number().positive().max(86_400).default(300),
	stepSeconds: z.number().positive().max(3600).default(1),
	pageSizeKB: z.number().int().positive().default(4),
	vms: z
		.array(
			z.strictObject({
				name: z.string().min(1).optional(),
				memoryMB: size.positive(),
				/** Proportional-share weight for memory (Waldspurger's shares). */
				shares: z.number().positive().max(MAX_SIZE).default(1000),
				/** Percent of its pages that page sharing can reclaim (duplicates of other pages). */
				sharablePercent: z.number().min(0).max(100).default(0),
				/** When the VM starts (it uses no memory before). */
				startSeconds: z.number().nonnegative().default(0),
				/** Working set over time: from atSeconds on, activePercent of its memory is in use. */
				phases: z
					.array(
						z.strictObject({
							atSeconds: z.number().nonnegative(),
							activePercent: z.number().min(0).max(100)
						})
					)
					.min(1)
					.default([{ atSeconds: 0, activePercent: 50 }])
			})
		)
		.min(1)
		.max(1000),
	/** Content-based page sharing, KSM style: pagesToScan pages every sleepMs (docs/sources.md). */
	ksm: z
		.strictObject({
			enabled: z.boolean().default(true),
			pagesToScan: z.number().int().positive().default(100),
			// Linux sleeps whole milliseconds; below a microsecond the scan rate would overflow.
			sleepMs: z.number().min(0.001).default(20)
		})
		.default({ enabled: true, pagesToScan: 100, sleepMs: 20 }),
	/** Ballooning (model choices: inflation speed per VM, and the largest balloon as % of the VM). */
	balloon: z
		.strictObject({
			enabled: z.boolean().default(true),
			rateMBps: size.positive().default(64),
			maxPercent: z.number().min(0).max(100).default(65)
		})
		.default({ enabled: true, rateMBps: 64, maxPercent: 65 }),
	/** Waldspurger's idle memory tax rate (docs/sources.md: default 0.75). */
	idleTax: z
		.strictObject({ tau: z.number().min(0).max(0.99).default(0.75) })
		.default({ tau: 0.75 }),
	/**
	 * Model choices: time per swap-in (a disk-backed swap), and the fraction of its active pages a
	 * VM touches per second (1% of the working set each second).
	 */
	swap: z
		.strictObject({
			// Bounds far beyond real disks (a swap-in of 1000 s) and access rates, so that the
			// slowdown they multiply into stays a finite number.
			latencyMs: z.number().nonnegative().max(1e6).default(5),
			accessRatePerSecond: z.number().nonnegative().max(1e6).default(0.01)
		})
		.default({ latencyMs: 5, accessRatePerSecond: 0.01 })
});

export type MemoryConfigInput = z.input<typeof memoryConfigSchema>;
export type MemoryConfig = z.output<typeof memoryConfigSchema>;
