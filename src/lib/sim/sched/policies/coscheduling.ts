/**
 * Co-scheduling, for VMs whose vCPUs synchronise (spinlocks, barriers):
 *
 * Strict (gang scheduling, as in early VMware ESX): a VM runs only with all its vCPUs on pCPUs at
 * once. At every slice boundary VMs are chosen, least-served first (CPU time / weight), as long as
 * all their vCPUs fit on free pCPUs; a chosen VM keeps its pCPUs for the slice even where a vCPU
 * is idle. No lock holder is ever preempted alone, but pCPUs idle (fragmentation): it is not
 * work-conserving.
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
	/** VM owning each pCPU for the current slice, -1 when free. */
	private readonly owner: Int32Array;
	/** pCPU reserved for each vCPU, -1 when its VM is not scheduled. */
	private readonly slot: Int32Array;

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

	private plan(): void {
		const w = this.w;
		for (let p = 0; p < w.nP; p++) w.stop(p);
		this.owner.fill(-1);
		this.slot.fill(-1);
		const order = w.vms
			.map((_, i) => i)
			.filter((i) => w.vms[i].vcpus.some((v) => w.runnable[v]))
			.sort((a, b) => this.usage[a] / w.vms[a].weight - this.usage[b] / w.vms[b].weight || a - b);
		let free = w.nP;
		let next = 0;
		for (const i of order) {
			const vm = w.vms[i];
			if (vm.vcpus.length > w.capSlots[i]) continue; // out of cap budget: skip this slice
			// No backfilling past a VM that does not fit: otherwise small VMs could starve wide ones.
			if (vm.vcpus.length > free) break;
			for (const v of vm.vcpus) {
				this.owner[next] = i;
				this.slot[v] = next++;
			}
			free -= vm.vcpus.length;
		}
	}

	schedule(): void {
		const w = this.w;
		if (w.now % this.sliceUs === 0) this.plan();
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

	/** Called by the simulator after each step: running and idle vCPUs make progress. */
	advanceProgress(dt: number): void {
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
