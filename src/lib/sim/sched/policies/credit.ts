/**
 * Xen's credit scheduler (credit1), after xen/common/sched/credit.c, simplified to one run queue
 * shared by all pCPUs:
 * - Every accounting period (30 ms = 3 ticks) the VMs that used the CPU hand out credit:
 *   pCPUs x period in all, split by weight (default 256, docs/sources.md) among active VMs, no VM
 *   getting more than its vCPUs (or its cap) could use, then split evenly among its vCPUs.
 * - A running vCPU burns credit as it runs. Credit >= 0 means priority UNDER (a new vCPU starts
 *   UNDER with 0 credit, as in Xen), negative credit OVER;
 *   UNDER vCPUs run before OVER ones, FIFO within a priority.
 * - A vCPU waking from I/O with priority UNDER is BOOSTed: it preempts UNDER and OVER vCPUs at
 *   once, and loses the boost at the next 10 ms tick (docs/sources.md, "Scheduling").
 * - Slices are 30 ms (docs/sources.md); at each tick a waiting vCPU of better priority preempts.
 * Caps (percent of one CPU) are enforced by the simulator for all policies.
 */
import { weightedWaterFill } from '../metrics.ts';
import type { SchedPolicy, SchedWorld } from '../world.ts';

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
	readonly credit: Float64Array;
	readonly priority: Uint8Array;
	private readonly active: Uint8Array;
	private readonly woken: number[] = [];

	constructor(
		private readonly w: SchedWorld,
		private readonly params: CreditParams
	) {
		this.credit = new Float64Array(w.nV);
		this.priority = new Uint8Array(w.nV).fill(UNDER);
		this.active = new Uint8Array(w.nV);
	}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
		// UNDER becomes BOOST; a vCPU that blocked while still boosted keeps its boost.
		if (this.priority[v] === UNDER || this.priority[v] === BOOST) {
			this.priority[v] = BOOST;
			this.woken.push(v);
		}
	}

	charge(v: number, dt: number): void {
		this.credit[v] -= dt;
	}

	/** Best waiting vCPU: lowest priority number, then longest waiting. */
	private best(): number {
		return this.w.bestStartable((v) => this.priority[v]);
	}

	/** The running vCPU with the worst priority (longest running among equals), or -1. */
	private worstRunningPcpu(): number {
		const w = this.w;
		let worst = -1;
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v < 0) return p;
			if (worst < 0) {
				worst = p;
				continue;
			}
			const u = w.current[worst];
			if (
				this.priority[v] > this.priority[u] ||
				(this.priority[v] === this.priority[u] && w.startedAt[v] < w.startedAt[u])
			) {
				worst = p;
			}
		}
		return worst;
	}

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
				// Credit is bounded to one period either way, as Xen bounds it to one slice.
				this.credit[v] = Math.max(-period, Math.min(period, this.credit[v] + perVcpu));
				if (this.priority[v] !== BOOST) this.priority[v] = this.credit[v] >= 0 ? UNDER : OVER;
			}
		});
		this.active.fill(0);
	}

	private tick(): void {
		const w = this.w;
		for (let v = 0; v < w.nV; v++) {
			// A boosted vCPU that has run keeps the boost only until the tick.
			if (this.priority[v] === BOOST && w.where[v] < 0 && w.runnable[v]) continue;
			this.priority[v] = this.credit[v] >= 0 ? UNDER : OVER;
		}
	}

	/** Puts `v` on a pCPU, preempting the worst running vCPU if `v` has a better priority. */
	private preemptFor(v: number): boolean {
		const w = this.w;
		const p = this.worstRunningPcpu();
		if (p < 0) return false;
		const u = w.current[p];
		if (u >= 0 && this.priority[u] <= this.priority[v]) return false;
		w.start(p, v);
		return true;
	}

	schedule(): void {
		const w = this.w;
		const { tickUs, accountingUs, sliceUs } = this.params;
		for (let v = 0; v < w.nV; v++) if (w.runnable[v]) this.active[v] = 1;
		if (w.now % accountingUs === 0) this.accounting();
		const isTick = w.now % tickUs === 0;
		if (isTick) this.tick();
		// Wake-up preemption by BOOSTed vCPUs.
		while (this.woken.length > 0) {
			const v = this.woken.shift()!;
			if (w.canStart(v) && this.priority[v] === BOOST) this.preemptFor(v);
		}
		// Slice end: the current vCPU goes behind the waiting ones of its priority.
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v < 0 || w.now - w.startedAt[v] < sliceUs) continue;
			const next = this.best();
			if (next >= 0 && this.priority[next] <= this.priority[v]) w.start(p, next);
			else w.startedAt[v] = w.now;
		}
		// At a tick, a waiting vCPU of better priority than a running one takes its place.
		if (isTick) {
			for (;;) {
				const next = this.best();
				if (next < 0 || !this.preemptFor(next)) break;
			}
		}
		w.fillIdle(() => this.best());
	}
}
