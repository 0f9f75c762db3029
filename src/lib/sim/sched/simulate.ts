/**
 * The vCPU scheduling simulator: pCPUs, VMs with vCPUs running workloads, and one policy. Time
 * advances in fixed steps (default 50 us); at each step workloads wake up, the policy decides
 * what runs, the chosen vCPUs run, and the statistics are taken:
 * - each VM's CPU time, against its entitlement (weights and caps, water-filled over pCPUs) and
 *   its fair share (the same, also limited by the CPU it asked for), and Jain's index over VMs;
 * - steal time: runnable but not running (what a guest sees as %steal);
 * - wake-up latency and request response-time percentiles;
 * - spin time, and the part of it lost to lock-holder preemption (the lock holder was runnable but
 *   descheduled while others spun: Uhlig et al., VM'04, docs/sources.md);
 * - pCPU time left idle while a vCPU that was allowed to run waited (0 = work-conserving);
 * - a Gantt trace of what ran where.
 * Caps are enforced here for every policy: a VM may use at most cap x capPeriod of CPU time in
 * each cap period.
 */
import { parseConfig } from '../config.ts';
import { formatLimit, MAX_SCHED_WORK } from '../limits.ts';
import { TimeAverage } from '../des/timeAverage.ts';
import { Random } from '../random.ts';
import { ok, type Result } from '../result.ts';
import { schedConfigSchema, type PolicyConfig, type SchedConfig, type Workload } from './config.ts';
import {
	summarizeLatencies,
	jainIndex,
	weightedWaterFill,
	type LatencySummary
} from './metrics.ts';
import { CfsScheduler } from './policies/cfs.ts';
import { RelaxedCoscheduler, StrictCoscheduler } from './policies/coscheduling.ts';
import { CreditScheduler } from './policies/credit.ts';
import { Credit2Scheduler } from './policies/credit2.ts';
import { RoundRobin } from './policies/roundRobin.ts';
import { Phase, VcpuWorkload, type SpinLock } from './workloads.ts';
import { SchedWorld, type SchedPolicy, type VmInfo } from './world.ts';

export interface GanttSegment {
	pcpu: number;
	/** Index of the VM in the configuration. */
	vm: number;
	/** Index of the vCPU within its VM. */
	vcpu: number;
	startMs: number;
	endMs: number;
	/** True while the vCPU was spinning on a lock. */
	spinning: boolean;
}

export interface VmMetrics {
	name: string;
	vcpus: number;
	weight: number;
	/** Cap in percent of one CPU (0 = none). */
	cap: number;
	workload: Workload['type'];
	cpuMs: number;
	/** CPU used, in CPUs (cpuMs / duration). */
	cpus: number;
	/** Fraction of the host's CPU time. */
	share: number;
	/**
	 * What the policy's weights and the caps entitle it to, in CPUs, as if every VM always wanted
	 * CPU (see entitlementWeights).
	 */
	entitlement: number;
	/** Its weighted fair share given what it actually asked for, in CPUs. */
	fairShare: number;
	/** CPU it asked for: time runnable (running or waiting), in CPUs. */
	demand: number;
	stealMs: number;
	/** Steal time as a percentage of the vCPUs' time. */
	stealPercent: number;
	/** The most CPU used in any one cap period, in CPUs per period length (never above cap / 100). */
	peakCapPeriodCpus: number;
	wakeLatency: LatencySummary;
	/** Response times of requests (request workloads only). */
	requests: LatencySummary | null;
	spinMs: number;
	/** Spin time while the lock holder was preempted. */
	spinLostMs: number;
	criticalSections: number;
}

export interface SchedResult {
	policy: PolicyConfig['name'];
	pcpus: number;
	durationMs: number;
	resolutionUs: number;
	vms: VmMetrics[];
	/** Jain's index of cpus / fairShare over VMs with a fair share > 0. */
	jain: number;
	/** Busy fraction of the pCPUs. */
	utilization: number;
	/** Time-average number of runnable vCPUs (running or waiting): the host's load average. */
	meanRunnable: number;
	/** pCPU time idle while a vCPU within its cap was waiting (0 = work-conserving). */
	idleWhileWaitingMs: number;
	contextSwitches: number;
	gantt: { fromMs: number; toMs: number; segments: GanttSegment[]; truncated: boolean };
}

const MAX_SEGMENTS = 50_000;

/** Xen credit's 30 ms slice (docs/sources.md), for every slice-based policy unless configured. */
const DEFAULT_SLICE_MS = 30;

function defaultCapPeriodMs(policy: PolicyConfig): number {
	if (policy.name === 'credit') return policy.accountingMs;
	if (policy.name === 'credit2') return 10; // CSCHED2_BDGT_REPL_PERIOD in Xen's credit2.c
	if (policy.name === 'cfs') return 100; // Linux CFS bandwidth control's default cfs_period_us
	return policy.sliceMs ?? DEFAULT_SLICE_MS;
}

