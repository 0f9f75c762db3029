/**
 * What each vCPU does, as a small state machine advanced by the simulator: when it is runnable,
 * and what a slice of CPU time accomplishes. All randomness comes from the vCPU's own stream, so
 * a configuration and a seed always give the same run.
 */
import type { Random } from '../random.ts';
import type { Workload } from './config.ts';

export const Phase = {
	/** Has CPU work (compute burst, request service, or code outside the lock). */
	Work: 0,
	/** Waiting for I/O or for the next request: not runnable. */
	Blocked: 1,
	/** Wants the VM's spinlock: runnable, burning CPU while it spins. */
	Spin: 2,
	/** Holds the spinlock. */
	Hold: 3
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** A VM-wide spinlock shared by its vCPUs. */
export interface SpinLock {
	holder: number;
}

export class VcpuWorkload {
	phase: Phase = Phase.Work;
	/** CPU time (us) left in the current piece of work or critical section. */
	remaining = 0;
	/** When a blocked vCPU wakes (us). */
	wakeAt = Infinity;
	/**
	 * request: arrival times (us) of requests at this vCPU; those from index `head` on are still
	 * queued (an index instead of shift(), which is O(n) when an overloaded queue grows long).
	 */
	private readonly arrivals: number[] = [];
	private head = 0;
	private nextArrival = Infinity;
	/** When the vCPU began spinning. */
	spinSince = 0;
	// Results.
	readonly requestLatencies: number[] = [];
	criticalSections = 0;
	burstsDone = 0;

	constructor(
		readonly spec: Workload,
		private readonly rng: Random,
		readonly lock: SpinLock | null
	) {
		switch (spec.type) {
			case 'cpu':
				this.remaining = Infinity;
				break;
			case 'io':
				this.remaining = this.exp(spec.burstMs * 1000);
				break;
			case 'request':
				this.phase = Phase.Blocked;
				this.nextArrival = this.exp(1e6 / spec.ratePerSecond);
				break;
			case 'spinlock':
				this.remaining = this.exp(spec.workUs);
				break;
		}
	}

	private exp(mean: number): number {
		return -Math.log(this.rng.uniformPositive()) * mean;
	}

	/** Requests waiting or in service. */
	get queued(): number {
		return this.arrivals.length - this.head;
	}

	/** Arrival time of the request at the head of the queue (request workloads). */
	get oldestArrival(): number {
		return this.queued > 0 ? this.arrivals[this.head] : Infinity;
	}

	get runnable(): boolean {
		return this.phase !== Phase.Blocked;
	}

	/** Time-driven changes at the start of a step: I/O completions and request arrivals. Returns true on a wake-up. */
	arrive(now: number): boolean {
		const spec = this.spec;
		if (spec.type === 'io') {
			if (this.phase === Phase.Blocked && this.wakeAt <= now) {
				this.phase = Phase.Work;
				this.remaining = this.exp(spec.burstMs * 1000);
				return true;
			}
			return false;
		}
		if (spec.type === 'request') {
			while (this.nextArrival <= now) {
				this.arrivals.push(this.nextArrival);
				this.nextArrival += this.exp(1e6 / spec.ratePerSecond);
			}
			if (this.phase === Phase.Blocked && this.queued > 0) {
				this.phase = Phase.Work;
				this.remaining = this.exp(spec.serviceMs * 1000);
				return true;
			}
		}
		return false;
	}

	/** Runs for dt microseconds of CPU, ending at `end`. Returns how much of it was spinning. */
	run(dt: number, end: number): number {
		switch (this.phase) {
			case Phase.Spin:
				return dt;
			case Phase.Hold:
				this.remaining -= dt;
				if (this.remaining <= 0) {
					this.lock!.holder = -1;
					this.criticalSections++;
					this.phase = Phase.Work;
					this.remaining = this.exp((this.spec as { workUs: number }).workUs);
				}
				return 0;
			case Phase.Work:
				this.remaining -= dt;
				if (this.remaining > 0) return 0;
				this.finishWork(end);
				return 0;
			default:
				return 0;
		}
	}

	private finishWork(end: number): void {
		const spec = this.spec;
		if (spec.type === 'io') {
			this.burstsDone++;
			this.phase = Phase.Blocked;
			this.wakeAt = end + this.exp(spec.ioMs * 1000);
		} else if (spec.type === 'request') {
			this.requestLatencies.push(end - this.arrivals[this.head++]);
			if (this.head > 1024 && this.head * 2 > this.arrivals.length) {
				this.arrivals.splice(0, this.head);
				this.head = 0;
			}
			if (this.queued > 0) this.remaining = this.exp(spec.serviceMs * 1000);
			else this.phase = Phase.Blocked;
		} else if (spec.type === 'spinlock') {
			this.phase = Phase.Spin;
			this.spinSince = end;
		}
	}

	/** Tries to take the lock (called for running spinners at the start of a step). */
	tryAcquire(self: number): boolean {
		if (this.phase !== Phase.Spin || this.lock!.holder >= 0) return false;
		this.lock!.holder = self;
		this.phase = Phase.Hold;
		this.remaining = (this.spec as { holdUs: number }).holdUs;
		return true;
	}
}
