/**
 * How much work a run will take, checked against MAX_SCHED_WORK (../limits.ts) before it starts,
 * so that a mistyped duration or rate is refused at once instead of running for minutes.
 *
 * The simulator visits every vCPU and pCPU at each step (resolutionUs apart), and again at each
 * wake-up and each block, which it handles at the exact instant. Work is therefore counted as
 *
 *   (steps + expected wake-ups and blocks) x (vCPUs + pCPUs)
 *
 * with the expected number of events taken from the workloads' mean rates: a request workload
 * wakes at most once per request and blocks at most once per request; an I/O workload wakes and
 * blocks once per burst; a spinlock workload ends a piece of work and a critical section once per
 * round. A run with few events costs what the steps cost, as before the events were exact; the
 * default run (2 s in 50 us steps: 40,000 steps) leaves room for 500 vCPUs and pCPUs.
 */
import { formatLimit, MAX_SCHED_WORK } from '../limits.ts';
import type { ParamError } from '../result.ts';
import type { SchedConfig, Workload } from './config.ts';

/** Expected wake-ups and blocks of one vCPU per second of simulated time. */
export function eventsPerSecond(workload: Workload): number {
	switch (workload.type) {
		case 'cpu':
			return 0;
		case 'io':
			return (2 * 1000) / (workload.burstMs + workload.ioMs);
		case 'request':
			return 2 * workload.ratePerSecond;
		case 'spinlock':
			return (2 * 1e6) / (workload.workUs + workload.holdUs);
	}
}

export interface SchedWork {
	steps: number;
	events: number;
	/** (steps + events) x (vCPUs + pCPUs). */
	work: number;
}

export function schedWork(config: SchedConfig): SchedWork {
	const steps = Math.round((config.durationMs * 1000) / config.resolutionUs);
	const seconds = config.durationMs / 1000;
	let events = 0;
	let vcpus = 0;
	for (const vm of config.vms) {
		vcpus += vm.vcpus;
		events += vm.vcpus * eventsPerSecond(vm.workload) * seconds;
	}
	events = Math.round(events);
	return { steps, events, work: (steps + events) * (vcpus + config.pcpus) };
}

/** An error naming durationMs when the run would take more than MAX_SCHED_WORK, else null. */
export function checkSchedWork(config: SchedConfig): ParamError | null {
	const { steps, events, work } = schedWork(config);
	if (steps < 1) return { param: 'durationMs', message: 'durationMs: shorter than one step' };
	if (work <= MAX_SCHED_WORK) return null;
	const visits = work / (steps + events);
	return {
		param: 'durationMs',
		message:
			`durationMs: ${formatLimit(steps)} steps and about ${formatLimit(events)} wake-ups and blocks ` +
			`x ${visits} vCPUs and pCPUs is too much work (at most ${formatLimit(MAX_SCHED_WORK)}; ` +
			'shorten durationMs or raise resolutionUs, or make the workloads wake less often)'
	};
}
