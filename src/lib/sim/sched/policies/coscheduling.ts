/**
 * Co-scheduling, for VMs whose vCPUs synchronise (spinlocks, barriers):
 *
 * Strict (gang scheduling, Ousterhout 1982, as in VMware ESX 2.x): a VM runs only with all its
 * vCPUs on pCPUs at once. At every slice boundary the gangs are planned afresh, least-served first
 * (CPU time / weight), as long as all their vCPUs fit on free pCPUs; a planned gang keeps its
 * pCPUs for the slice even while one of its vCPUs is idle, so that a waking sibling runs at once.
 * Between boundaries the plan adapts: a gang whose vCPUs have all blocked gives its pCPUs back,
 * and a gang that wakes (or was left out) starts at once if free pCPUs hold it whole. pCPUs stand
 * idle only when no waiting gang fits on them whole (fragmentation): no lock holder is ever
 * preempted alone, but the policy is not work-conserving.
 *
 * Relaxed (after VMware ESX 4's relaxed co-scheduling): vCPUs are scheduled one by one,
 * least-served VM first, but the simulator tracks each vCPU's progress (time running or idle).
 * A vCPU that gets more than the skew threshold ahead of its slowest sibling is co-stopped until
 * the laggard has caught up to within half the threshold. Idle vCPUs never hold siblings back.
 */
import type { SchedPolicy, SchedWorld } from '../world.ts';

export class StrictCoscheduler implements SchedPolicy {
	readonly name = 'cosched-strict';
	private readonly usage: Float64Array;
	/** VM owning each pCPU, -1 when free. */
	readonly owner: Int32Array;
	/** pCPU reserved for each vCPU, -1 when its VM is not scheduled. */
	private readonly slot: Int32Array;
	private nextPlan = 0;

	constructor(
		private readonly w: SchedWorld,
		private readonly sliceUs: number
	) {
		this.usage = new Float64Array(w.vms.length);
		this.owner = new Int32Array(w.nP).fill(-1);
		this.slot = new Int32Array(w.nV).fill(-1);
	}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
	}

	charge(v: number, dt: number): void {
		this.usage[this.w.vmOf[v]] += dt;
	}

	private scheduled(vm: number): boolean {
		return this.slot[this.w.vms[vm].vcpus[0]] >= 0;
	}

	/** A gang that wants to run: some vCPU runnable, and its cap lets all of them run. */
	private wantsToRun(vm: number): boolean {
		const w = this.w;
		const info = w.vms[vm];
		return info.vcpus.some((v) => w.runnable[v]) && info.vcpus.length <= w.capSlots[vm];
	}

	/** Takes a gang off its pCPUs and frees them. */
	private release(vm: number): void {
		const w = this.w;
		for (const v of w.vms[vm].vcpus) {
			const p = this.slot[v];
			if (p < 0) continue;
			if (w.current[p] === v) w.stop(p);
			this.owner[p] = -1;
			this.slot[v] = -1;
		}
	}

	/** Reserves free pCPUs for all of a gang's vCPUs. */
	private reserve(vm: number): void {
		let p = 0;
		for (const v of this.w.vms[vm].vcpus) {
			while (this.owner[p] >= 0) p++;
			this.owner[p] = vm;
			this.slot[v] = p;
		}
	}

	private freePcpus(): number {
		let free = 0;
		for (let p = 0; p < this.w.nP; p++) if (this.owner[p] < 0) free++;
		return free;
	}

	/** Gangs that want to run, least served (CPU time per unit of weight) first. */
	private candidates(): number[] {
		const w = this.w;
		return w.vms
			.map((_, i) => i)
			.filter((i) => this.wantsToRun(i))
			.sort((a, b) => this.usage[a] / w.vms[a].weight - this.usage[b] / w.vms[b].weight || a - b);
	}

	/**
	 * At a slice boundary: the least-served gangs that fit, in order. No backfilling past a gang
	 * that does not fit, or small VMs could starve wide ones. Gangs chosen again keep their pCPUs.
	 */
	private plan(): void {
		const chosen = new Set<number>();
		let free = this.w.nP;
		for (const i of this.candidates()) {
			const width = this.w.vms[i].vcpus.length;
			if (width > free) break;
			chosen.add(i);
			free -= width;
		}
		for (let i = 0; i < this.w.vms.length; i++) {
			if (this.scheduled(i) && !chosen.has(i)) this.release(i);
		}
		for (const i of chosen) if (!this.scheduled(i)) this.reserve(i);
	}

	/**
	 * Between boundaries: gangs with nothing left to run give their pCPUs back, and waiting gangs
	 * that fit on the free pCPUs whole start now (they only use pCPUs that would otherwise idle
	 * until the boundary, where everything is planned afresh).
	 */
	private adapt(): void {
		for (let i = 0; i < this.w.vms.length; i++) {
			if (this.scheduled(i) && !this.wantsToRun(i)) this.release(i);
		}
		let free = this.freePcpus();
		if (free === 0) return;
		for (const i of this.candidates()) {
			const width = this.w.vms[i].vcpus.length;
			if (this.scheduled(i) || width > free) continue;
			this.reserve(i);
			free -= width;
		}
	}

	schedule(): void {
		const w = this.w;
		if (w.now >= this.nextPlan) {
			while (this.nextPlan <= w.now) this.nextPlan += this.sliceUs;
			this.plan();
		} else this.adapt();
		// Members of a scheduled gang run on their reserved pCPU whenever runnable.
		for (let v = 0; v < w.nV; v++) {
			const p = this.slot[v];
			if (p >= 0 && w.where[v] < 0 && w.canStart(v) && w.current[p] < 0) w.start(p, v);
		}
	}
}

