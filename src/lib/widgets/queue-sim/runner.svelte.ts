/**
 * The queue simulator's controller: it owns one run of the discrete-event simulation and drives
 * it as the student asks (play in real time, step one event, run to the end in slices that never
 * block a frame), keeps the live histogram and the finished runs, and says what happened for
 * screen readers. The component only draws its state and calls its methods.
 *
 * Time comes from a `Clock` (clock.ts), the browser's by default, so tests can drive frames by hand.
 */
import type { Lang } from '../../i18n/index.ts';
import { createQueueSimulation, type QueueSimulation } from '../../sim/des/queueSim.ts';
import type { SimPoint } from './chart.ts';
import { browserClock, type Clock } from './clock.ts';
import { analyticW, setupLabel, simConfig, type QueueSetup } from './model.ts';
import type { QueueSimProps } from './schema.ts';
import { advanceUntil, emptyTally, histogramBinWidth, type Tally } from './tally.ts';
import { describeEvent, summary as summaryText } from './text.ts';

export const BINS = 24;
/** Simulated time units (mean service times) per second of animation. */
export const SPEEDS = [0.5, 1, 2, 5, 20, 100];
/** Wall-clock budget per slice of a fast run, in milliseconds: well inside one frame. */
const SLICE_MS = 8;
/** At most this much wall-clock time counts per frame, so a background tab does not leap. */
const MAX_FRAME_SECONDS = 0.1;
/** Finished runs kept on the chart: enough to compare a few seeds and utilizations. */
export const MAX_RUNS = 6;

export class QueueSimRunner {
	#rho = $state(0);
	#seed = $state(0);
	speedIndex = $state(2);
	playing = $state(false);
	fastRunning = $state(false);
	/**
	 * The last MAX_RUNS finished runs, oldest first, kept on the chart so that utilizations and
	 * seeds can be compared (a new seed adds a run beside the earlier ones instead of replacing them).
	 */
	runs = $state<SimPoint[]>([]);
	/** The last thing said to screen readers (a polite live region shows it). */
	announcement = $state('');
	error = $state('');
	/** Bumped whenever the simulation moves, so that everything read from it recomputes. */
	#version = $state(0);
	#sim: QueueSimulation | null = null;
	#tally: Tally = emptyTally(1, BINS);
	#frameHandle = 0;
	#sliceHandle = 0;
	#lastFrame = 0;

	readonly props: QueueSimProps;
	readonly lang: Lang;
	readonly clock: Clock;

	constructor(props: QueueSimProps, lang: Lang, clock: Clock = browserClock) {
		this.props = props;
		this.lang = lang;
		this.clock = clock;
		this.#rho = props.rho;
		this.#seed = props.seed;
		this.reset();
	}

