/**
 * Xen's credit scheduler (credit1), after xen/common/sched/credit.c (sched_credit.c before Xen
 * 4.13), with one run queue shared by all pCPUs (Xen keeps one per pCPU and steals work between
 * them). Four clocks drive it (docs/sources.md, "Scheduling"):
 *
 * - Accounting, every 30 ms (csched_acct): pCPUs x 30 ms of credit are handed out to the VMs
 *   that were active, in proportion to their weights (default 256), no VM getting more than its
 *   active vCPUs (or its cap) could use; each VM's part is split evenly among its active vCPUs.
 *   Then every active vCPU's priority is set from its credit: UNDER with credit >= 0, OVER below
 *   (this also ends a BOOST). Credit is kept within one period's worth either way: below
 *   -30 ms it is raised to -30 ms; above +30 ms it is halved, as Xen does for a vCPU that has
 *   stopped using its credit. Weights are per VM, as in Xen 3.x; current Xen adds a VM's
 *   weight once per active vCPU ("Make weight per-vcpu", __csched_vcpu_acct_start).
 * - The tick, every 10 ms (csched_tick -> csched_vcpu_acct): the running vCPU's BOOST ends (it
 *   is using real CPU time, so it is no longer an I/O-bound sleeper). Nothing is preempted.
 * - The slice, 30 ms from when a vCPU was put on its pCPU: the vCPU goes back to the run queue
 *   behind the others of its priority (__runq_insert), and the head of the queue runs
 *   (csched_schedule). A vCPU that turns OVER keeps its pCPU until its slice ends.
 * - Wake-ups (csched_vcpu_wake): a waking vCPU that is UNDER becomes BOOST, goes into the queue
 *   ahead of UNDER and OVER vCPUs, and tickles (__runq_tickle): it takes an idle pCPU, or preempts
 *   a running vCPU of lower priority at once.
 *
 * Running vCPUs burn credit by the time they run (burn_credits). Xen's ratelimit (1 ms by
 * default since Xen 4.2), which delays a tickle until the current vCPU has run that long, is not
 * modelled: a BOOSTed vCPU preempts at the instant it wakes. Caps (percent of one CPU) are
 * enforced by the simulator for all policies (caps.ts).
 */
import { weightedWaterFill } from '../metrics.ts';
import type { SchedPolicy, SchedWorld } from '../world.ts';

/** Priorities, best first (Xen numbers them the other way: CSCHED_PRI_TS_BOOST 0, UNDER -1, OVER -2). */
export const BOOST = 0;
export const UNDER = 1;
export const OVER = 2;

export interface CreditParams {
	sliceUs: number;
	tickUs: number;
	accountingUs: number;
}

export class CreditScheduler implements SchedPolicy {
	readonly name = 'credit';
	/** Credit of each vCPU, in microseconds of CPU time (Xen counts 10 credits per ms). */
	readonly credit: Float64Array;
	readonly priority: Uint8Array;
	/** Runnable at some moment since the last accounting: takes part in the next hand-out. */
	private readonly active: Uint8Array;
	/** vCPUs that woke since the last decision, in order: each tickles once. */
	private readonly woken: number[] = [];
	private nextTick = 0;
	private nextAccounting = 0;

	constructor(
		private readonly w: SchedWorld,
		private readonly params: CreditParams
	) {
		this.credit = new Float64Array(w.nV);
		// A new vCPU starts UNDER with no credit (csched_alloc_vdata).
		this.priority = new Uint8Array(w.nV).fill(UNDER);
		this.active = new Uint8Array(w.nV);
	}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
		if (this.priority[v] === UNDER) this.priority[v] = BOOST;
		this.woken.push(v);
	}

	charge(v: number, dt: number): void {
		this.credit[v] -= dt;
	}

	/** Head of the run queue: best priority, then longest waiting (FIFO within a priority). */
	private best(): number {
		return this.w.bestStartable((v) => this.priority[v]);
	}

	/** csched_acct: hand out credit by weight, then set UNDER or OVER from the credit. */
	private accounting(): void {
		const w = this.w;
		const period = this.params.accountingUs;
		const weights: number[] = [];
		const limits: number[] = [];
		const activeCount: number[] = [];
		for (const vm of w.vms) {
			let n = 0;
			for (const v of vm.vcpus) if (this.active[v] || w.runnable[v]) n++;
			activeCount.push(n);
			weights.push(n > 0 ? vm.weight : 0);
			// A VM cannot use more than its active vCPUs, nor more than its cap.
			limits.push(vm.cap > 0 ? Math.min(n, vm.cap) : n);
		}
		const shares = weightedWaterFill(weights, limits, w.nP);
		w.vms.forEach((vm, i) => {
			if (activeCount[i] === 0) return;
			const perVcpu = (shares[i] * period) / activeCount[i];
			for (const v of vm.vcpus) {
				if (!(this.active[v] || w.runnable[v])) continue;
				let c = this.credit[v] + perVcpu;
				if (c < -period) c = -period; // "Lower bound on credits"
				if (c > period) c /= 2; // "Upper bound on credits means VCPU stops earning"
				this.credit[v] = c;
				this.priority[v] = c >= 0 ? UNDER : OVER;
			}
		});
		this.active.fill(0);
	}

	/** csched_tick: a running vCPU found at the tick loses its BOOST. */
	private tick(): void {
		const w = this.w;
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v >= 0 && this.priority[v] === BOOST) this.priority[v] = UNDER;
		}
	}

	/**
	 * __runq_tickle: a waking vCPU takes an idle pCPU, else preempts the running vCPU of the
	 * worst priority (the longest running among equals) if its own priority is strictly better.
	 */
	private tickle(v: number): void {
		const w = this.w;
		let victim = -1;
		for (let p = 0; p < w.nP; p++) {
			const u = w.current[p];
			if (u < 0) {
				w.start(p, v);
				return;
			}
			if (victim < 0) {
				victim = p;
				continue;
			}
			const worst = w.current[victim];
			if (
				this.priority[u] > this.priority[worst] ||
				(this.priority[u] === this.priority[worst] && w.startedAt[u] < w.startedAt[worst])
			) {
				victim = p;
			}
		}
		if (victim >= 0 && this.priority[w.current[victim]] > this.priority[v]) w.start(victim, v);
	}

	schedule(): void {
		const w = this.w;
		const { tickUs, accountingUs, sliceUs } = this.params;
		for (let v = 0; v < w.nV; v++) if (w.runnable[v]) this.active[v] = 1;
		while (w.now >= this.nextAccounting) {
			this.accounting();
			this.nextAccounting += accountingUs;
		}
		while (w.now >= this.nextTick) {
			this.tick();
			this.nextTick += tickUs;
		}
		for (const v of this.woken) if (w.canStart(v)) this.tickle(v);
		this.woken.length = 0;
		// Slice end: the running vCPU goes behind the waiting ones of its priority.
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v < 0 || w.now - w.startedAt[v] < sliceUs) continue;
			const next = this.best();
			if (next >= 0 && this.priority[next] <= this.priority[v]) w.start(p, next);
			else w.startedAt[v] = w.now; // nobody as good waits: a fresh slice
		}
		w.fillIdle(() => this.best());
	}
}
