/**
 * The VMs' spinlocks, and what spinning costs. A vCPU that wants a taken lock spins, burning CPU;
 * a free lock goes to the running spinner that has spun longest (a ticket lock's FIFO order, as
 * Linux's spinlocks have been since 2.6.25). Only a vCPU on a pCPU can take a lock: a spinner that
 * is descheduled is not executing its spin loop.
 *
 * Spin time is lost to lock-holder preemption when the holder is runnable but descheduled: the
 * spinners then wait for a vCPU that cannot release the lock until the hypervisor runs it again
 * (Uhlig et al., VM'04, docs/sources.md).
 */
import { Phase, type SpinLock, type VcpuWorkload } from './workloads.ts';
import type { SchedWorld } from './world.ts';

export class SpinLocks {
	/** Time each vCPU spent spinning (us). */
	readonly spin: Float64Array;
	/** The part of it while the lock holder was descheduled. */
	readonly lost: Float64Array;

	constructor(
		private readonly w: SchedWorld,
		private readonly work: VcpuWorkload[],
		private readonly locks: (SpinLock | null)[]
	) {
		this.spin = new Float64Array(w.nV);
		this.lost = new Float64Array(w.nV);
	}

	/** Hands each free lock to the running spinner of its VM that has spun longest. */
	grant(): void {
		const w = this.w;
		for (let i = 0; i < w.vms.length; i++) {
			const lock = this.locks[i];
			if (!lock || lock.holder >= 0) continue;
			let first = -1;
			for (const v of w.vms[i].vcpus) {
				if (w.where[v] < 0 || this.work[v].phase !== Phase.Spin) continue;
				if (first < 0 || this.work[v].spinSince < this.work[first].spinSince) first = v;
			}
			if (first >= 0) this.work[first].tryAcquire(first);
		}
	}

	/** vCPU `v` spent `spun` us spinning: lost if its lock's holder was descheduled meanwhile. */
	record(v: number, spun: number): void {
		if (spun <= 0) return;
		this.spin[v] += spun;
		const lock = this.work[v].lock;
		if (lock && lock.holder >= 0 && this.w.where[lock.holder] < 0) this.lost[v] += spun;
	}
}
