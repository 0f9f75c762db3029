/**
 * Driving a QueueSimulation from the page: event by event, so that every departure can feed the
 * live histogram, and in bounded slices, so that a long run never blocks a frame.
 */
import type { QueueSimulation } from '../../sim/des/queueSim.ts';

export interface Tally {
	departures: number;
	sumResponse: number;
	/** Response-time histogram: counts per bin, the last bin open-ended. */
	counts: number[];
	binWidth: number;
}

export function emptyTally(binWidth: number, bins: number): Tally {
	return { departures: 0, sumResponse: 0, counts: new Array<number>(bins).fill(0), binWidth };
}

/** The histogram bin of a response time (the last bin takes everything beyond). */
export function binOf(w: number, binWidth: number, bins: number): number {
	return Math.min(bins - 1, Math.max(0, Math.floor(w / binWidth)));
}

export function record(tally: Tally, w: number): void {
	tally.departures++;
	tally.sumResponse += w;
	tally.counts[binOf(w, tally.binWidth, tally.counts.length)]++;
}

/**
 * Processes events one at a time until the simulated clock reaches `untilTime`, `maxEvents` have
 * been processed, or the run is over. Returns the number of events processed.
 */
export function advanceUntil(
	sim: QueueSimulation,
	untilTime: number,
	maxEvents: number,
	tally: Tally
): number {
	let processed = 0;
	while (processed < maxEvents && !sim.done) {
		if (sim.advance(1) === 0) break;
		processed++;
		const event = sim.lastEvent();
		if (event.type === 'departure') record(tally, event.responseTime);
		if (event.time >= untilTime) break;
	}
	return processed;
}

/** Histogram bins: `bins` bins spanning four times the expected response time. */
export function histogramBinWidth(expectedW: number, bins: number): number {
	return (4 * Math.max(1, expectedW)) / bins;
}
