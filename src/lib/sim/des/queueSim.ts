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
 */
import type { Distribution } from '../distributions.ts';
import { formatLimit, MAX_CUSTOMERS, MAX_SEED, MAX_SERVERS } from '../limits.ts';
import { Random } from '../random.ts';
import { fail, ok, type Result } from '../result.ts';
import {
	AdaptiveBatchMeans,
	BatchMeans,
	MIN_BATCHES,
	type ConfidenceInterval,
	type IntervalWarning
} from './batchMeans.ts';
import { EventList } from './eventList.ts';

export interface CustomerClass {
	interarrival: Distribution;
	service: Distribution;
}

export interface QueueSimConfig {
	/** One entry per class, highest priority first. One entry = a single-class queue. */
	classes: CustomerClass[];
	/** Number of servers c (default 1). */
	servers?: number;
	/** Maximum number in the system K, counting those in service (default: unlimited). */
	capacity?: number;
	/** Departures to simulate, warm-up included. */
	customers: number;
	/** Departures deleted at the start (default: 10% of customers). */
	warmup?: number;
	/**
	 * Number of batches for the confidence interval, MIN_BATCHES..1000. Default: none fixed; the
	 * batch size is chosen from the run (AdaptiveBatchMeans).
	 */
	batches?: number;
	seed: number;
	/** Optional histogram of response times: `bins` bins of width `binWidth` (last bin open). */
	histogram?: { binWidth: number; bins: number };
}

export interface ClassStats {
	customers: number;
	W: number;
	Wq: number;
}

export interface QueueSimResult {
	/** Mean response time of the customers after warm-up. */
	W: number;
	/** 95% batch-means confidence interval on W, [low, high]; null when there is none (see ciWarning). */
	Wci: [number, number] | null;
	/** The full interval (null with fewer than MIN_BATCHES complete batches). */
	ci: ConfidenceInterval | null;
	/** Why there is no interval, or why it should not be trusted; null when it passed every check. */
	ciWarning: IntervalWarning | null;
	Wq: number;
	/** Time-average number in system and in queue. */
	L: number;
	Lq: number;
	/** Fraction of time a server is busy (busy servers / c). */
	utilization: number;
	/** Departures per unit time after warm-up. */
	throughput: number;
	/** Fraction of arrivals lost because the system was full (after warm-up). */
	blocking: number;
	/** Customers served (departures), warm-up included. */
	customers: number;
	/** Customers measured: departures after warm-up. */
	measured: number;
	/** Events processed, warm-up included. */
	events: number;
	/** Simulated time at the end. */
	time: number;
	perClass: ClassStats[];
	histogram?: { binWidth: number; counts: number[] };
}

/** The last event processed, for animation. */
export interface QueueEvent {
	type: 'arrival' | 'blocked' | 'departure' | 'none';
	time: number;
	/** Class of the customer. */
	customerClass: number;
	/** Server that started or finished serving (departures and arrivals served at once); -1 otherwise. */
	server: number;
	/** Response time of the departing customer (departures only). */
	responseTime: number;
}

/** A snapshot for animation: who is where right now. */
export interface QueueState {
	time: number;
	/** Waiting customers per class. */
	waiting: number[];
	/** Class of the customer at each server, -1 when idle. */
	serverClass: number[];
	departures: number;
	events: number;
	done: boolean;
}

