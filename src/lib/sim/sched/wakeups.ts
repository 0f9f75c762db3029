/**
 * Wake-ups and blocks, at the instant they happen. A vCPU whose workload runs out of work (an I/O
 * burst ends, the last queued request is served) blocks and leaves its pCPU at once; a blocked
 * vCPU wakes when its I/O completes or a request arrives, and the policy hears of it through
 * `onWake`, as Xen's vcpu_wake and Linux's try_to_wake_up enter the scheduler. Handling them
 * exactly, rather than at the next step of the simulation, is what keeps waiting times unbiased:
 * rounding every wake-up and every completion up to a 50 us step added about 50 us to each
 * request (a 1 ms request at 500 per second reported 2.1 ms where M/M/1 gives 2.0 ms).
 *
 * The wake-up latency of a vCPU is the time from its wake-up to its first moment on a pCPU (what
 * a guest feels as scheduling delay).
 */
import type { VcpuWorkload } from './workloads.ts';
import type { SchedPolicy, SchedWorld } from './world.ts';

export class WakeUps {
	/** Wake-up time of each vCPU that has not run since it woke, else -1. */
	private readonly wokeAt: Float64Array;
	/** Wake-up latencies (us), per VM. */
	readonly latencies: number[][];
	/** vCPUs whose workload can block and wake (I/O and request workloads). */
	private readonly timed: Int32Array;

	constructor(
		private readonly w: SchedWorld,
		private readonly work: VcpuWorkload[],
		private readonly policy: SchedPolicy
	) {
		this.wokeAt = new Float64Array(w.nV).fill(-1);
		this.latencies = w.vms.map(() => []);
		this.timed = Int32Array.from(
			work.flatMap((x, v) => (x.spec.type === 'io' || x.spec.type === 'request' ? [v] : []))
		);
		for (let v = 0; v < w.nV; v++) w.runnable[v] = work[v].runnable ? 1 : 0;
	}

	/** The earliest time at or after `now` when some workload changes by itself (Infinity if none). */
	nextAt(now: number): number {
		const w = this.w;
		let next = Infinity;
		for (let v = 0; v < w.nV; v++) {
			const t = this.work[v].nextEventAt(now, w.where[v] >= 0);
			if (t < next) next = t;
		}
		return next;
	}

	/**
	 * Takes vCPUs that ran out of work off their pCPUs, then wakes those whose I/O completed or
	 * whose request arrived by `now`.
	 */
	update(now: number): void {
		const w = this.w;
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v >= 0 && !this.work[v].runnable) {
				w.runnable[v] = 0;
				w.stop(p);
			}
		}
		for (const v of this.timed) {
			if (w.runnable[v] === 1 || !this.work[v].arrive(now)) continue;
			w.runnable[v] = 1;
			w.waitingSince[v] = now;
			this.wokeAt[v] = now;
			this.policy.onWake(v);
		}
	}

	/** vCPU `v` is on a pCPU at `now`: if it has not run since it woke, its wake-up latency ends. */
	running(v: number, now: number): void {
		if (this.wokeAt[v] < 0) return;
		this.latencies[this.w.vmOf[v]].push(now - this.wokeAt[v]);
		this.wokeAt[v] = -1;
	}
}
