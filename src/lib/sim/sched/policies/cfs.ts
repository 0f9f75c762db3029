/**
 * A CFS-like scheduler (Linux's Completely Fair Scheduler before 6.6, kernel/sched/fair.c), with
 * one run queue shared by all pCPUs:
 * - each vCPU's virtual runtime grows as it runs, scaled by 256 / its weight, and the waiting vCPU
 *   with the smallest vruntime runs next;
 * - a VM is a control group: its weight is shared by its runnable vCPUs;
 * - a running vCPU keeps its pCPU for its slice, sched_latency x (its weight / runnable weight
 *   per pCPU), at least min_granularity; with sched_latency 6 ms, min_granularity 0.75 ms and
 *   wakeup granularity 1 ms, each times 1 + log2(min(ncpus, 8)) as Linux scales them
 *   (docs/sources.md, "Scheduling");
 * - a waking vCPU's vruntime is raised to at least min_vruntime - sched_latency / 2 (sleepers get
 *   a bounded bonus), and it preempts a running vCPU whose vruntime exceeds its own by more than
 *   the wakeup granularity.
 */
import type { SchedPolicy, SchedWorld } from '../world.ts';

export interface CfsParams {
	latencyUs: number;
	minGranularityUs: number;
	wakeupGranularityUs: number;
}

/** Linux's scaling factor for its scheduling tunables: 1 + log2(min(ncpus, 8)). */
export function cfsScale(ncpus: number): number {
	return 1 + Math.log2(Math.min(Math.max(ncpus, 1), 8));
}

export class CfsScheduler implements SchedPolicy {
	readonly name = 'cfs';
	readonly vruntime: Float64Array;
	private readonly weight: Float64Array;
	private minVruntime = 0;
	private readonly woken: number[] = [];
	private readonly latency: number;
	private readonly minGranularity: number;
	private readonly wakeupGranularity: number;

	constructor(
		private readonly w: SchedWorld,
		params: CfsParams
	) {
		this.vruntime = new Float64Array(w.nV);
		this.weight = new Float64Array(w.nV);
		const scale = cfsScale(w.nP);
		this.latency = params.latencyUs * scale;
		this.minGranularity = params.minGranularityUs * scale;
		this.wakeupGranularity = params.wakeupGranularityUs * scale;
	}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
		this.vruntime[v] = Math.max(this.vruntime[v], this.minVruntime - this.latency / 2);
		this.woken.push(v);
	}

	charge(v: number, dt: number): void {
		this.vruntime[v] += (dt * 256) / this.weight[v];
	}

	/** Smallest vruntime first, then longest waiting. */
	private best(): number {
		return this.w.bestStartable((v) => this.vruntime[v]);
	}

	/** Group weights: a VM's weight split among its runnable vCPUs; also min_vruntime. */
	private refresh(): number {
		const w = this.w;
		let total = 0;
		let minV = Infinity;
		for (const vm of w.vms) {
			let n = 0;
			for (const v of vm.vcpus) if (w.runnable[v]) n++;
			for (const v of vm.vcpus) {
				this.weight[v] = vm.weight / Math.max(1, n);
				if (w.runnable[v]) {
					total += this.weight[v];
					minV = Math.min(minV, this.vruntime[v]);
				}
			}
		}
		if (minV !== Infinity) this.minVruntime = Math.max(this.minVruntime, minV);
		return total;
	}

	schedule(): void {
		const w = this.w;
		const totalWeight = this.refresh();
		let runnable = 0;
		for (let v = 0; v < w.nV; v++) runnable += w.runnable[v];
		// The scheduling period stretches when more vCPUs share a pCPU than latency/min_gran.
		const perPcpu = runnable / w.nP;
		const period = Math.max(this.latency, perPcpu * this.minGranularity);
		const weightPerPcpu = totalWeight / w.nP;
		// Wake-up preemption.
		while (this.woken.length > 0) {
			const v = this.woken.shift()!;
			if (!w.canStart(v)) continue;
			const idle = w.idlePcpu();
			if (idle >= 0) {
				w.start(idle, v);
				continue;
			}
			let victim = -1;
			for (let p = 0; p < w.nP; p++) {
				if (victim < 0 || this.vruntime[w.current[p]] > this.vruntime[w.current[victim]])
					victim = p;
			}
			if (
				victim >= 0 &&
				this.vruntime[w.current[victim]] - this.vruntime[v] > this.wakeupGranularity
			) {
				w.start(victim, v);
			}
		}
		// Slice end: give the pCPU to the waiting vCPU with the smallest vruntime if it is behind.
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v < 0) continue;
			const slice = Math.max(
				this.minGranularity,
				(period * this.weight[v]) / Math.max(weightPerPcpu, 1e-9)
			);
			if (w.now - w.startedAt[v] < slice) continue;
			const next = this.best();
			// On a tie the waiting vCPU goes first, as the re-queued current lands right of it.
			if (next >= 0 && this.vruntime[next] <= this.vruntime[v]) w.start(p, next);
			else w.startedAt[v] = w.now;
		}
		w.fillIdle(() => this.best());
	}
}
