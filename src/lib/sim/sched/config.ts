/**
 * The vCPU scheduling model's JSON configuration (examples/models/sched.json). Times are in
 * milliseconds unless the name says otherwise. Defaults for Xen credit and Linux CFS come from
 * docs/sources.md ("Scheduling"); the others from the Xen source or, where marked, are model
 * choices.
 *
 * {
 *   "pcpus": 2, "durationMs": 2000, "seed": 1,
 *   "policy": { "name": "credit" },            // rr | credit | credit2 | cfs | cosched-strict | cosched-relaxed
 *   "vms": [ { "name": "web", "vcpus": 2, "weight": 256, "cap": 0, "nice": 0,
 *              "workload": { "type": "request", "ratePerSecond": 200, "serviceMs": 1 } } ],
 *   "gantt": { "fromMs": 0, "toMs": 200 }
 * }
 */
import { z } from 'zod';
import { MAX_NICE, MIN_NICE } from './nice.ts';
import { seedField } from '../config.ts';

const ms = z.number().positive();

export const workloadSchema = z.discriminatedUnion('type', [
	/** Always runnable: a compute-bound guest. */
	z.strictObject({ type: z.literal('cpu') }),
	/** Compute bursts (exponential, mean burstMs of CPU) separated by I/O waits (mean ioMs). */
	z.strictObject({ type: z.literal('io'), burstMs: ms.default(2), ioMs: ms.default(8) }),
	/** Latency-sensitive server: Poisson requests per vCPU, each needing serviceMs of CPU (exp.). */
	z.strictObject({
		type: z.literal('request'),
		ratePerSecond: z.number().positive().max(1e6).default(100),
		serviceMs: ms.default(1)
	}),
	/**
	 * A parallel program whose vCPUs share one spinlock: compute outside the lock (mean workUs,
	 * exponential), then take the lock and hold it for holdUs of CPU. Waiting vCPUs spin.
	 */
	z.strictObject({
		type: z.literal('spinlock'),
		workUs: z.number().positive().default(500),
		holdUs: z.number().positive().default(50)
	})
]);

export type Workload = z.output<typeof workloadSchema>;

export const POLICIES = [
	'rr',
	'credit',
	'credit2',
	'cfs',
	'cosched-strict',
	'cosched-relaxed'
] as const;
export type PolicyName = (typeof POLICIES)[number];

export const policySchema = z.strictObject({
	name: z.enum(POLICIES),
	/** Time slice: rr, credit (30 ms, docs/sources.md), co-scheduling. */
	sliceMs: ms.optional(),
	/** Xen credit tick: 10 ms (docs/sources.md). */
	tickMs: ms.default(10),
	/** Xen credit: credits are handed out every 3 ticks (CSCHED_TICKS_PER_ACCT in Xen's sched/credit.c). */
	accountingMs: ms.default(30),
	/** credit2 (Xen sched/credit2.c): CSCHED2_CREDIT_INIT 10 ms, MIN_TIMER 0.5 ms, MAX_TIMER 10 ms, ratelimit 1 ms. */
	creditInitMs: ms.default(10),
	minSliceMs: ms.default(0.5),
	maxSliceMs: ms.default(10),
	ratelimitMs: z.number().nonnegative().default(1),
	/**
	 * CFS (docs/sources.md, Linux before 6.6): sched_latency 6 ms and min_granularity 0.75 ms,
	 * wakeup granularity 1 ms, each x (1 + ilog2(min(ncpus, 8))).
	 */
	latencyMs: ms.default(6),
	minGranularityMs: ms.default(0.75),
	wakeupGranularityMs: ms.default(1),
	/**
	 * CFS: true puts each VM's vCPU threads in a cgroup of its own whose weight is the VM's weight,
	 * as libvirt does (machine.slice); false lets the threads compete one by one, each weighted by
	 * its nice level, so that a VM with more vCPUs gets more CPU.
	 */
	cgroups: z.boolean().default(true),
	/** Relaxed co-scheduling: a vCPU more than this ahead of its slowest sibling is co-stopped (model choice). */
	skewThresholdMs: ms.default(3),
	/** Period over which caps are enforced (default: 30 ms for credit, 10 ms credit2, 100 ms cfs as in CFS bandwidth control). */
	capPeriodMs: ms.optional()
});

export type PolicyConfig = z.output<typeof policySchema>;

export const vmSchema = z.strictObject({
	name: z.string().min(1).optional(),
	vcpus: z.number().int().min(1).max(64).default(1),
	/** Relative weight; Xen credit's default is 256 (docs/sources.md). */
	weight: z.number().int().min(1).max(65535).default(256),
	/** Cap in percent of one CPU (Xen credit; 0 = none, 150 = one and a half CPUs). */
	cap: z.number().min(0).max(6400).default(0),
	/**
	 * CFS only: nice level of the VM's vCPU threads, -20..19, weighted by Linux's
	 * sched_prio_to_weight table (nice.ts): 1024 at nice 0, about 1.25 times less per level.
	 */
	nice: z.number().int().min(MIN_NICE).max(MAX_NICE).default(0),
	workload: workloadSchema.default({ type: 'cpu' })
});

export const schedConfigSchema = z.strictObject({
	pcpus: z.number().int().min(1).max(64),
	durationMs: z.number().positive().max(600_000).default(2000),
	/** Length of one simulation step, in microseconds: every decision happens on a step boundary. */
	resolutionUs: z.number().int().min(1).max(10_000).default(50),
	seed: seedField(1),
	policy: policySchema,
	vms: z.array(vmSchema).min(1).max(256),
	/** The window of the Gantt trace (default: the first 200 ms). */
	gantt: z
		.strictObject({
			fromMs: z.number().nonnegative().default(0),
			toMs: z.number().positive().default(200)
		})
		.default({ fromMs: 0, toMs: 200 })
});

export type SchedConfigInput = z.input<typeof schedConfigSchema>;
export type SchedConfig = z.output<typeof schedConfigSchema>;
