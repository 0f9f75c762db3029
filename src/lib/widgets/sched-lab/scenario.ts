/**
 * The scheduler lab's fixed mix of VMs, chosen so that each metric has something to show:
 * - web: 1 vCPU serving requests (200 per second, 1 ms of CPU each): latency-sensitive;
 * - batch: 2 vCPUs that always want CPU: the VM whose weight and cap the student changes;
 * - db: 2 vCPUs running a parallel program with a spinlock, where lock-holder preemption shows.
 * Five vCPUs in all; the pCPU count sets the overcommit ratio.
 */
import type { SchedConfigInput } from '../../sim/sched/config.ts';
import type { PolicyName } from '../../sim/sched/policyNames.ts';

export interface SchedControls {
	policy: PolicyName;
	pcpus: number;
	sliceMs: number;
	/** Weights and caps per VM, in scenario order. */
	weights: number[];
	caps: number[];
	seed: number;
}

export const SCENARIO_VMS = [
	{ name: 'web', vcpus: 1, workload: { type: 'request', ratePerSecond: 200, serviceMs: 1 } },
	{ name: 'batch', vcpus: 2, workload: { type: 'cpu' } },
	{ name: 'db', vcpus: 2, workload: { type: 'spinlock', workUs: 1000, holdUs: 200 } }
] as const;

export const TOTAL_VCPUS = SCENARIO_VMS.reduce((s, vm) => s + vm.vcpus, 0);

/** Simulated time per run and the window the Gantt chart shows (ms). */
export const DURATION_MS = 1000;
export const GANTT_MS = 120;

/** vCPUs per pCPU. */
export function overcommitRatio(pcpus: number): number {
	return TOTAL_VCPUS / pcpus;
}

export function schedConfig(controls: SchedControls): SchedConfigInput {
	return {
		pcpus: controls.pcpus,
		durationMs: DURATION_MS,
		seed: controls.seed,
		policy: { name: controls.policy, sliceMs: controls.sliceMs },
		vms: SCENARIO_VMS.map((vm, i) => ({
			name: vm.name,
			vcpus: vm.vcpus,
			weight: controls.weights[i],
			cap: controls.caps[i],
			workload: { ...vm.workload }
		})),
		gantt: { fromMs: 0, toMs: GANTT_MS }
	};
}
