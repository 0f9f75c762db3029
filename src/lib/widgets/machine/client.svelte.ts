/**
 * The playground page's client of the machine worker (src/lib/worker/machine-session.ts): it sends
 * requests, routes each answer to the promise of its request, and keeps what the page shows as
 * reactive state, so components read `client.view`, `client.status` and the rest directly.
 *
 * - Requests get increasing ids. A command (run, step, …) that a newer one supersedes still gets
 *   its `stopped` answer, with its own id: it resolves its promise and updates the view, but the
 *   status stays 'running' while the newer command runs.
 * - `pause` answers with the running command's `stopped` (or with the state when nothing runs): its
 *   promise resolves with that answer.
 * - A `check` is for the editor's markers while typing: only the newest check is applied; an older
 *   one's promise resolves with undefined.
 * - An `error` answer rejects its request's promise with an Error carrying the worker's message,
 *   and, unless the request only read (check, memory, tlb), is kept in `error` for the page to show
 *   until the next command or load answers.
 * - Changes: `previousView` is the view before the last command's answer, for views that compare
 *   whole values (memory, say); registers, CSRs and traps are better highlighted from `view.delta`,
 *   which the session computes exactly (a step back included).
 *
 * Where there is no Worker (tests, or an old browser) the same MachineSession runs in this thread
 * behind the same interface (`inProcessWorker`), with messages copied and delivered by timers as a
 * worker's would be, so that a pause still gets in between batches.
 */
// Vite bundles the worker from this import (vitest resolves it to a wrapper that is only called
// where a Worker exists).
import MachineWorker from '$lib/worker/machine.worker.ts?worker';
import {
	DEFAULT_BUDGET,
	MachineSession,
	type MachineRequest,
	type MachineResponse,
	type ResolvedBreakpoint
} from '../../worker/machine-session.ts';
import type { Diagnostic } from '../../emulator/asm/index.ts';
import type { DebugSessionOptions } from '../../emulator/session/debug-session.ts';
import type { Location } from '../../emulator/session/locations.ts';
import type { MachineView, ViewOptions } from '../../emulator/session/machine-view.ts';
import type { Access } from '../../emulator/mmu/view-translation.ts';
import type { SessionStop } from '../../emulator/session/types.ts';

/** What the client needs of a worker: a real Worker has it, and so has `inProcessWorker()`. */
export interface WorkerLike {
	postMessage(message: MachineRequest): void;
	onmessage: ((event: { data: MachineResponse }) => void) | null;
	terminate(): void;
}

export type ClientStatus = 'empty' | 'loading' | 'ready' | 'running' | 'failed';

/** A request as the page writes it: the client adds the id. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
export type RequestBody = WithoutId<MachineRequest>;
type CommandBody = Extract<
	RequestBody,
	{ type: 'run' | 'step' | 'stepOver' | 'stepOut' | 'runTo' | 'back' | 'reset' }
>;

type Answer<T extends MachineResponse['type']> = Extract<MachineResponse, { type: T }>;
export type LoadAnswer = Answer<'loaded'> | Answer<'loadFailed'>;
/** A command's answer: `stopped`, or `state` for reset and for a pause when nothing ran. */
export type CommandAnswer = Answer<'stopped'> | Answer<'state'>;
export type CheckAnswer = Answer<'checked'>;
export type MemoryAnswer = Answer<'memory'>;
export type TlbAnswer = Answer<'tlb'>;
export type BreakpointsAnswer = Answer<'breakpoints'>;

/** Requests that only read: their errors are not the machine's. */
const READS = new Set<RequestBody['type']>(['check', 'memory', 'tlb']);

/** The file the editor's text is assembled as: breakpoint lines and run-to-cursor refer to it. */
export const MAIN_FILE = 'main.s';

export interface LoadOptions {
	file?: string;
	/** Text of the files `.include` may name. */
	includes?: Record<string, string>;
	/**
	 * Boot the program behind the session's SBI firmware, in S-mode (the guest kernel example);
	 * the same as `session.firmware`.
	 */
	firmware?: boolean;
	session?: DebugSessionOptions;
	view?: ViewOptions;
}

