/**
 * A CFS-like scheduler (Linux's Completely Fair Scheduler before 6.6, kernel/sched/fair.c), with
 * one run queue shared by all pCPUs:
 * - each vCPU's virtual runtime grows as it runs, scaled by NICE_0_LOAD (1024) / its load weight
 *   (calc_delta_fair), and the waiting vCPU with the smallest vruntime runs next;
 * - a vCPU thread's own weight comes from its nice level (sched_prio_to_weight, ../nice.ts);
 * - with cgroups (the default, as libvirt puts each VM in a cgroup of its own), a VM is a task
 *   group whose weight is the VM's weight, shared by its runnable vCPUs in proportion to their
 *   own weights; the VM weight is read as cgroup shares, the default 256 standing for cgroup v1's
 *   default cpu.shares of 1024. Without cgroups every vCPU thread competes by its nice weight
 *   alone, and a VM with more vCPUs gets more CPU;
 * - a running vCPU keeps its pCPU for its slice, sched_latency x (its weight / runnable weight
 *   per pCPU), at least min_granularity; with sched_latency 6 ms, min_granularity 0.75 ms and
 *   wakeup granularity 1 ms, each times 1 + ilog2(min(ncpus, 8)) as Linux scales them
 *   (docs/sources.md, "Scheduling");
 * - a waking vCPU's vruntime is raised to at least min_vruntime - sched_latency / 2 (sleepers get
 *   a bounded bonus), and it preempts a running vCPU whose vruntime exceeds its own by more than
 *   the wakeup granularity.
 */
import { NICE_0_WEIGHT, niceToWeight } from '../nice.ts';
import type { SchedPolicy, SchedWorld } from '../world.ts';

export interface CfsParams {
	latencyUs: number;
	minGranularityUs: number;
	wakeupGranularityUs: number;
	/** Each VM a cgroup weighted by the VM's weight (true), or vCPU threads weighted by nice alone. */
	cgroups?: boolean;
}

/** A VM weight of 256 (VirtLab's and Xen's default) stands for cgroup shares of 1024 (NICE_0_LOAD). */
export const SHARES_PER_VM_WEIGHT = NICE_0_WEIGHT / 256;

/**
 * Linux's scaling factor for its scheduling tunables under the default SCHED_TUNABLESCALING_LOG:
 * 1 + ilog2(min(ncpus, 8)), an integer (get_update_sysctl_factor in kernel/sched/fair.c), so 3
 * CPUs scale like 2 and 6 like 4.
 */
export function cfsScale(ncpus: number): number {
	return 1 + Math.floor(Math.log2(Math.min(Math.max(Math.floor(ncpus), 1), 8)));
}

export class CfsScheduler implements SchedPolicy {
	readonly name = 'cfs';
	readonly vruntime: Float64Array;
	/** Load weight of each vCPU as a scheduling entity (its VM's share when grouped). */
	readonly weight: Float64Array;
	/** Weight of each vCPU thread from its nice level. */
	private readonly threadWeight: Float64Array;
	private readonly cgroups: boolean;
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
		this.threadWeight = new Float64Array(w.nV);
		for (let v = 0; v < w.nV; v++) this.threadWeight[v] = niceToWeight(w.vms[w.vmOf[v]].nice ?? 0);
		this.cgroups = params.cgroups ?? true;
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
		this.vruntime[v] += (dt * NICE_0_WEIGHT) / this.weight[v];
	}

	/** Smallest vruntime first, then longest waiting. */
	private best(): number {
		return this.w.bestStartable((v) => this.vruntime[v]);
	}

	/**
	 * Entity weights (with cgroups, a VM's shares split among its runnable vCPUs in proportion to
	 * their nice weights); returns the total runnable weight, and updates min_vruntime.
	 */
	private refresh(): number {
		const w = this.w;
		let total = 0;
		let minV = Infinity;
		for (const vm of w.vms) {
			let threads = 0;
			for (const v of vm.vcpus) if (w.runnable[v]) threads += this.threadWeight[v];
			const shares = vm.weight * SHARES_PER_VM_WEIGHT;
			for (const v of vm.vcpus) {
				this.weight[v] = this.cgroups
					? (shares * this.threadWeight[v]) / Math.max(threads, this.threadWeight[v])
					: this.threadWeight[v];
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