export function validateQueueConfig(config: QueueSimConfig): Result<true> {
	if (!Array.isArray(config.classes) || config.classes.length === 0) {
		return fail('classes', 'classes must list at least one customer class');
	}
	const c = config.servers ?? 1;
	if (!Number.isInteger(c) || c < 1 || c > MAX_SERVERS) {
		return fail('c', `c (servers) must be an integer in 1..${formatLimit(MAX_SERVERS)} (got ${c})`);
	}
	if (
		config.capacity !== undefined &&
		(!Number.isInteger(config.capacity) || config.capacity < c)
	) {
		return fail('k', `k (capacity) must be an integer >= c = ${c} (got ${config.capacity})`);
	}
	// The run takes about two events per customer: bounded so that a typo does not run for hours.
	const customers = config.customers;
	if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
		return fail(
			'customers',
			`customers must be an integer in 1..${formatLimit(MAX_CUSTOMERS)} (got ${customers})`
		);
	}
	const warmup = config.warmup ?? Math.floor(config.customers / 10);
	if (!Number.isInteger(warmup) || warmup < 0 || warmup >= config.customers) {
		return fail('warmup', `warmup must be an integer in 0..customers-1 (got ${warmup})`);
	}
	const batches = config.batches;
	if (
		batches !== undefined &&
		(!Number.isInteger(batches) || batches < MIN_BATCHES || batches > 1000)
	) {
		return fail('batches', `batches must be an integer in ${MIN_BATCHES}..1000 (got ${batches})`);
	}
	// The generator keeps 32 bits of the seed; a larger one would silently repeat a smaller one.
	if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > MAX_SEED) {
		return fail(
			'seed',
			`seed must be an integer in 0..${formatLimit(MAX_SEED)} (got ${config.seed})`
		);
	}
	let arrivalRate = 0;
	for (let j = 0; j < config.classes.length; j++) {
		const { interarrival, service } = config.classes[j];
		if (!(interarrival.mean > 0 && Number.isFinite(interarrival.mean))) {
			return fail(
				`classes[${j}].interarrival`,
				`classes[${j}].interarrival must have a finite mean > 0`
			);
		}
		if (!(service.mean >= 0 && Number.isFinite(service.mean))) {
			return fail(`classes[${j}].service`, `classes[${j}].service must have a finite mean >= 0`);
		}
		arrivalRate += 1 / interarrival.mean;
	}
	// A double carries about 16 significant digits: at simulated time T it cannot tell apart
	// instants closer than T x 2.2e-16. The clock runs to about customers / (arrival rate); if a
	// service time is not resolved there to a thousandth, response times round away (W = 0 when
	// lambda = 1e-300 and mu = 1).
	const horizon = customers / arrivalRate;
	for (const { service } of config.classes) {
		if (service.mean > 0 && horizon * Number.EPSILON > 1e-3 * service.mean) {
			return fail(
				'customers',
				`customers: the clock would reach about ${horizon.toPrecision(3)} ` +
					`(customers x mean interarrival time), where a double cannot resolve service times ` +
					`of about ${service.mean.toPrecision(3)}; use fewer customers or rates closer together`
			);
		}
	}
	const h = config.histogram;
	if (h && (!(h.binWidth > 0) || !Number.isInteger(h.bins) || h.bins < 1 || h.bins > 1e6)) {
		return fail(
			'histogram',
			'histogram needs binWidth > 0 and an integer number of bins in 1..1e6'
		);
	}
	return ok(true);
}

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
		const now = this.events.time;
		const measured = Math.max(0, this.departures - this.warmup);
		const { ci, warning } = this.batch.estimate(0.95);
		const W = measured > 0 ? this.sumW / measured : 0;
		const elapsed = now - this.measureStart;
		const L = elapsed > 0 ? this.areaInSystem / elapsed : this.inSystem;
		const busy = elapsed > 0 ? this.areaBusy / elapsed : this.c - this.freeCount;
		const perClass: ClassStats[] = [];
		for (let j = 0; j < this.classes.length; j++) {
			const n = this.classCount[j];
			perClass.push({
				customers: n,
				W: n > 0 ? this.classSumW[j] / n : 0,
				Wq: n > 0 ? this.classSumWq[j] / n : 0
			});
		}
		const result: QueueSimResult = {
			W,
			Wci: ci ? [ci.low, ci.high] : null,
			ci,
			ciWarning: warning,
			Wq: measured > 0 ? this.sumWq / measured : 0,
			L,
			Lq: Math.max(0, L - busy),
			utilization: busy / this.c,
			throughput: elapsed > 0 ? measured / elapsed : 0,
			blocking: this.arrivalsMeasured > 0 ? this.blockedMeasured / this.arrivalsMeasured : 0,
			customers: this.departures,
			measured,
			events: this.eventCount,
			time: now,
			perClass
		};
		if (this.counts) {
			result.histogram = { binWidth: this.binWidth, counts: Array.from(this.counts) };
		}
		return result;
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
