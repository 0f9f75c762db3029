/**
 * Caps, enforced by the simulator for every policy: a VM with a cap of c (in CPUs; Xen's cap of
 * 150 is c = 1.5) may use at most c x P of CPU time in each cap period of length P. Xen credit
 * parks a capped VM once it has spent its allowance (csched_acct in xen/common/sched/credit.c);
 * Linux's CFS bandwidth control throttles a group that used its quota (cfs_quota_us per
 * cfs_period_us, Documentation/scheduler/sched-bwc.rst). Both come down to a budget per period.
 *
 * The budget is checked at each step: a VM may run only as many vCPUs as its remaining budget
 * covers for a whole step (`world.capSlots`), so no decision made within the step, at a wake-up
 * or a block, can overdraw it.
 */
import type { PolicyConfig } from './config.ts';
import type { SchedWorld } from './world.ts';

/** Xen credit's 30 ms slice (docs/sources.md), for every slice-based policy unless configured. */
export const DEFAULT_SLICE_MS = 30;

/**
 * The period over which each policy enforces caps: Xen credit's accounting period (30 ms),
 * credit2's budget replenishment (CSCHED2_BDGT_REPL_PERIOD, 10 ms, xen/common/sched/credit2.c),
 * CFS bandwidth control's default cfs_period_us (100 ms), otherwise the time slice.
 */
export function defaultCapPeriodMs(policy: PolicyConfig): number {
	if (policy.name === 'credit') return policy.accountingMs;
	if (policy.name === 'credit2') return 10;
	if (policy.name === 'cfs') return 100;
	return policy.sliceMs ?? DEFAULT_SLICE_MS;
}

export class CapLimiter {
	/** CPU time (us) each VM may still use in this period. */
	private readonly budget: Float64Array;
	private readonly usedInPeriod: Float64Array;
	/** The most CPU used in any one period, in CPUs (used / period length). */
	readonly peakUse: Float64Array;
	private periodStart = 0;
	private periodLength: number;
	private started = false;

	/**
	 * @param periodUs cap period, a whole number of steps
	 * @param durationUs length of the run: the last period may be cut short, and gets a prorated
	 *   budget so that the VM stays within its cap over the whole run, not only over whole periods
	 */
	constructor(
		private readonly w: SchedWorld,
		private readonly periodUs: number,
		private readonly durationUs: number
	) {
		const n = w.vms.length;
		this.budget = new Float64Array(n);
		this.usedInPeriod = new Float64Array(n);
		this.peakUse = new Float64Array(n);
		this.periodLength = periodUs;
	}

	/** At the start of each step: refill budgets when a period begins; set each VM's cap slots. */
	beginStep(now: number): void {
		const w = this.w;
		if (!this.started || now - this.periodStart >= this.periodUs) {
			if (this.started) this.closePeriod();
			this.started = true;
			this.periodStart = now;
			this.periodLength = Math.min(this.periodUs, this.durationUs - now);
			this.usedInPeriod.fill(0);
			for (let i = 0; i < w.vms.length; i++) this.budget[i] = w.vms[i].cap * this.periodLength;
		}
		for (let i = 0; i < w.vms.length; i++) {
			if (w.vms[i].cap === 0) continue;
			w.capSlots[i] = Math.floor(this.budget[i] / w.dt + 1e-9);
			// Stop the vCPUs the budget no longer covers, last pCPU first.
			for (let p = w.nP - 1; p >= 0 && w.runningInVm[i] > w.capSlots[i]; p--) {
				const v = w.current[p];
				if (v >= 0 && w.vmOf[v] === i) w.stop(p);
			}
		}
	}

	/** VM `vm` used `dt` of CPU time. */
	charge(vm: number, dt: number): void {
		this.usedInPeriod[vm] += dt;
		if (this.w.vms[vm].cap > 0) this.budget[vm] -= dt;
	}

	private closePeriod(): void {
		for (let i = 0; i < this.w.vms.length; i++) {
			this.peakUse[i] = Math.max(this.peakUse[i], this.usedInPeriod[i] / this.periodLength);
		}
	}

	/** At the end of the run: counts the last (possibly short) period. */
	finish(): void {
		if (this.started) this.closePeriod();
	}
}
