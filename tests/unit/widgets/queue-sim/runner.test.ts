import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../src/lib/widgets/queue-sim/clock.ts';
import { MAX_RUNS, QueueSimRunner } from '../../../../src/lib/widgets/queue-sim/runner.svelte.ts';
import type { QueueSimProps } from '../../../../src/lib/widgets/queue-sim/schema.ts';

/**
 * A clock the test drives by hand: frames and slices run only when the test says so, and every
 * look at the clock takes a millisecond, so that a slice of work ends as it would in a browser.
 */
function manualClock() {
	let now = 0;
	let frames: ((now: number) => void)[] = [];
	let soon: (() => void)[] = [];
	const clock: Clock = {
		now: () => ++now,
		frame: (callback) => frames.push(callback),
		cancelFrame: () => (frames = []),
		soon: (callback) => soon.push(callback),
		cancelSoon: () => (soon = [])
	};
	return {
		clock,
		/** Advances the wall clock by `ms` and runs the frame that was asked for. */
		frame(ms: number) {
			now += ms;
			const pending = frames;
			frames = [];
			pending.forEach((f) => f(now));
		},
		/** Runs every pending slice until none is left (each slice takes 1 ms of wall clock). */
		drain() {
			while (soon.length) {
				const pending = soon;
				soon = [];
				pending.forEach((f) => {
					now += 1;
					f();
				});
			}
		},
		get waitingFrames() {
			return frames.length;
		}
	};
}

const props: QueueSimProps = {
	model: 'mm1',
	c: 2,
	rho: 0.7,
	scv: 2,
	customers: 20_000,
	seed: 1
};

describe('the queue simulator controller', () => {
	it('starts with an empty run and the formula to compare with', () => {
		const { clock } = manualClock();
		const sim = new QueueSimRunner(props, 'en', clock);
		expect(sim.snapshot?.departures).toBe(0);
		expect(sim.histogram.departures).toBe(0);
		expect(sim.formulaW).toBeCloseTo(1 / 0.3, 9);
		expect(sim.label).toBe('M/M/1');
		expect(sim.summary).toContain('0 of 20,000 customers');
		expect(sim.done).toBe(false);
	});

	it('steps one event at a time and says what happened', () => {
		const { clock } = manualClock();
		const sim = new QueueSimRunner(props, 'en', clock);
		sim.step();
		expect(sim.snapshot?.events).toBe(1);
		expect(sim.announcement).toContain('a customer arrives');
	});

	it('plays in simulated time proportional to the frames, and pauses', () => {
		const manual = manualClock();
		const sim = new QueueSimRunner(props, 'en', manual.clock);
		sim.speedIndex = 5; // 100 service times per second
		sim.togglePlay();
		expect(sim.playing).toBe(true);
		manual.frame(50); // 50 ms of wall clock: about 5 service times
		const time = sim.snapshot!.time;
		expect(time).toBeGreaterThan(4);
		expect(time).toBeLessThan(15);
		expect(manual.waitingFrames).toBe(1);
		sim.togglePlay();
		expect(sim.playing).toBe(false);
		expect(manual.waitingFrames).toBe(0);
		expect(sim.announcement).toContain('of 20,000 customers');
	});

	it('runs to the end in slices, then keeps the run as a point with its interval', () => {
		const manual = manualClock();
		const sim = new QueueSimRunner(props, 'en', manual.clock);
		sim.runToEnd();
		expect(sim.fastRunning).toBe(true);
		manual.drain();
		expect(sim.done).toBe(true);
		expect(sim.fastRunning).toBe(false);
		expect(sim.histogram.departures).toBe(20_000);
		expect(sim.runs).toHaveLength(1);
		const [run] = sim.runs;
		expect(run.rho).toBe(0.7);
		expect(run.low!).toBeLessThan(run.W);
		expect(run.high!).toBeGreaterThan(run.W);
		expect(sim.livePoint).toEqual([]);
		expect(sim.announcement).toContain('20,000 of 20,000 customers');
	});

	it('starts a new run for a new utilization or seed, keeping finished points', () => {
		const manual = manualClock();
		const sim = new QueueSimRunner(props, 'en', manual.clock);
		sim.runToEnd();
		manual.drain();
		sim.rho = 0.75;
		expect(sim.done).toBe(false);
		expect(sim.histogram.departures).toBe(0);
		expect(sim.runs).toHaveLength(1);
		const seed = sim.seed;
		sim.reseed();
		expect(sim.seed).toBe(seed + 1);
		expect(sim.snapshot?.events).toBe(0);
	});

	it('keeps earlier runs beside a new seed’s, up to the last MAX_RUNS', () => {
		const manual = manualClock();
		const sim = new QueueSimRunner({ ...props, customers: 1000 }, 'en', manual.clock);
		for (let i = 0; i < MAX_RUNS + 2; i++) {
			sim.runToEnd();
			manual.drain();
			sim.reseed();
		}
		expect(sim.runs).toHaveLength(MAX_RUNS);
		const seeds = sim.runs.map((r) => r.seed);
		// Oldest first, each seed once, all at the same utilization.
		expect(seeds).toEqual([...seeds].sort((a, b) => a - b));
		expect(new Set(seeds).size).toBe(MAX_RUNS);
		expect(new Set(sim.runs.map((r) => r.rho))).toEqual(new Set([0.7]));
	});

	it('answers the P, S and R keys and no others', () => {
		const manual = manualClock();
		const sim = new QueueSimRunner(props, 'en', manual.clock);
		expect(sim.key('S')).toBe(true);
		expect(sim.snapshot?.events).toBe(1);
		expect(sim.key('p')).toBe(true);
		expect(sim.playing).toBe(true);
		expect(sim.key('x')).toBe(false);
		expect(sim.key('r')).toBe(true);
		expect(sim.playing).toBe(false);
		expect(sim.fastRunning).toBe(true);
	});

	it('reports a model it cannot simulate instead of failing', () => {
		const { clock } = manualClock();
		const sim = new QueueSimRunner({ ...props, scv: -1, model: 'mg1' }, 'en', clock);
		expect(sim.error).not.toBe('');
		expect(sim.done).toBe(true);
		sim.step();
		expect(sim.snapshot).toBeNull();
	});
});
