/**
 * What each vCPU does, as a small state machine advanced by the simulator: when it is runnable,
 * and what a stretch of CPU time accomplishes. Times are exact (microseconds as floating-point
 * numbers): a piece of work ends at the instant its CPU time runs out, not at the next step of the
 * simulation, and a wake-up happens when the I/O completes or the request arrives. The simulator
 * asks `nextEventAt` when that is and never runs a vCPU past it, so each call to `run` finishes at
 * most one piece of work, exactly at its end. All randomness comes from the vCPU's own stream, so
 * a configuration and a seed always give the same run.
 */
import type { Random } from '../random.ts';
import type { SchedConfig, Workload } from './config.ts';

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

/**
 * Slack for floating-point sums (us): a piece whose remaining CPU time is below it is finished.
 * 1e-6 us is far below any time the model cares about and far above rounding errors of times up to
 * the longest run (600 s = 6e8 us, where doubles are exact to about 1e-7 us).
 */
export const TIME_EPSILON = 1e-6;

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
	/**
	 * request: arrivals draw from a stream of their own, so that every policy sees the same
	 * requests at the same times whatever order service times are drawn in (common random numbers:
	 * differences between policies are then the policies' and not the dice's).
	 */
	private readonly arrivalRng: Random;
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
		this.arrivalRng = rng.fork();
		switch (spec.type) {
			case 'cpu':
				this.remaining = Infinity;
				break;
			case 'io':
				this.remaining = this.exp(spec.burstMs * 1000);
				break;
			case 'request':
				this.phase = Phase.Blocked;
				this.nextArrival = this.exp(1e6 / spec.ratePerSecond, this.arrivalRng);
				this.wakeAt = this.nextArrival;
				break;
			case 'spinlock':
				this.remaining = this.exp(spec.workUs);
				break;
		}
	}

	private exp(mean: number, rng: Random = this.rng): number {
		return -Math.log(rng.uniformPositive()) * mean;
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

	/**
	 * When this workload next changes by itself: a blocked vCPU's wake-up, or, for a vCPU running
	 * since `now`, the end of its piece of work. Infinity when nothing is due (a CPU-bound vCPU, a
	 * spinner, which waits for the holder's release, or a vCPU waiting for a pCPU).
	 */
	nextEventAt(now: number, running: boolean): number {
		if (this.phase === Phase.Blocked) return this.wakeAt;
		if (!running || this.phase === Phase.Spin) return Infinity;
		return now + this.remaining;
	}

	/** request: queues the requests that have arrived by `now`. */
	private admitArrivals(now: number): void {
		const spec = this.spec;
		if (spec.type !== 'request') return;
		while (this.nextArrival <= now + TIME_EPSILON) {
			this.arrivals.push(this.nextArrival);
			this.nextArrival += this.exp(1e6 / spec.ratePerSecond, this.arrivalRng);
		}
		if (this.phase === Phase.Blocked) this.wakeAt = this.nextArrival;
	}

	/** Wakes a blocked vCPU whose I/O completed or whose next request arrived by `now`. Returns true on a wake-up. */
	arrive(now: number): boolean {
		if (this.phase !== Phase.Blocked || this.wakeAt > now + TIME_EPSILON) return false;
		const spec = this.spec;
		if (spec.type === 'io') {
			this.phase = Phase.Work;
			this.remaining = this.exp(spec.burstMs * 1000);
			this.wakeAt = Infinity;
			return true;
		}
		if (spec.type === 'request') {
			this.admitArrivals(now);
			if (this.queued === 0) return false;
			this.phase = Phase.Work;
			this.remaining = this.exp(spec.serviceMs * 1000);
			this.wakeAt = Infinity;
			return true;
		}
		return false;
	}

	/**
	 * Runs for dt microseconds of CPU, ending at `end` (never past `nextEventAt`). Returns how much
	 * of it was spent spinning.
	 */
	run(dt: number, end: number): number {
		switch (this.phase) {
			case Phase.Spin:
				return dt;
			case Phase.Hold:
				this.remaining -= dt;
				if (this.remaining <= TIME_EPSILON) {
					this.lock!.holder = -1;
					this.criticalSections++;
					this.phase = Phase.Work;
					this.remaining = this.exp((this.spec as { workUs: number }).workUs);
				}
				return 0;
			case Phase.Work:
				this.remaining -= dt;
				if (this.remaining <= TIME_EPSILON) this.finishWork(end);
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
			// Requests that arrived while this one was in service have queued behind it.
			this.admitArrivals(end);
			this.requestLatencies.push(end - this.arrivals[this.head++]);
			if (this.head > 1024 && this.head * 2 > this.arrivals.length) {
				this.arrivals.splice(0, this.head);
				this.head = 0;
			}
			if (this.queued > 0) this.remaining = this.exp(spec.serviceMs * 1000);
			else {
				this.phase = Phase.Blocked;
				this.wakeAt = this.nextArrival;
			}
		} else if (spec.type === 'spinlock') {
			this.phase = Phase.Spin;
			this.spinSince = end;
		}
	}

	/** Takes the lock if it is free and this vCPU spins for it. */
	tryAcquire(self: number): boolean {
		if (this.phase !== Phase.Spin || this.lock!.holder >= 0) return false;
		this.lock!.holder = self;
		this.phase = Phase.Hold;
		this.remaining = (this.spec as { holdUs: number }).holdUs;
		return true;
	}
}

/**
 * The workloads of every vCPU, in vCPU order, and one spinlock per VM that runs a spinlock
 * workload. Each vCPU draws from its own fork of the run's random stream.
 */
export function createWorkloads(
	config: SchedConfig,
	rng: Random
): { work: VcpuWorkload[]; locks: (SpinLock | null)[] } {
	const locks = config.vms.map((vm) => (vm.workload.type === 'spinlock' ? { holder: -1 } : null));
	const work: VcpuWorkload[] = [];
	config.vms.forEach((vm, i) => {
		for (let k = 0; k < vm.vcpus; k++)
			work.push(new VcpuWorkload(vm.workload, rng.fork(), locks[i]));
	});
	return { work, locks };
}
