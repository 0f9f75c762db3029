/**
 * The time-based statistics of a run, summed over the stretches between decisions (during which
 * nothing changes): CPU time and steal time per vCPU, busy pCPU time, the time-average number of
 * runnable vCPUs, and pCPU time left idle while a vCPU that was allowed to run waited.
 *
 * - Steal time is time runnable but not running: what a paravirtualized guest reads as %steal
 *   (Xen's runstate "runnable", KVM's steal-time MSR).
 * - Idle-while-waiting counts min(idle pCPUs, vCPUs that could start) over time. A
 *   work-conserving scheduler keeps it at 0; gang scheduling does not (Ousterhout 1982).
 */
import type { SchedWorld } from './world.ts';

export class Tally {
	/** CPU time of each vCPU (us). */
	readonly cpu: Float64Array;
	/** Steal time of each vCPU (us). */
	readonly steal: Float64Array;
	/** Busy pCPU time, summed over pCPUs (us). */
	busy = 0;
	/** pCPU time idle while a vCPU that could have started waited (us). */
	idleWhileWaiting = 0;
	/** Integral of the number of runnable vCPUs over time (us). */
	private runnableTime = 0;

	constructor(private readonly w: SchedWorld) {
		this.cpu = new Float64Array(w.nV);
		this.steal = new Float64Array(w.nV);
	}

	/** The current state of the world lasted `dt` microseconds. */
	interval(dt: number): void {
		const w = this.w;
		let runnable = 0;
		for (let v = 0; v < w.nV; v++) {
			if (w.runnable[v] === 0) continue;
			runnable++;
			if (w.where[v] < 0) this.steal[v] += dt;
			else this.cpu[v] += dt;
		}
		this.runnableTime += runnable * dt;
		let idle = 0;
		for (let p = 0; p < w.nP; p++) if (w.current[p] < 0) idle++;
		this.busy += (w.nP - idle) * dt;
		if (idle > 0) this.idleWhileWaiting += Math.min(idle, this.startable()) * dt;
	}

	/** vCPUs waiting that their VM's cap would let start now. */
	private startable(): number {
		const w = this.w;
		let startable = 0;
		for (let i = 0; i < w.vms.length; i++) {
			let waiting = 0;
			for (const v of w.vms[i].vcpus) if (w.isWaiting(v)) waiting++;
			startable += Math.min(waiting, Math.max(0, w.capSlots[i] - w.runningInVm[i]));
		}
		return startable;
	}

	/** Time-average number of runnable vCPUs over a run of `durationUs`: the host's load average. */
	meanRunnable(durationUs: number): number {
		return this.runnableTime / durationUs;
	}
}
