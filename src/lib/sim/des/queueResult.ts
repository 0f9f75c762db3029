/**
 * The final statistics of a queue simulation (QueueSimResult) built from the running tallies the
 * engine keeps in its hot loop: means from sums, time averages from areas under the path since
 * the end of warm-up, the batch-means interval, per-class figures and the histogram. Kept apart
 * from queueSim.ts because it runs once per result, not once per event.
 */
import type { AdaptiveBatchMeans, BatchMeans } from './batchMeans.ts';
import type { ClassStats, QueueSimResult } from './queueTypes.ts';

/** The engine's tallies at the moment the result is asked for. */
export interface QueueTallies {
	/** Simulated time now. */
	now: number;
	/** Number of servers. */
	c: number;
	warmup: number;
	departures: number;
	events: number;
	inSystem: number;
	busyServers: number;
	/** Time the measurement started (end of warm-up), and the areas accumulated since then. */
	measureStart: number;
	areaInSystem: number;
	areaBusy: number;
	sumW: number;
	sumWq: number;
	/** Per class: customers measured, and sums of their response and waiting times. */
	classCount: Float64Array;
	classSumW: Float64Array;
	classSumWq: Float64Array;
	arrivalsMeasured: number;
	blockedMeasured: number;
	batch: BatchMeans | AdaptiveBatchMeans;
	binWidth: number;
	/** Histogram counts of response times, or null when no histogram was asked for. */
	counts: Float64Array | null;
}

export function buildQueueResult(t: QueueTallies): QueueSimResult {
	const now = t.now;
	const measured = Math.max(0, t.departures - t.warmup);
	const { ci, warning } = t.batch.estimate(0.95);
	const W = measured > 0 ? t.sumW / measured : 0;
	const elapsed = now - t.measureStart;
	const L = elapsed > 0 ? t.areaInSystem / elapsed : t.inSystem;
	const busy = elapsed > 0 ? t.areaBusy / elapsed : t.busyServers;
	const perClass: ClassStats[] = [];
	for (let j = 0; j < t.classCount.length; j++) {
		const n = t.classCount[j];
		perClass.push({
			customers: n,
			W: n > 0 ? t.classSumW[j] / n : 0,
			Wq: n > 0 ? t.classSumWq[j] / n : 0
		});
	}
	const result: QueueSimResult = {
		W,
		Wci: ci ? [ci.low, ci.high] : null,
		ci,
		ciWarning: warning,
		Wq: measured > 0 ? t.sumWq / measured : 0,
		L,
		Lq: Math.max(0, L - busy),
		utilization: busy / t.c,
		throughput: elapsed > 0 ? measured / elapsed : 0,
		blocking: t.arrivalsMeasured > 0 ? t.blockedMeasured / t.arrivalsMeasured : 0,
		customers: t.departures,
		measured,
		events: t.events,
		time: now,
		perClass
	};
	if (t.counts) {
		result.histogram = { binWidth: t.binWidth, counts: Array.from(t.counts) };
	}
	return result;
}
