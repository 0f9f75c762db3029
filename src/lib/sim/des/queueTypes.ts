/**
 * The shapes of the queue simulator (queueSim.ts): its configuration, its result, and the event
 * and state snapshots it gives to animations. Kept apart so that validation, result building and
 * the engine share one definition, and so that pages can import the types without the engine.
 */
import type { Distribution } from '../distributions.ts';
import type { ConfidenceInterval, IntervalWarning } from './batchMeans.ts';

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
