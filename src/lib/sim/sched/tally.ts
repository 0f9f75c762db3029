/**
 * The time-based statistics of a run, summed over the stretches between decisions (during which
 * nothing changes): CPU time, steal time and capped time per vCPU, busy pCPU time, the
 * time-average number of runnable vCPUs, and pCPU time left idle while a vCPU that was allowed to
 * run waited.
 *
 * - Time runnable but not running is split by its cause. **Capped** time is time the vCPU's own
 *   VM's cap held it back (its budget for the period was spent, or covered fewer vCPUs than were
 *   waiting); **steal** is the rest, time it waited although its cap would have let it run, because
 *   other vCPUs held the pCPUs (or the policy chose them). Where a VM has k vCPUs waiting and its
 *   cap leaves room for r < k more to run, each waiting vCPU counts (k - r) / k of the stretch as
 *   capped and r / k as steal. A Linux guest would see both as %steal: Xen parks a capped vCPU by
 *   pausing it, and Linux's xen_steal_clock adds the "offline" (paused) runstate to "runnable"
 *   (drivers/xen/time.c); VMware's esxtop reports the capped part on its own as %MLMTD.
 * - Idle-while-waiting counts min(idle pCPUs, vCPUs that could start) over time. A
 *   work-conserving scheduler keeps it at 0; gang scheduling does not (Ousterhout 1982).
 */
import type { SchedWorld } from './world.ts';

export class Tally {
	/** CPU time of each vCPU (us). */
	readonly cpu: Float64Array;
	/** Steal time of each vCPU (us): waiting for a pCPU although its cap allowed it to run. */
	readonly steal: Float64Array;
	/** Capped time of each vCPU (us): waiting because its own VM's cap held it back. */
	readonly capped: Float64Array;
	/** Busy pCPU time, summed over pCPUs (us). */
	busy = 0;
	/** pCPU time idle while a vCPU that could have started waited (us). */
	idleWhileWaiting = 0;
	/** Integral of the number of runnable vCPUs over time (us). */
	private runnableTime = 0;

	constructor(private readonly w: SchedWorld) {
		this.cpu = new Float64Array(w.nV);
		this.steal = new Float64Array(w.nV);
		this.capped = new Float64Array(w.nV);
	}

	/** The current state of the world lasted `dt` microseconds. */
	interval(dt: number): void {
		const w = this.w;
		let runnable = 0;
		for (let i = 0; i < w.vms.length; i++) {
			let waiting = 0;
			for (const v of w.vms[i].vcpus) {
				if (w.runnable[v] === 0) continue;
				runnable++;
				if (w.where[v] < 0) waiting++;
				else this.cpu[v] += dt;
			}
			if (waiting === 0) continue;
			const room = Math.max(0, w.capSlots[i] - w.runningInVm[i]);
			const cappedShare = (waiting - Math.min(waiting, room)) / waiting;
			for (const v of w.vms[i].vcpus) {
				if (!w.isWaiting(v)) continue;
				this.capped[v] += cappedShare * dt;
				this.steal[v] += (1 - cappedShare) * dt;
			}
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
