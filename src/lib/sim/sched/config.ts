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
import * as z from 'zod/mini';
import { MAX_NICE, MIN_NICE } from './nice.ts';
import { POLICIES } from './policyNames.ts';
import { integerField, numberField, seedField } from '../config.ts';

/** A duration in milliseconds. */
const ms = () => z.number().check(z.positive());

export const workloadSchema = z.discriminatedUnion('type', [
	/** Always runnable: a compute-bound guest. */
	z.strictObject({ type: z.literal('cpu') }),
	/** Compute bursts (exponential, mean burstMs of CPU) separated by I/O waits (mean ioMs). */
	z.strictObject({
		type: z.literal('io'),
		burstMs: numberField(2, z.positive()),
		ioMs: numberField(8, z.positive())
	}),
	/** Latency-sensitive server: Poisson requests per vCPU, each needing serviceMs of CPU (exp.). */
	z.strictObject({
		type: z.literal('request'),
		ratePerSecond: numberField(100, z.positive(), z.maximum(1e6)),
		serviceMs: numberField(1, z.positive())
	}),
	/**
	 * A parallel program whose vCPUs share one spinlock: compute outside the lock (mean workUs,
	 * exponential), then take the lock and hold it for holdUs of CPU. Waiting vCPUs spin.
	 */
	z.strictObject({
		type: z.literal('spinlock'),
		workUs: numberField(500, z.positive()),
		holdUs: numberField(50, z.positive())
	})
]);

export type Workload = z.output<typeof workloadSchema>;

export const policySchema = z.strictObject({
	name: z.enum(POLICIES),
	/** Time slice: rr, credit (30 ms, docs/sources.md), co-scheduling. */
	sliceMs: z.optional(ms()),
	/** Xen credit tick: 10 ms (docs/sources.md). */
	tickMs: numberField(10, z.positive()),
	/** Xen credit: credits are handed out every 3 ticks (CSCHED_TICKS_PER_ACCT in Xen's sched/credit.c). */
	accountingMs: numberField(30, z.positive()),
	/** credit2 (Xen sched/credit2.c): CSCHED2_CREDIT_INIT 10 ms, MIN_TIMER 0.5 ms, MAX_TIMER 10 ms, ratelimit 1 ms. */
	creditInitMs: numberField(10, z.positive()),
	minSliceMs: numberField(0.5, z.positive()),
	maxSliceMs: numberField(10, z.positive()),
	ratelimitMs: numberField(1, z.nonnegative()),
	/**
	 * CFS (docs/sources.md, Linux before 6.6): sched_latency 6 ms and min_granularity 0.75 ms,
	 * wakeup granularity 1 ms, each x (1 + ilog2(min(ncpus, 8))).
	 */
	latencyMs: numberField(6, z.positive()),
	minGranularityMs: numberField(0.75, z.positive()),
	wakeupGranularityMs: numberField(1, z.positive()),
	/**
	 * CFS: true puts each VM's vCPU threads in a cgroup of its own whose weight is the VM's weight,
	 * as libvirt does (machine.slice); false lets the threads compete one by one, each weighted by
	 * its nice level, so that a VM with more vCPUs gets more CPU.
	 */
	cgroups: z._default(z.boolean(), true),
	/** Relaxed co-scheduling: a vCPU more than this ahead of its slowest sibling is co-stopped (model choice). */
	skewThresholdMs: numberField(3, z.positive()),
	/** Period over which caps are enforced (default: 30 ms for credit, 10 ms credit2, 100 ms cfs as in CFS bandwidth control). */
	capPeriodMs: z.optional(ms())
});

export type PolicyConfig = z.output<typeof policySchema>;

export const vmSchema = z.strictObject({
	name: z.optional(z.string().check(z.minLength(1))),
	vcpus: integerField(1, 1, 64),
	/** Relative weight; Xen credit's default is 256 (docs/sources.md). */
	weight: integerField(256, 1, 65535),
	/** Cap in percent of one CPU (Xen credit; 0 = none, 150 = one and a half CPUs). */
	cap: numberField(0, z.minimum(0), z.maximum(6400)),
	/**
	 * CFS only: nice level of the VM's vCPU threads, -20..19, weighted by Linux's
	 * sched_prio_to_weight table (nice.ts): 1024 at nice 0, about 1.25 times less per level.
	 */
	nice: integerField(0, MIN_NICE, MAX_NICE),
	workload: z._default(workloadSchema, { type: 'cpu' })
});

export const schedConfigSchema = z.strictObject({
	pcpus: z.number().check(z.int(), z.minimum(1), z.maximum(64)),
	durationMs: numberField(2000, z.positive(), z.maximum(600_000)),
	/** Length of one simulation step, in microseconds: every decision happens on a step boundary. */
	resolutionUs: integerField(50, 1, 10_000),
	seed: seedField(1),
	policy: policySchema,
	vms: z.array(vmSchema).check(z.minLength(1), z.maxLength(256)),
	/** The window of the Gantt trace (default: the first 200 ms). */
	gantt: z._default(
		z.strictObject({
			fromMs: numberField(0, z.nonnegative()),
			toMs: numberField(200, z.positive())
		}),
		{ fromMs: 0, toMs: 200 }
	)
});

export type SchedConfigInput = z.input<typeof schedConfigSchema>;
export type SchedConfig = z.output<typeof schedConfigSchema>;
