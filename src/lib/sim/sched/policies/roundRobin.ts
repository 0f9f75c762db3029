/**
 * Round robin: one FIFO queue of runnable vCPUs shared by all pCPUs; each runs for a time slice
 * (default 30 ms) or until it blocks, then goes to the back of the queue. Weights are ignored:
 * every runnable vCPU gets the same share, so a VM's share grows with its number of vCPUs.
 */
import type { SchedPolicy, SchedWorld } from '../world.ts';

export class RoundRobin implements SchedPolicy {
	readonly name = 'rr';
	constructor(
		private readonly w: SchedWorld,
		private readonly sliceUs: number
	) {}

	onWake(v: number): void {
		this.w.waitingSince[v] = this.w.now;
	}

	charge(_v: number, _dt: number): void {}

	/** The waiting vCPU that has waited longest. */
	private oldest(): number {
		const w = this.w;
		let best = -1;
		for (let v = 0; v < w.nV; v++) {
			if (w.canStart(v) && (best < 0 || w.waitingSince[v] < w.waitingSince[best])) best = v;
		}
		return best;
	}

	schedule(): void {
		const w = this.w;
		for (let p = 0; p < w.nP; p++) {
			const v = w.current[p];
			if (v >= 0 && w.now - w.startedAt[v] >= this.sliceUs) {
				const next = this.oldest();
				if (next >= 0) {
					w.stop(p);
					w.start(p, next);
				} else {
					w.startedAt[v] = w.now; // nobody waits: a fresh slice
				}
			}
		}
		w.fillIdle(() => this.oldest());
	}
}