function makePolicy(world: SchedWorld, p: PolicyConfig): SchedPolicy {
	const us = (ms: number): number => Math.max(1, Math.round(ms * 1000));
	const slice = us(p.sliceMs ?? DEFAULT_SLICE_MS);
	switch (p.name) {
		case 'rr':
			return new RoundRobin(world, slice);
		case 'credit':
			return new CreditScheduler(world, {
				sliceUs: slice,
				tickUs: us(p.tickMs),
				accountingUs: us(p.accountingMs)
			});
		case 'credit2':
			return new Credit2Scheduler(world, {
				creditInitUs: us(p.creditInitMs),
				minSliceUs: us(p.minSliceMs),
				maxSliceUs: us(p.maxSliceMs),
				ratelimitUs: Math.round(p.ratelimitMs * 1000)
			});
		case 'cfs':
			return new CfsScheduler(world, {
				latencyUs: p.latencyMs * 1000,
				minGranularityUs: p.minGranularityMs * 1000,
				wakeupGranularityUs: p.wakeupGranularityMs * 1000
			});
		case 'cosched-strict':
			return new StrictCoscheduler(world, slice);
		case 'cosched-relaxed':
			return new RelaxedCoscheduler(world, slice, us(p.skewThresholdMs));
	}
}

/**
 * What each policy divides the CPUs by: round robin treats every vCPU alike (weights ignored),
 * credit2 applies a VM's weight to each of its vCPUs, the others share by VM weight.
 */
export function entitlementWeights(policy: PolicyConfig['name'], vms: VmInfo[]): number[] {
	if (policy === 'rr') return vms.map((vm) => vm.vcpus.length);
	if (policy === 'credit2') return vms.map((vm) => vm.weight * vm.vcpus.length);
	return vms.map((vm) => vm.weight);
}

/** Validates a configuration (any JSON value) and runs it. */
export function runSched(input: unknown): Result<SchedResult> {
	const parsed = parseConfig(schedConfigSchema, input);
	if (!parsed.ok) return parsed;
	const config = parsed.value;
	if (config.policy.name === 'cosched-strict') {
		const i = config.vms.findIndex((vm) => vm.vcpus > config.pcpus);
		if (i >= 0) {
			return {
				ok: false,
				error: {
					param: `vms[${i}].vcpus`,
					message: `vms[${i}].vcpus: ${config.vms[i].vcpus} vCPUs can never be gang-scheduled on ${config.pcpus} pCPUs`
				}
			};
		}
	}
	const steps = Math.round((config.durationMs * 1000) / config.resolutionUs);
	if (steps < 1) {
		return {
			ok: false,
			error: { param: 'durationMs', message: 'durationMs: shorter than one step' }
		};
	}
	const totalVcpus = config.vms.reduce((s, vm) => s + vm.vcpus, 0);
	// Every step visits every vCPU and pCPU.
	const work = steps * (totalVcpus + config.pcpus);
	if (work > MAX_SCHED_WORK) {
		return {
			ok: false,
			error: {
				param: 'durationMs',
				message:
					`durationMs: ${formatLimit(steps)} steps x ${totalVcpus + config.pcpus} vCPUs and pCPUs ` +
					`is too much work (at most ${formatLimit(MAX_SCHED_WORK)}; shorten durationMs or raise resolutionUs)`
			}
		};
	}
	return ok(simulateSched(config));
}