/** The page's worker: a real Web Worker, or the session in this thread where there is none. */
export function machineWorker(): WorkerLike {
	if (typeof Worker === 'undefined') return inProcessWorker();
	return new MachineWorker() as unknown as WorkerLike;
}

/** A MachineSession in this thread behind a worker's interface (messages are copied, as postMessage does). */
export function inProcessWorker(): WorkerLike {
	let closed = false;
	const worker: WorkerLike = {
		onmessage: null,
		postMessage(message) {
			const copy = structuredClone(message);
			setTimeout(() => {
				if (!closed) void session.handle(copy);
			}, 0);
		},
		terminate() {
			if (closed) return;
			void session.handle({ type: 'pause', id: 0 }); // ends a running command's loop
			closed = true;
		}
	};
	const session = new MachineSession((answer) => {
		if (closed) return;
		const copy = structuredClone(answer);
		setTimeout(() => {
			if (!closed) worker.onmessage?.({ data: copy });
		}, 0);
	});
	return worker;
}

interface Pending {
	type: RequestBody['type'];
	resolve(answer: MachineResponse | undefined): void;
	reject(error: Error): void;
}

export class MachineClient {
	view = $state.raw<MachineView | undefined>(undefined);
	/** The view before the last command's answer (see the file's comment). */
	previousView = $state.raw<MachineView | undefined>(undefined);
	status = $state<ClientStatus>('empty');
	/** The last command's stop, and the worker's sentence for it (English). */
	stop = $state.raw<SessionStop | undefined>(undefined);
	message = $state<string | undefined>(undefined);
	/** Why the last load failed ("main.s:3:9: …"); the previous program, if any, stays loaded. */
	loadError = $state<string | undefined>(undefined);
	/** From the last load, or the newest check. */
	diagnostics = $state.raw<Diagnostic[]>([]);
	/** The last successful assembly's symbols (kept while the text has errors). */
	symbols = $state.raw<{ name: string; value: number }[]>([]);
	/** Per file, the lines with code, from the last load. */
	codeLines = $state.raw<Record<string, number[]>>({});
	breakpoints = $state.raw<ResolvedBreakpoint[]>([]);
	/** Steps since load, updated after each batch while a command runs. */
	position = $state(0);
	/** The last error answer's message, until the next command or load answers. */
	error = $state<string | undefined>(undefined);

	private readonly worker: WorkerLike;
	private nextId = 1;
	// Not state: promises waiting for their answers.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly pending = new Map<number, Pending>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly pauses = new Set<number>();
	/** The newest command sent, 0 once it answered. */
	private activeCommand = 0;
	private newestCheck = 0;
	private breakpointLines: number[] = [];
	/** Animation: a token that changes when it must end, and the wake-up of its current wait. */
	private animation = 0;
	private wake: (() => void) | undefined;

	constructor(connect: () => WorkerLike) {
		this.worker = connect();
		this.worker.onmessage = (event) => this.receive(event.data);
	}

	/** Assembles and loads `text`; then sets the breakpoint lines again (a new program has none). */
	async load(text: string, options: LoadOptions = {}): Promise<LoadAnswer> {
		this.stopAnimation();
		// A command still running would end without an answer: pause it first, so it gets one.
		if (this.activeCommand) void this.pause();
		this.status = 'loading';
		const answer = (await this.request({
			type: 'load',
			program: {
				kind: 'source',
				text,
				file: options.file ?? MAIN_FILE,
				includes: options.includes
			},
			...(options.session || options.firmware
				? { options: { ...options.session, ...(options.firmware ? { firmware: true } : {}) } }
				: {}),
			...(options.view ? { view: options.view } : {})
		})) as LoadAnswer;
		if (answer.type === 'loaded' && this.breakpointLines.length > 0)
			await this.setBreakpointLines(this.breakpointLines);
		return answer;
	}

