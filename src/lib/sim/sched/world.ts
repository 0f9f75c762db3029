/**
 * The state a scheduling policy sees and changes: which vCPUs are runnable, which runs on which
 * pCPU, and the caps. Time is in microseconds. A policy's `schedule` is called at the start of
 * every step of the simulation (its timers: ticks, slices, accounting) and again at the exact
 * instant of every wake-up and every block (a vCPU that finished its work or took a lock), as a
 * real scheduler is entered from its timer interrupt and from the wake-up and block paths; it may
 * start or stop vCPUs.
 */
export interface VmInfo {
	name: string;
	weight: number;
	/** Nice level of the VM's vCPU threads (CFS only; -20..19, default 0). */
	nice?: number;
	/** Cap as a fraction of one CPU (1.5 = 150%); 0 = no cap. */
	cap: number;
	/** Indices of its vCPUs. */
	vcpus: number[];
}

export class SchedWorld {
	readonly nP: number;
	readonly nV: number;
	readonly vms: VmInfo[];
	/** VM of each vCPU. */
	readonly vmOf: Int32Array;
	/** Index of each vCPU within its VM. */
	readonly indexInVm: Int32Array;
	/** 1 when the vCPU has work (running or waiting for a pCPU). */
	readonly runnable: Uint8Array;
	/** vCPU on each pCPU, -1 when idle. */
	readonly current: Int32Array;
	/** pCPU of each vCPU, -1 when not running. */
	readonly where: Int32Array;
	/** When the vCPU last started waiting for a pCPU (for FIFO order). */
	readonly waitingSince: Float64Array;
	/** When the vCPU was last put on a pCPU. */
	readonly startedAt: Float64Array;
	/** 1 while a policy holds the vCPU back although runnable (relaxed co-scheduling's co-stop). */
	readonly held: Uint8Array;
	/** vCPUs of each VM allowed to run in this step under its cap (Infinity without a cap). */
	readonly capSlots: Float64Array;
	/** vCPUs of each VM running now. */
	readonly runningInVm: Int32Array;
	/** Context switches (a vCPU put on a pCPU). */
	switches = 0;
	now = 0;
	/** Length of one simulation step (us): the granularity of the policies' timers. */
	readonly dt: number;

	constructor(nP: number, vms: VmInfo[], dt: number) {
		this.nP = nP;
		this.vms = vms;
		this.dt = dt;
		this.nV = vms.reduce((s, vm) => s + vm.vcpus.length, 0);
		this.vmOf = new Int32Array(this.nV);
		this.indexInVm = new Int32Array(this.nV);
		vms.forEach((vm, i) =>
			vm.vcpus.forEach((v, k) => {
				this.vmOf[v] = i;
				this.indexInVm[v] = k;
			})
		);
		this.runnable = new Uint8Array(this.nV);
		this.current = new Int32Array(nP).fill(-1);
		this.where = new Int32Array(this.nV).fill(-1);
		this.waitingSince = new Float64Array(this.nV);
		this.startedAt = new Float64Array(this.nV);
		this.held = new Uint8Array(this.nV);
		this.capSlots = new Float64Array(vms.length).fill(Infinity);
		this.runningInVm = new Int32Array(vms.length);
	}

	/** Runnable, not running, not held back, and its VM's cap leaves room. */
	canStart(v: number): boolean {
		return (
			this.runnable[v] === 1 &&
			this.where[v] < 0 &&
			this.held[v] === 0 &&
			this.runningInVm[this.vmOf[v]] < this.capSlots[this.vmOf[v]]
		);
	}

	/**
	 * The vCPU that may start now with the lowest `rank` (each policy's order: priority, vruntime,
	 * negated credit, …), ties going to the one waiting longest (FIFO); -1 if none may start.
	 */
	bestStartable(rank: (v: number) => number): number {
		let best = -1;
		let bestRank = Infinity;
		for (let v = 0; v < this.nV; v++) {
			if (!this.canStart(v)) continue;
			const r = rank(v);
			if (
				best < 0 ||
				r < bestRank ||
				(r === bestRank && this.waitingSince[v] < this.waitingSince[best])
			) {
				best = v;
				bestRank = r;
			}
		}
		return best;
	}

	/** Runnable and not running (whether or not it may start now). */
	isWaiting(v: number): boolean {
		return this.runnable[v] === 1 && this.where[v] < 0;
	}

	start(p: number, v: number): void {
		if (this.current[p] >= 0) this.stop(p);
		this.current[p] = v;
		this.where[v] = p;
		this.startedAt[v] = this.now;
		this.runningInVm[this.vmOf[v]]++;
		this.switches++;
	}

	/** Takes the vCPU off pCPU p; if still runnable it starts waiting now. */
	stop(p: number): void {
		const v = this.current[p];
		if (v < 0) return;
		this.current[p] = -1;
		this.where[v] = -1;
		this.runningInVm[this.vmOf[v]]--;
		this.waitingSince[v] = this.now;
	}

	/** The first idle pCPU, or -1. */
	idlePcpu(): number {
		for (let p = 0; p < this.nP; p++) if (this.current[p] < 0) return p;
		return -1;
	}

	/** Fills idle pCPUs with `pick()` until it returns -1 or no pCPU is idle. */
	fillIdle(pick: () => number): void {
		for (let p = 0; p < this.nP; p++) {
			if (this.current[p] >= 0) continue;
			const v = pick();
			if (v < 0) return;
			this.start(p, v);
		}
	}
}

/** The interface every policy implements. */
export interface SchedPolicy {
	readonly name: string;
	/** A vCPU became runnable (woke up). */
	onWake(v: number): void;
	/** A running vCPU ran for `dt` microseconds (called for each stretch between decisions). */
	charge(v: number, dt: number): void;
	/** Decide what runs from now on: stop and start vCPUs on pCPUs. */
	schedule(): void;
	/** Optional: `dt` microseconds passed with the current assignment (relaxed co-scheduling's progress). */
	elapse?(dt: number): void;
}
