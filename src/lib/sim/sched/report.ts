/**
 * The result of a run, per VM and overall: what each VM received against what it was due, and
 * what it waited. A VM's **entitlement** is the CPU its weight and cap give it if every VM always
 * wanted CPU; its **fair share** is the same division limited by what it actually asked for
 * (time runnable). Both are weighted max-min fair (water-filled) over the pCPUs.
 */
import type { PolicyConfig, SchedConfig, Workload } from './config.ts';
import {
	jainIndex,
	summarizeLatencies,
	weightedWaterFill,
	type LatencySummary
} from './metrics.ts';
import { niceToWeight } from './nice.ts';
import type { GanttTrace } from './gantt.ts';
import type { VmInfo } from './world.ts';

export interface VmMetrics {
	name: string;
	vcpus: number;
	weight: number;
	/** Nice level of its vCPU threads (CFS). */
	nice: number;
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
	/** Time its vCPUs waited for a pCPU although their cap allowed them to run (tally.ts). */
	stealMs: number;
	/** Steal time as a percentage of the vCPUs' time: zero when the host has room for everyone. */
	stealPercent: number;
	/** Time its vCPUs were runnable but held back by the VM's own cap (tally.ts). */
	cappedMs: number;
	/** Capped time as a percentage of the vCPUs' time. A Linux guest would add it to its %steal. */
	cappedPercent: number;
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
	gantt: GanttTrace;
}

/**
 * What each policy divides the CPUs by:
 * - round robin treats every vCPU alike (weights ignored);
 * - credit2 applies a VM's weight to each of its vCPUs (xen/common/sched/credit2.c);
 * - CFS without cgroups weighs each vCPU thread by its nice level (kernel/sched/core.c);
 * - credit as in Xen 3.x, CFS with one cgroup per VM, and co-scheduling share by VM weight.
 */
export function entitlementWeights(policy: PolicyConfig, vms: VmInfo[]): number[] {
	if (policy.name === 'rr') return vms.map((vm) => vm.vcpus.length);
	if (policy.name === 'credit2') return vms.map((vm) => vm.weight * vm.vcpus.length);
	if (policy.name === 'cfs' && !policy.cgroups) {
		return vms.map((vm) => niceToWeight(vm.nice ?? 0) * vm.vcpus.length);
	}
	return vms.map((vm) => vm.weight);
}

/** What the simulator measured, per vCPU (arrays indexed by vCPU) or per VM. */
export interface Measurements {
	durationUs: number;
	cpu: Float64Array;
	steal: Float64Array;
	capped: Float64Array;
	spin: Float64Array;
	spinLost: Float64Array;
	/** Per VM. */
	peakCapPeriodCpus: Float64Array;
	wakeLatencies: number[][];
	/** Per vCPU: request response times (us) and critical sections completed. */
	requestLatencies: number[][];
	criticalSections: number[];
	busy: number;
	meanRunnable: number;
	idleWhileWaiting: number;
	contextSwitches: number;
	gantt: GanttTrace;
}

export function buildResult(config: SchedConfig, vms: VmInfo[], m: Measurements): SchedResult {
	const durationUs = m.durationUs;
	const sumOver = (arr: ArrayLike<number>, vm: VmInfo): number =>
		vm.vcpus.reduce((s, v) => s + arr[v], 0);
	const limits = vms.map((vm) =>
		vm.cap > 0 ? Math.min(vm.vcpus.length, vm.cap) : vm.vcpus.length
	);
	const weights = entitlementWeights(config.policy, vms);
	const entitlement = weightedWaterFill(weights, limits, config.pcpus);
	const demand = vms.map(
		(vm) => (sumOver(m.cpu, vm) + sumOver(m.steal, vm) + sumOver(m.capped, vm)) / durationUs
	);
	const fairShare = weightedWaterFill(
		weights,
		limits.map((l, i) => Math.min(l, demand[i])),
		config.pcpus
	);
	const metrics: VmMetrics[] = vms.map((vm, i) => {
		const cpuUs = sumOver(m.cpu, vm);
		const stealUs = sumOver(m.steal, vm);
		const cappedUs = sumOver(m.capped, vm);
		const workload = config.vms[i].workload.type;
		return {
			name: vm.name,
			vcpus: vm.vcpus.length,
			weight: vm.weight,
			nice: vm.nice ?? 0,
			cap: vm.cap * 100,
			workload,
			cpuMs: cpuUs / 1000,
			cpus: cpuUs / durationUs,
			share: cpuUs / (durationUs * config.pcpus),
			entitlement: entitlement[i],
			fairShare: fairShare[i],
			demand: demand[i],
			stealMs: stealUs / 1000,
			stealPercent: (100 * stealUs) / (durationUs * vm.vcpus.length),
			cappedMs: cappedUs / 1000,
			cappedPercent: (100 * cappedUs) / (durationUs * vm.vcpus.length),
			peakCapPeriodCpus: m.peakCapPeriodCpus[i],
			wakeLatency: summarizeLatencies(m.wakeLatencies[i]),
			requests:
				workload === 'request'
					? summarizeLatencies(vm.vcpus.flatMap((v) => m.requestLatencies[v]))
					: null,
			spinMs: sumOver(m.spin, vm) / 1000,
			spinLostMs: sumOver(m.spinLost, vm) / 1000,
			criticalSections: sumOver(m.criticalSections, vm)
		};
	});
	const ratios = metrics.filter((x) => x.fairShare > 1e-9).map((x) => x.cpus / x.fairShare);
	return {
		policy: config.policy.name,
		pcpus: config.pcpus,
		durationMs: durationUs / 1000,
		resolutionUs: config.resolutionUs,
		vms: metrics,
		jain: jainIndex(ratios),
		utilization: m.busy / (durationUs * config.pcpus),
		meanRunnable: m.meanRunnable,
		idleWhileWaitingMs: m.idleWhileWaiting / 1000,
		contextSwitches: m.contextSwitches,
		gantt: m.gantt
	};
}