	/** Assembles only, for markers; resolves with undefined when a newer check replaced it. */
	async check(text: string, includes?: Record<string, string>): Promise<CheckAnswer | undefined> {
		const { id, answer } = this.send({ type: 'check', text, file: MAIN_FILE, includes });
		this.newestCheck = id;
		const checked = (await answer) as CheckAnswer;
		return id === this.newestCheck ? checked : undefined;
	}

	run(budget = DEFAULT_BUDGET): Promise<CommandAnswer> {
		return this.command({ type: 'run', budget });
	}

	step(count = 1): Promise<CommandAnswer> {
		return this.command({ type: 'step', count });
	}

	stepOver(budget = DEFAULT_BUDGET): Promise<CommandAnswer> {
		return this.command({ type: 'stepOver', budget });
	}

	stepOut(budget = DEFAULT_BUDGET): Promise<CommandAnswer> {
		return this.command({ type: 'stepOut', budget });
	}

	/** Runs until a line of the editor's text (or the next line with code). */
	runToLine(line: number, budget = DEFAULT_BUDGET): Promise<CommandAnswer> {
		const location: Location = { kind: 'line', file: MAIN_FILE, line };
		return this.command({ type: 'runTo', location, budget });
	}

	back(count = 1): Promise<CommandAnswer> {
		return this.command({ type: 'back', count });
	}

	reset(): Promise<CommandAnswer> {
		return this.command({ type: 'reset' });
	}

	/** Stops a running command or an animation; resolves with the stop (or the state). */
	pause(): Promise<CommandAnswer> {
		this.stopAnimation();
		const { id, answer } = this.send({ type: 'pause' });
		this.pauses.add(id);
		return answer as Promise<CommandAnswer>;
	}

	/**
	 * Replaces the breakpoints with these lines of the editor's text; kept across loads. Before the
	 * first load they are only kept (the load sets them), and the promise gives undefined.
	 */
	async setBreakpointLines(lines: number[]): Promise<BreakpointsAnswer | undefined> {
		this.breakpointLines = [...lines];
		if (!this.view) return undefined;
		const locations: Location[] = lines.map((line) => ({ kind: 'line', file: MAIN_FILE, line }));
		return (await this.request({ type: 'setBreakpoints', locations })) as BreakpointsAnswer;
	}

	/** Text for the UART's receiver (sent as UTF-8). */
	async input(text: string): Promise<Answer<'state'>> {
		return (await this.request({ type: 'input', text })) as Answer<'state'>;
	}

	async memory(
		address: number,
		length: number,
		space: 'physical' | 'virtual',
		access?: Access
	): Promise<MemoryAnswer> {
		const request: RequestBody = { type: 'memory', address, length, space, access };
		return (await this.request(request)) as MemoryAnswer;
	}

	async tlb(): Promise<TlbAnswer> {
		return (await this.request({ type: 'tlb' })) as TlbAnswer;
	}

