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
import * as z from 'zod/mini';
import { numberField } from '../config.ts';
import { MAX_SIZE } from '../limits.ts';

/** A size in MiB (or a rate in MiB/s): bounded so that sums over many VMs stay exact. */
const size = (check: z.core.$ZodCheck<number>) => z.number().check(z.maximum(MAX_SIZE), check);

export const memoryConfigSchema = z.strictObject({
	host: z.strictObject({
		memoryMB: size(z.positive()),
		/** Memory the hypervisor keeps for itself. */
		reservedMB: numberField(0, z.nonnegative(), z.maximum(MAX_SIZE))
	}),
	durationSeconds: numberField(300, z.positive(), z.maximum(86_400)),
	stepSeconds: numberField(1, z.positive(), z.maximum(3600)),
	pageSizeKB: numberField(4, z.int(), z.positive()),
	vms: z
		.array(
			z.strictObject({
				name: z.optional(z.string().check(z.minLength(1))),
				memoryMB: size(z.positive()),
				/** Proportional-share weight for memory (Waldspurger's shares). */
				shares: numberField(1000, z.positive(), z.maximum(MAX_SIZE)),
				/** Percent of its pages that page sharing can reclaim (duplicates of other pages). */
				sharablePercent: numberField(0, z.minimum(0), z.maximum(100)),
				/** When the VM starts (it uses no memory before). */
				startSeconds: numberField(0, z.nonnegative()),
				/** Working set over time: from atSeconds on, activePercent of its memory is in use. */
				phases: z._default(
					z
						.array(
							z.strictObject({
								atSeconds: z.number().check(z.nonnegative()),
								activePercent: z.number().check(z.minimum(0), z.maximum(100))
							})
						)
						.check(z.minLength(1)),
					[{ atSeconds: 0, activePercent: 50 }]
				)
			})
		)
		.check(z.minLength(1), z.maxLength(1000)),
	/** Content-based page sharing, KSM style: pagesToScan pages every sleepMs (docs/sources.md). */
	ksm: z._default(
		z.strictObject({
			enabled: z._default(z.boolean(), true),
			pagesToScan: numberField(100, z.int(), z.positive()),
			// Linux sleeps whole milliseconds; below a microsecond the scan rate would overflow.
			sleepMs: numberField(20, z.minimum(0.001))
		}),
		{ enabled: true, pagesToScan: 100, sleepMs: 20 }
	),
	/** Ballooning (model choices: inflation speed per VM, and the largest balloon as % of the VM). */
	balloon: z._default(
		z.strictObject({
			enabled: z._default(z.boolean(), true),
			rateMBps: numberField(64, z.positive(), z.maximum(MAX_SIZE)),
			maxPercent: numberField(65, z.minimum(0), z.maximum(100))
		}),
		{ enabled: true, rateMBps: 64, maxPercent: 65 }
	),
	/** Waldspurger's idle memory tax rate (docs/sources.md: default 0.75). */
	idleTax: z._default(z.strictObject({ tau: numberField(0.75, z.minimum(0), z.maximum(0.99)) }), {
		tau: 0.75
	}),
	/**
	 * Model choices: time per swap-in (a disk-backed swap), and the fraction of its active pages a
	 * VM touches per second (1% of the working set each second).
	 */
	swap: z._default(
		z.strictObject({
			// Bounds far beyond real disks (a swap-in of 1000 s) and access rates, so that the
			// slowdown they multiply into stays a finite number.
			latencyMs: numberField(5, z.nonnegative(), z.maximum(1e6)),
			accessRatePerSecond: numberField(0.01, z.nonnegative(), z.maximum(1e6))
		}),
		{ latencyMs: 5, accessRatePerSecond: 0.01 }
	)
});

export type MemoryConfigInput = z.input<typeof memoryConfigSchema>;
export type MemoryConfig = z.output<typeof memoryConfigSchema>;