	/** The utilization of each server; a new value starts a new run. */
	get rho(): number {
		return this.#rho;
	}
	set rho(value: number) {
		if (value === this.#rho) return;
		this.#rho = value;
		this.reset();
	}

	get seed(): number {
		return this.#seed;
	}

	/** A new seed: the same model, other random numbers. */
	reseed(): void {
		this.#seed += 1;
		this.reset();
	}

	/** What is simulated: the model from the lesson, with the student's utilization and seed. */
	get setup(): QueueSetup {
		const { model, c, scv, customers } = this.props;
		return { model, c, rho: this.#rho, scv, customers, seed: this.#seed };
	}

	label = $derived(setupLabel(this.setup));
	formulaW = $derived(analyticW(this.setup));

	snapshot = $derived.by(() => {
		void this.#version;
		return this.#sim?.state() ?? null;
	});

	/** The measured result so far: W once the warm-up is over, with its interval once it has one. */
	current = $derived.by(() => {
		void this.#version;
		if (!this.#sim) return null;
		const result = this.#sim.result();
		return {
			W: result.measured > 0 ? result.W : null,
			ci: result.ci,
			customers: result.customers
		};
	});

	/** The histogram of every response time so far (warm-up included) and their running mean. */
	histogram = $derived.by(() => {
		void this.#version;
		const tally = this.#tally;
		return {
			counts: [...tally.counts],
			binWidth: tally.binWidth,
			departures: tally.departures,
			mean: tally.departures > 0 ? tally.sumResponse / tally.departures : null
		};
	});

	/** The run in progress as a point on the curve, until it finishes and joins `runs`. */
	livePoint: SimPoint[] = $derived.by(() => {
		const current = this.current;
		if (!current || current.W === null || (this.snapshot?.done ?? false)) return [];
		const ci = current.ci;
		return [
			{
				rho: this.#rho,
				seed: this.#seed,
				W: current.W,
				low: ci?.low ?? null,
				high: ci?.high ?? null
			}
		];
	});

	/** The read-out: the run so far against the formula. */
	summary = $derived.by(() => {
		const current = this.current;
		if (!current) return '';
		return summaryText(this.lang, {
			label: this.label,
			rho: this.#rho,
			done: current.customers,
			total: this.props.customers,
			W: current.W,
			ci: current.ci,
			formulaW: this.formulaW
		});
	});

	get done(): boolean {
		return !this.#sim || this.#sim.done;
	}

	/** Throws the current run away and builds a new one from the setup. */
	reset(): void {
		this.stop();
		const config = simConfig(this.setup);
		const created = config.ok ? createQueueSimulation(config.value) : config;
		this.#sim = created.ok ? created.value : null;
		this.error = created.ok ? '' : created.error.message;
		this.#tally = emptyTally(histogramBinWidth(this.formulaW ?? 1, BINS), BINS);
		this.#version++;
	}

	stop(): void {
		this.playing = false;
		this.fastRunning = false;
		if (this.#frameHandle) this.clock.cancelFrame(this.#frameHandle);
		if (this.#sliceHandle) this.clock.cancelSoon(this.#sliceHandle);
		this.#frameHandle = 0;
		this.#sliceHandle = 0;
	}

	play(): void {
		if (this.done) return;
		this.stop();
		this.playing = true;
		this.#lastFrame = this.clock.now();
		this.#frameHandle = this.clock.frame(this.#frame);
	}

	pause(): void {
		this.stop();
		this.announcement = this.summary;
	}

	togglePlay(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	/** One event, said in words. */
	step(): void {
		const sim = this.#sim;
		if (!sim || sim.done) return;
		this.stop();
		advanceUntil(sim, -Infinity, 1, this.#tally);
		this.#version++;
		const waiting = sim.state().waiting.reduce((a, b) => a + b, 0);
		this.announcement = describeEvent(this.lang, sim.lastEvent(), waiting);
		if (sim.done) this.#finish();
	}

	/** The rest of the run, in slices of a few milliseconds, so the page keeps drawing progress. */
	runToEnd(): void {
		if (this.done) return;
		this.stop();
		this.fastRunning = true;
		this.#slice();
	}

	/** The keyboard shortcuts: P play or pause, S step, R run to the end. True if `key` is one. */
	key(key: string): boolean {
		const action = { p: () => this.togglePlay(), s: () => this.step(), r: () => this.runToEnd() }[
			key.toLowerCase()
		];
		action?.();
		return action !== undefined;
	}

	#frame = (now: number) => {
		const sim = this.#sim;
		if (!this.playing || !sim) return;
		const seconds = Math.min(MAX_FRAME_SECONDS, (now - this.#lastFrame) / 1000);
		this.#lastFrame = now;
		const until = sim.lastEvent().time + seconds * SPEEDS[this.speedIndex];
		advanceUntil(sim, until, 20_000, this.#tally);
		this.#version++;
		if (sim.done) this.#finish();
		else this.#frameHandle = this.clock.frame(this.#frame);
	};

	#slice = () => {
		const sim = this.#sim;
		if (!sim || !this.fastRunning) return;
		const started = this.clock.now();
		while (!sim.done && this.clock.now() - started < SLICE_MS) {
			advanceUntil(sim, Infinity, 2000, this.#tally);
		}
		this.#version++;
		if (sim.done) this.#finish();
		else this.#sliceHandle = this.clock.soon(this.#slice);
	};

	/** A finished run joins the chart; the oldest leaves it when there are more than MAX_RUNS. */
	#finish(): void {
		this.stop();
		const sim = this.#sim;
		if (!sim) return;
		const result = sim.result();
		const point = {
			rho: this.#rho,
			seed: this.#seed,
			W: result.W,
			low: result.ci?.low ?? null,
			high: result.ci?.high ?? null
		};
		this.runs = [...this.runs, point].slice(-MAX_RUNS);
		this.announcement = this.summary;
	}
}
