/**
 * A credit2-like scheduler, after Xen's sched/credit2.c (Xen's default since 4.12,
 * docs/sources.md): every vCPU starts with CREDIT_INIT (10 ms) of credit and burns it while
 * running, faster the lower its weight (burn rate = max weight / weight). The runnable vCPU with
 * the most credit runs; when the best candidate has no credit left, all vCPUs are given CREDIT_INIT
 * more (at most CREDIT_INIT). A running vCPU is preempted when a waiting one has more credit, but
 * only after it ran the ratelimit (1 ms); after the longest slice (10 ms) the choice is made again.
 * No BOOST: a vCPU that slept kept its credit, which is what gives I/O-bound vCPUs low latency.
 * Weights here are per vCPU, as in credit2 (a domain's weight applies to each of its vCPUs).
 */
import type { SchedPolicy, SchedWorld } from '../world.ts';

export interface Credit2Params {
	creditInitUs: number;
	minSliceUs: number;
	maxSliceUs: number;
	ratelimitUs: number;
}

export class Credit2Scheduler implements SchedPolicy {
	readonly name = 'credit2';
	readonly credit: Float64Array;
	private readonly burnRate: Float64Array;

	constructor(
		private readonly w: SchedWorld,
		private readonly params: Credit2Params
	) {
		this.credit = new Float64Array(w.nV).fill(params.creditInitUs);
		this.burnRate = new Float64Array(w.nV);
		const maxWeight = Math.max(...w.vms.map((vm) => vm.weight));
		for (let v = 0; v < w.nV; v++) this.burnRate[v] = maxWeight / w.vms[w.vmOf[v]].weight;
	}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
	}

	charge(v: number, dt: number): void {
		this.credit[v] -= dt * this.burnRate[v];
	}

	/** Most credit first, then longest waiting. */
	private best(): number {
		return this.w.bestStartable((v) => -this.credit[v]);
	}

	private resetIfExhausted(): void {
		const w = this.w;
		let top = -Infinity;
		for (let v = 0; v < w.nV; v++) {
			if (w.where[v] >= 0 || w.canStart(v)) top = Math.max(top, this.credit[v]);
		}
		if (top === -Infinity || top > 0) return;
		const init = this.params.creditInitUs;
		for (let v = 0; v < w.nV; v++) this.credit[v] = Math.min(init, this.credit[v] + init);
	}

	schedule(): void {
		const w = this.w;
		const { minSliceUs, maxSliceUs, ratelimitUs } = this.params;
		this.resetIfExhausted();
		const minRun = Math.max(minSliceUs, ratelimitUs);
		// Preempt the running vCPU with the least credit while a waiting one has more.
		for (;;) {
			const next = this.best();
			if (next < 0) break;
			let victim = -1;
			for (let p = 0; p < w.nP; p++) {
				const v = w.current[p];
				if (v < 0) {
					victim = p;
					break;
				}
				const ran = w.now - w.startedAt[v];
				const mayPreempt =
					(ran >= minRun && this.credit[v] < this.credit[next]) ||
					(ran >= maxSliceUs && this.credit[v] <= this.credit[next]);
				if (mayPreempt && (victim < 0 || this.credit[v] < this.credit[w.current[victim]]))
					victim = p;
			}
			if (victim < 0) break;
			w.start(victim, next);
		}
		// A vCPU that used its longest slice with nobody better waiting simply continues.
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v >= 0 && w.now - w.startedAt[v] >= maxSliceUs) w.startedAt[v] = w.now;
		}
	}
}
