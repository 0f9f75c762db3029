/**
 * The exit stepper's controller: it starts a run of the hypervisor (src/lib/worker/vm-session.ts)
 * in a Web Worker, collects the exit records and progress it streams, asks it to re-price the runs
 * when the student picks another cost model (`recost`: no re-run), and cancels a run that a newer
 * experiment replaces. Where the browser has no Worker it runs the same VmSession on the main
 * thread, in short slices with a timer between them, so the page still paints and answers.
 *
 * Records arrive packed into numbers (worker/packed-exits.ts) and stay packed in each mode's
 * PackedExitLog, out of Svelte's reactivity: the page builds a record only when it shows one, and
 * `version` tells the page that there are new ones. While records stream in it changes at most
 * every REDRAW_MS, so a burst of messages costs one redraw.
 */
import type { CostModel } from '../../emulator/vmm/cost.ts';
import type { ExitReason } from '../../emulator/vmm/exit-reasons.ts';
import type { VmMode } from '../../emulator/vmm/exit-trace.ts';
import { PackedExitLog, type PackedExits } from '../../worker/packed-exits.ts';
import type {
	GuestSources,
	ModeSummary,
	SessionRequest,
	SessionResponse,
	StartRequest
} from '../../worker/vm-session.ts';
import { ExitCursor } from './cursor.ts';
import { sourceLocator } from './source.ts';
import { text, type Text } from './messages.ts';
import type { CostOverrides, ModeTally } from './tally.ts';

/** What an experiment asks for: StartRequest without the protocol's fields. */
export type Experiment = Omit<StartRequest, 'type' | 'id'>;

/** One mode's run as the page sees it. */
export class ModeRun {
	/** The records in order, as they arrive. */
	readonly records = new PackedExitLog();
	readonly cursor = new ExitCursor(this.records);
	guestInstructions = 0;
	exits = 0;
	spent = 0;
	budget = 1;
	summary: ModeSummary | undefined = undefined;

	constructor(readonly mode: VmMode) {}

	/**
	 * The reasons among the records so far, kept as they arrive (the legend and the palette). Not
	 * state, like the records: `version` tells the page when they changed.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly reasons = new Set<ExitReason>();

	add(batch: PackedExits): void {
		const from = this.records.length;
		this.records.append(batch);
		for (let i = from; i < this.records.length; i++) this.reasons.add(this.records.reason(i));
	}
}

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * How often the page redraws while records stream in: often enough to watch the run grow, seldom
 * enough that redrawing (the timeline, the counts) takes a small share of the main thread.
 */
export const REDRAW_MS = 250;

/** Slices on the main thread are short: each one blocks the page while it runs. */
const MAIN_THREAD_SLICE = 20_000;
/**
 * The worker's slices: a few milliseconds of guest each, so that a cancel is heard at once. The
 * records of a slice arrive packed, and cost the page next to nothing however many there are;
 * with shorter slices the worker spent much of a run between them (each wait for the next slice
 * is a timer, at least 4 ms once timers nest).
 */
export const WORKER_SLICE = 100_000;

export class StepperRunner {
	status = $state<RunStatus>('idle');
	error = $state.raw<Text | undefined>(undefined);
	/** Bumped when records, progress or results arrive (progress: at most every REDRAW_MS). */
	version = $state(0);
	cost = $state.raw<CostModel | undefined>(undefined);
	guests = $state.raw<GuestSources[]>([]);
	/**
	 * Each build's address-to-source lookup (the pv kernel has its own), made once per run for all
	 * the panes that show source.
	 */
	locators = $derived(
		this.guests.map((guest) => ({ guest, locate: sourceLocator(guest.sourceMap) }))
	);
	tallies = $state.raw<ModeTally[]>([]);
	/** The mode now running, for the progress line. */
	runningMode = $state<VmMode | undefined>(undefined);
	runs: ModeRun[] = [];

	private id = 0;
	private worker: Worker | undefined;
	private session: { handle(request: SessionRequest): Promise<void> } | undefined;
	private redrawPending = false;
	private wantedPreset: string | undefined;
	private wantedOverrides: CostOverrides = {};

	constructor(private readonly makeWorker?: () => Worker) {}