	/**
	 * Single steps, one every `intervalMs`, until `pause()`, another command, or a stop other than
	 * 'done' (a breakpoint, the end). Resolves with the last step's answer.
	 */
	async animate(intervalMs: number): Promise<CommandAnswer | undefined> {
		this.stopAnimation();
		const token = ++this.animation;
		this.status = 'running';
		let last: CommandAnswer | undefined;
		try {
			while (this.animation === token) {
				last = await this.command({ type: 'step', count: 1 }, token);
				if (this.animation !== token) break;
				if (last.type === 'stopped' && last.stop.kind !== 'done') break;
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, intervalMs);
					this.wake = () => {
						clearTimeout(timer);
						resolve();
					};
				});
			}
		} finally {
			if (this.animation === token) this.animation = 0;
			this.settleStatus();
		}
		return last;
	}

	/** Ends the worker. Promises still waiting are left unsettled. */
	destroy(): void {
		this.stopAnimation();
		this.pending.clear();
		this.worker.onmessage = null;
		this.worker.terminate();
	}

	// -----------------------------------------------------------------------------------------

	/** Sends a command; `animation` is the token of the animation sending it, if any. */
	private command(request: CommandBody, animation = 0): Promise<CommandAnswer> {
		if (animation !== this.animation) this.stopAnimation();
		const { id, answer } = this.send(request);
		this.activeCommand = id;
		this.status = 'running';
		return answer as Promise<CommandAnswer>;
	}

	private request(request: RequestBody): Promise<MachineResponse | undefined> {
		return this.send(request).answer;
	}

	/** Posts a request with the next id; `answer` settles when the worker answers it. */
	private send(request: RequestBody): { id: number; answer: Promise<MachineResponse | undefined> } {
		const id = this.nextId++;
		const answer = new Promise<MachineResponse | undefined>((resolve, reject) => {
			this.pending.set(id, { type: request.type, resolve, reject });
		});
		this.worker.postMessage({ ...request, id } as MachineRequest);
		return { id, answer };
	}

	private receive(answer: MachineResponse): void {
		// An error stays until the next command or load answers (checks and reads come often).
		if (['loaded', 'loadFailed', 'stopped', 'state', 'breakpoints'].includes(answer.type))
			this.error = undefined;
		switch (answer.type) {
			case 'progress':
				this.position = answer.position;
				return;
			case 'loaded':
				this.view = answer.view;
				this.previousView = undefined;
				this.position = answer.view.position;
				this.stop = undefined;
				this.message = undefined;
				this.loadError = undefined;
				this.diagnostics = answer.diagnostics;
				this.symbols = answer.symbols;
				this.codeLines = answer.codeLines;
				this.breakpoints = [];
				this.status = 'ready';
				break;
			case 'loadFailed':
				this.loadError = answer.error;
				this.diagnostics = answer.diagnostics;
				this.status = 'failed';
				break;
			case 'checked':
				if (answer.id !== this.newestCheck) break;
				this.diagnostics = answer.diagnostics;
				if (!answer.diagnostics.some((d) => d.severity === 'error')) this.symbols = answer.symbols;
				break;
			case 'stopped':
				this.previousView = this.view;
				this.view = answer.view;
				this.position = answer.view.position;
				this.stop = answer.stop;
				this.message = answer.message;
				if (answer.id === this.activeCommand) this.activeCommand = 0;
				this.settleStatus();
				// A pause is answered by the stop of the command it ended.
				for (const id of this.pauses) this.settle(id, answer);
				this.pauses.clear();
				break;
			case 'state':
				if (answer.id === this.activeCommand) {
					// reset
					this.previousView = this.view;
					this.stop = undefined;
					this.message = undefined;
					this.activeCommand = 0;
				}
				this.view = answer.view;
				this.position = answer.view.position;
				this.pauses.delete(answer.id);
				this.settleStatus();
				break;
			case 'breakpoints':
				this.breakpoints = answer.breakpoints;
				this.view = answer.view;
				break;
			case 'error': {
				const waiting = this.pending.get(answer.id);
				// A failed read (memory, tlb, check) only rejects: its view says so where it asked.
				if (!waiting || !READS.has(waiting.type)) this.error = answer.message;
				if (answer.id === this.activeCommand) {
					this.activeCommand = 0;
					this.settleStatus();
				}
				this.pending.delete(answer.id);
				this.pauses.delete(answer.id);
				waiting?.reject(new Error(answer.message));
				return;
			}
		}
		this.settle(answer.id, answer);
	}

	private settle(id: number, answer: MachineResponse): void {
		const waiting = this.pending.get(id);
		this.pending.delete(id);
		waiting?.resolve(answer);
	}

	/** 'running' while a command or an animation goes on; otherwise what the program allows. */
	private settleStatus(): void {
		if (this.status === 'loading' || this.status === 'failed') return;
		if (this.activeCommand || this.animation) this.status = 'running';
		else this.status = this.view ? 'ready' : 'empty';
	}

	private stopAnimation(): void {
		this.animation = 0;
		this.wake?.();
		this.wake = undefined;
	}
}
