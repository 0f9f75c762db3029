import { describe, expect, it } from 'vitest';
import { createQueueSimulation } from '../../../../src/lib/sim/des/queueSim.ts';
import { simConfig } from '../../../../src/lib/widgets/queue-sim/model.ts';
import {
	advanceUntil,
	binOf,
	emptyTally,
	histogramBinWidth,
	record
} from '../../../../src/lib/widgets/queue-sim/tally.ts';

function newSim(customers = 2000) {
	const config = simConfig({ model: 'mm1', c: 1, rho: 0.8, scv: 1, customers, seed: 5 });
	if (!config.ok) throw new Error(config.error.message);
	const sim = createQueueSimulation(config.value);
	if (!sim.ok) throw new Error(sim.error.message);
	return sim.value;
}

describe('driving the simulation from the page', () => {
	it('bins response times, the last bin taking everything beyond', () => {
		expect(binOf(0, 0.5, 4)).toBe(0);
		expect(binOf(0.49, 0.5, 4)).toBe(0);
		expect(binOf(0.5, 0.5, 4)).toBe(1);
		expect(binOf(99, 0.5, 4)).toBe(3);
		const tally = emptyTally(0.5, 4);
		[0.1, 0.7, 0.8, 50].forEach((w) => record(tally, w));
		expect(tally.counts).toEqual([1, 2, 0, 1]);
		expect(tally.sumResponse / tally.departures).toBeCloseTo(51.6 / 4, 12);
	});

	it('spans four expected response times with the histogram', () => {
		expect(histogramBinWidth(5, 20) * 20).toBe(20);
		expect(histogramBinWidth(0.2, 20) * 20).toBe(4);
	});

	it('stops at the requested simulated time, one event past it at most', () => {
		const sim = newSim();
		const tally = emptyTally(1, 10);
		advanceUntil(sim, 50, Infinity, tally);
		const t = sim.lastEvent().time;
		expect(t).toBeGreaterThanOrEqual(50);
		// The event before the last one was still before 50: stepping one event at a time.
		expect(sim.state().events).toBeGreaterThan(10);
		expect(tally.departures).toBe(sim.state().departures);
	});

	it('steps exactly one event, and counts every departure in the tally', () => {
		const sim = newSim();
		const tally = emptyTally(1, 10);
		expect(advanceUntil(sim, -Infinity, 1, tally)).toBe(1);
		expect(sim.lastEvent().type).toBe('arrival');
		while (!sim.done) advanceUntil(sim, Infinity, 97, tally);
		expect(tally.departures).toBe(2000);
		expect(tally.counts.reduce((a, b) => a + b, 0)).toBe(2000);
		// The tally's mean over all customers is close to the engine's post-warm-up mean.
		expect(tally.sumResponse / tally.departures).toBeCloseTo(sim.result().W, 0);
	});
});