export class RelaxedCoscheduler implements SchedPolicy {
	readonly name = 'cosched-relaxed';
	private readonly usage: Float64Array;
	/** Progress of each vCPU: time it ran or was idle (not waiting for a pCPU). */
	readonly progress: Float64Array;
	/** Number of co-stop events. */
	coStops = 0;

	constructor(
		private readonly w: SchedWorld,
		private readonly sliceUs: number,
		private readonly skewThresholdUs: number
	) {
		this.usage = new Float64Array(w.vms.length);
		this.progress = new Float64Array(w.nV);
	}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
	}

	charge(v: number, dt: number): void {
		this.usage[this.w.vmOf[v]] += dt;
	}

	/** Time passed: running and idle vCPUs make progress; those waiting for a pCPU do not. */
	elapse(dt: number): void {
		const w = this.w;
		for (let v = 0; v < w.nV; v++) if (!w.isWaiting(v)) this.progress[v] += dt;
	}

	/** How served a VM is: CPU time per unit of weight (least served runs first). */
	private served(v: number): number {
		const vm = this.w.vmOf[v];
		return this.usage[vm] / this.w.vms[vm].weight;
	}

	/** Least served (usage over weight) first, then longest waiting. */
	private best(): number {
		return this.w.bestStartable((v) => this.served(v));
	}

	schedule(): void {
		const w = this.w;
		// Co-stop vCPUs too far ahead of their slowest sibling; co-start them when it catches up.
		for (const vm of w.vms) {
			if (vm.vcpus.length < 2) continue;
			let slowest = Infinity;
			for (const v of vm.vcpus) slowest = Math.min(slowest, this.progress[v]);
			for (const v of vm.vcpus) {
				const lead = this.progress[v] - slowest;
				if (!w.held[v] && lead > this.skewThresholdUs) {
					w.held[v] = 1;
					this.coStops++;
					if (w.where[v] >= 0) w.stop(w.where[v]);
				} else if (w.held[v] && lead <= this.skewThresholdUs / 2) {
					w.held[v] = 0;
				}
			}
		}
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v < 0 || w.now - w.startedAt[v] < this.sliceUs) continue;
			const next = this.best();
			if (next >= 0 && this.served(next) <= this.served(v)) w.start(p, next);
			else w.startedAt[v] = w.now;
		}
		w.fillIdle(() => this.best());
	}
}