/** Runs a validated configuration. */
export function simulateSched(config: SchedConfig): SchedResult {
	const dt = config.resolutionUs;
	const steps = Math.round((config.durationMs * 1000) / dt);
	const durationUs = steps * dt;
	const rng = new Random(config.seed);
	let next = 0;
	const vms: VmInfo[] = config.vms.map((vm, i) => ({
		name: vm.name ?? `vm${i}`,
		weight: vm.weight,
		cap: vm.cap / 100,
		vcpus: Array.from({ length: vm.vcpus }, () => next++)
	}));
	const world = new SchedWorld(config.pcpus, vms, dt);
	const policy = makePolicy(world, config.policy);
	const relaxed = policy instanceof RelaxedCoscheduler ? policy : null;
	const locks: (SpinLock | null)[] = config.vms.map((vm) =>
		vm.workload.type === 'spinlock' ? { holder: -1 } : null
	);
	const work: VcpuWorkload[] = [];
	vms.forEach((vm, i) => {
		for (const _ of vm.vcpus)
			work.push(new VcpuWorkload(config.vms[i].workload, rng.fork(), locks[i]));
	});
	const nV = world.nV;
	for (let v = 0; v < nV; v++) world.runnable[v] = work[v].runnable ? 1 : 0;
	const timed = Int32Array.from(
		work.flatMap((w, v) => (w.spec.type === 'io' || w.spec.type === 'request' ? [v] : []))
	);

	// Statistics.
	const cpu = new Float64Array(nV);
	const steal = new Float64Array(nV);
	const spin = new Float64Array(nV);
	const spinLost = new Float64Array(nV);
	const wokeAt = new Float64Array(nV).fill(-1);
	const wakeLatencies: number[][] = vms.map(() => []);
	let idleWhileWaiting = 0;
	let busy = 0;
	const runnableCount = new TimeAverage(0, 0);

	// Caps.
	const capPeriodMs = config.policy.capPeriodMs ?? defaultCapPeriodMs(config.policy);
	const capPeriod = Math.max(dt, Math.round((capPeriodMs * 1000) / dt) * dt);
	const budget = new Float64Array(vms.length);
	const usedInPeriod = new Float64Array(vms.length);
	const peakPeriodUse = new Float64Array(vms.length);
	let periodStart = 0;
	let periodLength = capPeriod;

	// Gantt.
	const fromUs = config.gantt.fromMs * 1000;
	const toUs = config.gantt.toMs * 1000;
	const segments: GanttSegment[] = [];
	let truncated = false;
	const openV = new Int32Array(config.pcpus).fill(-1);
	const openSpin = new Uint8Array(config.pcpus);
	const openStart = new Float64Array(config.pcpus);
	const closeSegment = (p: number, end: number): void => {
		const v = openV[p];
		if (v < 0) return;
		const start = Math.max(openStart[p], fromUs);
		const stop = Math.min(end, toUs);
		if (stop > start) {
			if (segments.length < MAX_SEGMENTS) {
				segments.push({
					pcpu: p,
					vm: world.vmOf[v],
					vcpu: world.indexInVm[v],
					startMs: start / 1000,
					endMs: stop / 1000,
					spinning: openSpin[p] === 1
				});
			} else truncated = true;
		}
		openV[p] = -1;
	};

	for (let s = 0; s < steps; s++) {
		const now = s * dt;
		world.now = now;
		// Cap periods: refill budgets, and let no VM run more vCPUs than its budget covers.
		if (now - periodStart >= capPeriod || now === 0) {
			for (let i = 0; i < vms.length; i++) {
				peakPeriodUse[i] = Math.max(peakPeriodUse[i], usedInPeriod[i] / periodLength);
			}
			periodStart = now;
			// The run may end inside this period: a prorated budget keeps the VM within its cap
			// over the whole run, not only over whole periods.
			periodLength = Math.min(capPeriod, steps * dt - now);
			usedInPeriod.fill(0);
			for (let i = 0; i < vms.length; i++) budget[i] = vms[i].cap * periodLength;
		}
		for (let i = 0; i < vms.length; i++) {
			if (vms[i].cap === 0) continue;
			world.capSlots[i] = Math.floor(budget[i] / dt + 1e-9);
			for (let p = world.nP - 1; p >= 0 && world.runningInVm[i] > world.capSlots[i]; p--) {
				const v = world.current[p];
				if (v >= 0 && world.vmOf[v] === i) world.stop(p);
			}
		}
		// Wake-ups (only I/O and request workloads change with time).
		for (const v of timed) {
			if (work[v].arrive(now)) {
				world.runnable[v] = 1;
				world.waitingSince[v] = now;
				wokeAt[v] = now;
				policy.onWake(v);
			}
		}
		policy.schedule();
		// Spinlocks: a free lock goes to the running spinner that has waited longest.
		for (let i = 0; i < vms.length; i++) {
			const lock = locks[i];
			if (!lock || lock.holder >= 0) continue;
			let first = -1;
			for (const v of vms[i].vcpus) {
				if (world.where[v] < 0 || work[v].phase !== Phase.Spin) continue;
				if (first < 0 || work[v].spinSince < work[first].spinSince) first = v;
			}
			if (first >= 0) work[first].tryAcquire(first);
		}
		// Work conservation: idle pCPUs while a vCPU that could start waits.
		let idle = 0;
		for (let p = 0; p < world.nP; p++) if (world.current[p] < 0) idle++;
		if (idle > 0) {
			let startable = 0;
			for (let i = 0; i < vms.length; i++) {
				let waiting = 0;
				for (const v of vms[i].vcpus) if (world.isWaiting(v)) waiting++;
				startable += Math.min(waiting, Math.max(0, world.capSlots[i] - world.runningInVm[i]));
			}
			idleWhileWaiting += Math.min(idle, startable) * dt;
		}
		// Run the step.
		for (let p = 0; p < world.nP; p++) {
			const v = world.current[p];
			let spinning = 0;
			if (v >= 0) {
				if (wokeAt[v] >= 0) {
					wakeLatencies[world.vmOf[v]].push(now - wokeAt[v]);
					wokeAt[v] = -1;
				}
				const lock = work[v].lock;
				const spun = work[v].run(dt, now + dt);
				if (spun > 0) {
					spinning = 1;
					spin[v] += spun;
					if (lock && lock.holder >= 0 && world.where[lock.holder] < 0) spinLost[v] += spun;
				}
				cpu[v] += dt;
				busy += dt;
				policy.charge(v, dt);
				const i = world.vmOf[v];
				usedInPeriod[i] += dt;
				if (vms[i].cap > 0) budget[i] -= dt;
			}
			// Gantt: close the open segment when the pCPU changes what it does.
			if (now < toUs && now + dt > fromUs) {
				if (openV[p] !== v || openSpin[p] !== spinning) {
					closeSegment(p, now);
					if (v >= 0) {
						openV[p] = v;
						openSpin[p] = spinning;
						openStart[p] = now;
					}
				}
			}
		}
		let runnableNow = 0;
		for (let v = 0; v < nV; v++) {
			runnableNow += world.runnable[v];
			if (world.isWaiting(v)) steal[v] += dt;
		}
		runnableCount.update(now, runnableNow);
		relaxed?.advanceProgress(dt);
		// vCPUs that ran out of work block and leave their pCPU.
		for (let p = 0; p < world.nP; p++) {
			const v = world.current[p];
			if (v >= 0 && !work[v].runnable) {
				world.runnable[v] = 0;
				world.stop(p);
			}
		}
	}
	for (let p = 0; p < world.nP; p++) closeSegment(p, Math.min(durationUs, toUs));
	for (let i = 0; i < vms.length; i++) {
		peakPeriodUse[i] = Math.max(peakPeriodUse[i], usedInPeriod[i] / periodLength);
	}

	// Per-VM results.
	const sumOver = (arr: Float64Array, vm: VmInfo): number =>
		vm.vcpus.reduce((s, v) => s + arr[v], 0);
	const limits = vms.map((vm) =>
		vm.cap > 0 ? Math.min(vm.vcpus.length, vm.cap) : vm.vcpus.length
	);
	const weights = entitlementWeights(config.policy.name, vms);
	const entitlement = weightedWaterFill(weights, limits, config.pcpus);
	const demand = vms.map((vm) => (sumOver(cpu, vm) + sumOver(steal, vm)) / durationUs);
	const fairShare = weightedWaterFill(
		weights,
		limits.map((l, i) => Math.min(l, demand[i])),
		config.pcpus
	);
	const metrics: VmMetrics[] = vms.map((vm, i) => {
		const cpuUs = sumOver(cpu, vm);
		const latencies = vm.vcpus.flatMap((v) => work[v].requestLatencies);
		const stealUs = sumOver(steal, vm);
		return {
			name: vm.name,
			vcpus: vm.vcpus.length,
			weight: vm.weight,
			cap: vm.cap * 100,
			workload: config.vms[i].workload.type,
			cpuMs: cpuUs / 1000,
			cpus: cpuUs / durationUs,
			share: cpuUs / (durationUs * config.pcpus),
			entitlement: entitlement[i],
			fairShare: fairShare[i],
			demand: demand[i],
			stealMs: stealUs / 1000,
			stealPercent: (100 * stealUs) / (durationUs * vm.vcpus.length),
			peakCapPeriodCpus: peakPeriodUse[i],
			wakeLatency: summarizeLatencies(wakeLatencies[i]),
			requests: config.vms[i].workload.type === 'request' ? summarizeLatencies(latencies) : null,
			spinMs: sumOver(spin, vm) / 1000,
			spinLostMs: sumOver(spinLost, vm) / 1000,
			criticalSections: vm.vcpus.reduce((s, v) => s + work[v].criticalSections, 0)
		};
	});
	const ratios = metrics.filter((m) => m.fairShare > 1e-9).map((m) => m.cpus / m.fairShare);
	return {
		policy: config.policy.name,
		pcpus: config.pcpus,
		durationMs: durationUs / 1000,
		resolutionUs: dt,
		vms: metrics,
		jain: jainIndex(ratios),
		utilization: busy / (durationUs * config.pcpus),
		meanRunnable: runnableCount.average(durationUs),
		idleWhileWaitingMs: idleWhileWaiting / 1000,
		contextSwitches: world.switches,
		gantt: { fromMs: fromUs / 1000, toMs: Math.min(toUs, durationUs) / 1000, segments, truncated }
	};
}