	/** Starts an experiment; a run still going is cancelled. */
	start(experiment: Experiment): void {
		if (this.status === 'running') this.send({ type: 'cancel', id: this.id });
		const id = ++this.id;
		this.runs = experiment.modes.map((m) => new ModeRun(m));
		this.tallies = [];
		this.guests = [];
		this.error = undefined;
		this.wantedPreset = undefined;
		this.status = 'running';
		this.runningMode = experiment.modes[0];
		this.bump(true);
		const slice = this.useWorker() ? WORKER_SLICE : MAIN_THREAD_SLICE;
		this.send({ type: 'start', id, ...experiment, slice });
	}

	/**
	 * Re-prices the finished runs under another preset, with some of its constants changed (or as
	 * soon as the running one ends).
	 */
	recost(preset: string, overrides: CostOverrides = {}): void {
		if (this.status === 'running') {
			this.wantedPreset = preset;
			this.wantedOverrides = overrides;
		} else if (this.runs.length > 0 && this.status === 'done')
			this.send({ type: 'recost', id: this.id, preset, overrides });
	}

	cancel(): void {
		if (this.status !== 'running') return;
		this.send({ type: 'cancel', id: this.id });
	}

	dispose(): void {
		this.id++;
		this.worker?.terminate();
		this.worker = undefined;
	}

	run(mode: VmMode): ModeRun | undefined {
		return this.runs.find((r) => r.mode === mode);
	}

	/** Applies one answer of the session; answers to an older request are dropped. */
	receive(message: SessionResponse): void {
		if (message.id !== this.id) return;
		switch (message.type) {
			case 'started':
				this.cost = message.cost;
				this.guests = message.guests;
				break;
			case 'progress': {
				const run = this.run(message.mode);
				if (!run) return;
				run.add(message.records);
				run.guestInstructions = message.guestInstructions;
				run.exits = message.exits;
				run.spent = message.spent;
				run.budget = message.budget;
				this.runningMode = message.mode;
				break;
			}
			case 'modeDone': {
				const run = this.run(message.summary.mode);
				if (run) run.summary = message.summary;
				break;
			}
			case 'done': {
				this.tallies = message.summaries.map((s) => s.tally);
				this.status = 'done';
				this.runningMode = undefined;
				const overrides = this.wantedOverrides;
				const changed = Object.keys(overrides).length > 0;
				if (this.wantedPreset && (changed || this.wantedPreset !== this.cost?.id)) {
					this.send({ type: 'recost', id: this.id, preset: this.wantedPreset, overrides });
				}
				this.wantedPreset = undefined;
				this.wantedOverrides = {};
				break;
			}
			case 'cancelled':
				this.status = 'cancelled';
				this.runningMode = undefined;
				break;
			case 'recosted':
				this.cost = message.cost;
				this.tallies = message.tallies;
				break;
			case 'error':
				this.error = message.message;
				if (this.status === 'running') this.status = 'error';
				this.runningMode = undefined;
				break;
		}
		this.bump(message.type !== 'progress');
	}

	/** Redraws now for a state change, or within REDRAW_MS for progress. */
	private bump(now: boolean): void {
		if (now) {
			this.version++;
			return;
		}
		if (this.redrawPending) return;
		this.redrawPending = true;
		setTimeout(() => {
			this.redrawPending = false;
			this.version++;
		}, REDRAW_MS);
	}

	private useWorker(): boolean {
		if (this.worker) return true;
		if (this.session) return false;
		try {
			this.worker = typeof Worker === 'function' ? this.makeWorker?.() : undefined;
		} catch {
			this.worker = undefined;
		}
		if (this.worker) {
			this.worker.onmessage = (event: MessageEvent<SessionResponse>) => this.receive(event.data);
			this.worker.onerror = (event) => {
				event.preventDefault();
				this.receive({
					type: 'error',
					id: this.id,
					message: text('exitStepper.error.worker', { message: event.message ?? '' })
				});
			};
			return true;
		}
		return false;
	}

	private send(request: SessionRequest): void {
		if (this.useWorker()) {
			this.worker!.postMessage(request);
			return;
		}
		// No Worker: the same session on the main thread, loaded on first use.
		void this.mainThreadSession().then((session) => session.handle(request));
	}

	private sessionLoading: Promise<{ handle(request: SessionRequest): Promise<void> }> | undefined;

	private mainThreadSession() {
		this.sessionLoading ??= import('../../worker/vm-session.ts').then(({ VmSession }) => {
			const session = new VmSession((m) => this.receive(structuredClone(m)));
			this.session = session;
			return session;
		});
		return this.sessionLoading;
	}
}
