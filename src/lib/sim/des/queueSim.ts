/**
 * A G/G/c queue simulated event by event: any interarrival and service distributions, c servers,
 * an optional capacity K (arrivals finding K customers in the system are lost), and priority
 * classes (class 0 is served first; non-preemptive; FIFO within a class).
 *
 * Statistics: per-customer response and waiting times (overall and per class), the time averages
 * of the number in system and of busy servers, the fraction of arrivals lost, and a 95%
 * confidence interval on the mean response time by batch means, with the batch size chosen from
 * the run unless a number of batches is given (batchMeans.ts). The interval is absent when there
 * are too few batches and carries a warning when its batches are still correlated or it is too
 * wide to trust. The first `warmup` departures and the time before the last of them are deleted,
 * so the empty-and-idle start does not bias the estimates.
 *
 * The hot loop allocates nothing: events live in a typed-array heap (EventList), waiting
 * customers are arrival times in a ring buffer per class, and servers are typed arrays. Event
 * codes: k >= 0 is a departure from server k, -1 - j an arrival of class j.
 *
 * The types live in queueTypes.ts, validation in queueConfig.ts and the final statistics in
 * queueResult.ts; this file re-exports them so importers need only this one.
 */
import { Random } from '../random.ts';
import { ok, type Result } from '../result.ts';
import { AdaptiveBatchMeans, BatchMeans } from './batchMeans.ts';
import { EventList } from './eventList.ts';
import { validateQueueConfig } from './queueConfig.ts';
import { buildQueueResult } from './queueResult.ts';
import type {
	CustomerClass,
	QueueEvent,
	QueueSimConfig,
	QueueSimResult,
	QueueState
} from './queueTypes.ts';

export { validateQueueConfig } from './queueConfig.ts';
export type {
	ClassStats,
	CustomerClass,
	QueueEvent,
	QueueSimConfig,
	QueueSimResult,
	QueueState
} from './queueTypes.ts';

export class QueueSimulation {
	private readonly rng: Random;
	private readonly events = new EventList(64);
	private readonly classes: CustomerClass[];
	private readonly c: number;
	private readonly capacity: number;
	private readonly target: number;
	private readonly warmup: number;
	// Waiting customers: one ring buffer of arrival times per class.
	private readonly queues: Float64Array[];
	private readonly heads: Int32Array;
	private readonly lengths: Int32Array;
	private waitingTotal = 0;
	// Servers: arrival and service-start time and class of the customer in service.
	private readonly serverArrival: Float64Array;
	private readonly serverStart: Float64Array;
	private readonly serverClass: Int32Array;
	private readonly freeServers: Int32Array;
	private freeCount: number;
	// Statistics.
	private inSystem = 0;
	private departures = 0;
	private eventCount = 0;
	private measuring: boolean;
	private sumW = 0;
	private sumWq = 0;
	private readonly classCount: Float64Array;
	private readonly classSumW: Float64Array;
	private readonly classSumWq: Float64Array;
	private arrivalsMeasured = 0;
	private blockedMeasured = 0;
	// Time averages, kept inline (area under the path since measureStart) because they change at
	// every event: this is the hot loop. (TimeAverage does the same for models that change less often.)
	private lastEventTime = 0;
	private areaInSystem = 0;
	private areaBusy = 0;
	private readonly batch: BatchMeans | AdaptiveBatchMeans;
	private readonly binWidth: number;
	private readonly counts: Float64Array | null;
	private measureStart = 0;
	// The last event, kept as plain fields so that the hot loop allocates nothing.
	private lastCode = 0;
	private lastBlocked = false;
	private lastServer = -1;
	private lastResponse = 0;
	private lastClass = -1;

	/** Use `createQueueSimulation`, which validates the configuration. */
	constructor(config: QueueSimConfig) {
		this.rng = new Random(config.seed);
		this.classes = config.classes;
		this.c = config.servers ?? 1;
		this.capacity = config.capacity ?? Infinity;
		this.target = config.customers;
		this.warmup = config.warmup ?? Math.floor(config.customers / 10);
		this.measuring = this.warmup === 0;
		const batches = config.batches;
		this.batch =
			batches === undefined
				? new AdaptiveBatchMeans()
				: new BatchMeans(Math.max(1, Math.floor((this.target - this.warmup) / batches)));
		const nClasses = this.classes.length;
		this.queues = Array.from({ length: nClasses }, () => new Float64Array(1024));
		this.heads = new Int32Array(nClasses);
		this.lengths = new Int32Array(nClasses);
		this.serverArrival = new Float64Array(this.c);
		this.serverStart = new Float64Array(this.c);
		this.serverClass = new Int32Array(this.c).fill(-1);
		this.freeServers = new Int32Array(this.c);
		for (let k = 0; k < this.c; k++) this.freeServers[k] = this.c - 1 - k;
		this.freeCount = this.c;
		this.classCount = new Float64Array(nClasses);
		this.classSumW = new Float64Array(nClasses);
		this.classSumWq = new Float64Array(nClasses);
		this.binWidth = config.histogram?.binWidth ?? 1;
		this.counts = config.histogram ? new Float64Array(config.histogram.bins) : null;
		for (let j = 0; j < nClasses; j++) {
			this.events.push(this.classes[j].interarrival.sample(this.rng), -1 - j);
		}
	}

	get done(): boolean {
		return this.departures >= this.target;
	}

