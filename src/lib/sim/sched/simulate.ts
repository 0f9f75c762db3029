/**
 * The vCPU scheduling simulator: pCPUs, VMs whose vCPUs run workloads, and one policy.
 *
 * Time advances in steps (resolutionUs, default 50 us), at whose starts the policy's timers fire
 * (ticks, slice ends, accounting) and the caps are checked. Between two steps, wake-ups and
 * blocks happen at their exact instants and the policy decides again at each of them, the way a
 * hypervisor's scheduler is entered from its timer and from its wake and block paths. Service
 * times and waiting times are therefore not rounded to the step, and a queue behaves as the
 * queueing formulas say (an M/M/1 request workload alone on a pCPU waits what M/M/1 waits).
 *
 * One run, in order, at each decision: wake-ups and blocks (wakeups.ts), caps at a step's start
 * (caps.ts), the policy (policies/), the spinlocks (locks.ts); then the assignment holds until the
 * next event or step, while the vCPUs run and the statistics (tally.ts, locks.ts), cap budgets and
 * the Gantt trace (gantt.ts) record the stretch. The result is assembled by report.ts.
 */
import { parseConfig } from '../config.ts';
import { Random } from '../random.ts';
import { ok, type Result } from '../result.ts';
import { CapLimiter, defaultCapPeriodMs } from './caps.ts';
import { checkSchedConfig } from './checks.ts';
import { schedConfigSchema, type SchedConfig } from './config.ts';
import { GanttRecorder } from './gantt.ts';
import { SpinLocks } from './locks.ts';
import { makePolicy } from './makePolicy.ts';
import { buildResult, type SchedResult } from './report.ts';
import { Tally } from './tally.ts';
import { WakeUps } from './wakeups.ts';
import { checkSchedWork } from './workLimit.ts';
import { createWorkloads, Phase, TIME_EPSILON } from './workloads.ts';
import { SchedWorld, type VmInfo } from './world.ts';

export type { GanttSegment } from './gantt.ts';
export { entitlementWeights, type SchedResult, type VmMetrics } from './report.ts';

/** Validates a configuration (any JSON value) and runs it. */
export function runSched(input: unknown): Result<SchedResult> {
	const parsed = parseConfig(schedConfigSchema, input);
	if (!parsed.ok) return parsed;
	const error = checkSchedConfig(parsed.value) ?? checkSchedWork(parsed.value);
	if (error) return { ok: false, error };
	return ok(simulateSched(parsed.value));
}

/** The VMs as the policies see them, with their vCPUs numbered in configuration order. */
export function vmInfos(config: SchedConfig): VmInfo[] {
	let next = 0;
	return config.vms.map((vm, i) => ({
		name: vm.name ?? `vm${i}`,
		weight: vm.weight,
		nice: vm.nice,
		cap: vm.cap / 100,
		vcpus: Array.from({ length: vm.vcpus }, () => next++)
	}));
}

/** Runs a validated configuration. */
export function simulateSched(config: SchedConfig): SchedResult {
	const dt = config.resolutionUs;
	const steps = Math.round((config.durationMs * 1000) / dt);
	const durationUs = steps * dt;
	const vms = vmInfos(config);
	const world = new SchedWorld(config.pcpus, vms, dt);
	const policy = makePolicy(world, config.policy);
	const { work, locks } = createWorkloads(config, new Random(config.seed));
	const wakeups = new WakeUps(world, work, policy);
	const spinlocks = new SpinLocks(world, work, locks);
	const capPeriodMs = config.policy.capPeriodMs ?? defaultCapPeriodMs(config.policy);
	const caps = new CapLimiter(
		world,
		Math.max(dt, Math.round((capPeriodMs * 1000) / dt) * dt),
		durationUs
	);
	const tally = new Tally(world);
	const gantt = new GanttRecorder(world, config.gantt.fromMs * 1000, config.gantt.toMs * 1000);

	const decide = (now: number): void => {
		world.now = now;
		policy.schedule();
		spinlocks.grant();
	};

	/** The assignment holds from `start` to `end`: run the vCPUs and record it. */
	const elapse = (start: number, end: number): void => {
		const d = end - start;
		tally.interval(d);
		policy.elapse?.(d);
		for (let p = 0; p < world.nP; p++) {
			const v = world.current[p];
			const spinning = v >= 0 && work[v].phase === Phase.Spin;
			gantt.record(p, v, spinning, start, end);
			if (v < 0) continue;
			wakeups.running(v, start);
			spinlocks.record(v, work[v].run(d, end));
			policy.charge(v, d);
			caps.charge(world.vmOf[v], d);
		}
	};

	for (let s = 0; s < steps; s++) {
		const stepStart = s * dt;
		const stepEnd = stepStart + dt;
		world.now = stepStart;
		wakeups.update(stepStart);
		caps.beginStep(stepStart);
		decide(stepStart);
		let t = stepStart;
		for (;;) {
			// Never an empty stretch: an event due now has just been handled.
			const next = Math.max(wakeups.nextAt(t), t + TIME_EPSILON);
			const end = Math.min(stepEnd, next);
			elapse(t, end);
			t = end;
			if (t >= stepEnd) break;
			wakeups.update(t);
			decide(t);
		}
	}
	caps.finish();

	return buildResult(config, vms, {
		durationUs,
		cpu: tally.cpu,
		steal: tally.steal,
		capped: tally.capped,
		spin: spinlocks.spin,
		spinLost: spinlocks.lost,
		peakCapPeriodCpus: caps.peakUse,
		wakeLatencies: wakeups.latencies,
		requestLatencies: work.map((x) => x.requestLatencies),
		criticalSections: work.map((x) => x.criticalSections),
		busy: tally.busy,
		meanRunnable: tally.meanRunnable(durationUs),
		idleWhileWaiting: tally.idleWhileWaiting,
		contextSwitches: world.switches,
		gantt: gantt.finish(durationUs)
	});
}