	/** Processes up to `maxEvents` events (stops early when done); returns the number processed. */
	advance(maxEvents: number): number {
		const events = this.events;
		const rng = this.rng;
		const classes = this.classes;
		const c = this.c;
		let processed = 0;
		while (processed < maxEvents && this.departures < this.target) {
			const code = events.pop();
			const now = events.time;
			processed++;
			// Accumulate the time averages over the interval that just ended.
			const dt = now - this.lastEventTime;
			this.areaInSystem += this.inSystem * dt;
			this.areaBusy += (c - this.freeCount) * dt;
			this.lastEventTime = now;
			if (code < 0) {
				// Arrival of class j: schedule the next one, then serve, queue or lose this one.
				const j = -1 - code;
				const cls = classes[j];
				events.push(now + cls.interarrival.sample(rng), code);
				if (this.measuring) this.arrivalsMeasured++;
				this.lastCode = code;
				this.lastClass = j;
				this.lastBlocked = this.inSystem >= this.capacity;
				this.lastServer = -1;
				if (this.lastBlocked) {
					if (this.measuring) this.blockedMeasured++;
					continue;
				}
				this.inSystem++;
				if (this.freeCount > 0) {
					this.lastServer = this.freeServers[--this.freeCount];
					this.startService(this.lastServer, j, now, now);
				} else {
					this.enqueue(j, now);
				}
			} else {
				// Departure from server `code`.
				const j = this.serverClass[code];
				const arrival = this.serverArrival[code];
				this.lastCode = code;
				this.lastClass = j;
				this.lastServer = code;
				this.lastResponse = now - arrival;
				this.record(j, now - arrival, this.serverStart[code] - arrival);
				this.inSystem--;
				if (this.waitingTotal > 0) {
					let q = 0;
					while (this.lengths[q] === 0) q++;
					this.startService(code, q, this.dequeue(q), now);
				} else {
					this.serverClass[code] = -1;
					this.freeServers[this.freeCount++] = code;
				}
				if (++this.departures === this.warmup) this.startMeasuring(now);
			}
		}
		this.eventCount += processed;
		return processed;
	}

	/** Runs to the end and returns the statistics. */
	run(): QueueSimResult {
		while (!this.done) this.advance(1 << 20);
		return this.result();
	}

	lastEvent(): QueueEvent {
		if (this.eventCount === 0) {
			return { type: 'none', time: 0, customerClass: -1, server: -1, responseTime: 0 };
		}
		const departure = this.lastCode >= 0;
		return {
			type: departure ? 'departure' : this.lastBlocked ? 'blocked' : 'arrival',
			time: this.events.time,
			customerClass: this.lastClass,
			server: this.lastServer,
			responseTime: departure ? this.lastResponse : 0
		};
	}

	state(): QueueState {
		return {
			time: this.events.time,
			waiting: Array.from(this.lengths),
			serverClass: Array.from(this.serverClass),
			departures: this.departures,
			events: this.eventCount,
			done: this.done
		};
	}

	result(): QueueSimResult {
		return buildQueueResult({
			now: this.events.time,
			c: this.c,
			warmup: this.warmup,
			departures: this.departures,
			events: this.eventCount,
			inSystem: this.inSystem,
			busyServers: this.c - this.freeCount,
			measureStart: this.measureStart,
			areaInSystem: this.areaInSystem,
			areaBusy: this.areaBusy,
			sumW: this.sumW,
			sumWq: this.sumWq,
			classCount: this.classCount,
			classSumW: this.classSumW,
			classSumWq: this.classSumWq,
			arrivalsMeasured: this.arrivalsMeasured,
			blockedMeasured: this.blockedMeasured,
			batch: this.batch,
			binWidth: this.binWidth,
			counts: this.counts
		});
	}

	private startService(server: number, j: number, arrival: number, now: number): void {
		this.serverArrival[server] = arrival;
		this.serverStart[server] = now;
		this.serverClass[server] = j;
		this.events.push(now + this.classes[j].service.sample(this.rng), server);
	}

	private record(j: number, w: number, wq: number): void {
		if (!this.measuring) return;
		this.sumW += w;
		this.sumWq += wq;
		this.classCount[j]++;
		this.classSumW[j] += w;
		this.classSumWq[j] += wq;
		this.batch.add(w);
		const counts = this.counts;
		if (counts !== null) {
			const bin = Math.floor(w / this.binWidth);
			counts[bin < counts.length ? bin : counts.length - 1]++;
		}
	}

	private startMeasuring(now: number): void {
		this.measuring = true;
		this.measureStart = now;
		this.areaInSystem = 0;
		this.areaBusy = 0;
	}

	private enqueue(j: number, arrival: number): void {
		let q = this.queues[j];
		const len = this.lengths[j];
		if (len === q.length) {
			// Grow the ring buffer, unrolling it so the head is at 0.
			const bigger = new Float64Array(q.length * 2);
			const head = this.heads[j];
			bigger.set(q.subarray(head));
			bigger.set(q.subarray(0, head), q.length - head);
			this.queues[j] = q = bigger;
			this.heads[j] = 0;
		}
		q[(this.heads[j] + len) & (q.length - 1)] = arrival;
		this.lengths[j] = len + 1;
		this.waitingTotal++;
	}

	private dequeue(j: number): number {
		const q = this.queues[j];
		const head = this.heads[j];
		this.heads[j] = (head + 1) & (q.length - 1);
		this.lengths[j]--;
		this.waitingTotal--;
		return q[head];
	}
}

/** Validates the configuration and builds a simulation ready to `advance` or `run`. */
export function createQueueSimulation(config: QueueSimConfig): Result<QueueSimulation> {
	const v = validateQueueConfig(config);
	if (!v.ok) return v;
	return ok(new QueueSimulation(config));
}

/** Validates, runs to the end, and returns the statistics. */
export function simulateQueue(config: QueueSimConfig): Result<QueueSimResult> {
	const sim = createQueueSimulation(config);
	return sim.ok ? ok(sim.value.run()) : sim;
}
