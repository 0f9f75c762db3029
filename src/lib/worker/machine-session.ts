/**
 * The playground's worker protocol and its handler. `MachineSession` owns one DebugSession
 * (emulator/session/debug-session.ts) and answers each request with plain data: a state view
 * (emulator/session/machine-view.ts) after every command. Commands that run (`run`, `step`,
 * `stepOver`, `stepOut`, `runTo`) go batch by batch, yielding to the event loop in between, so that
 * a `pause` (or any newer command) is heard within one batch; a batch is small enough to take a few
 * milliseconds, far below the 100 ms a pause may take.
 *
 * Three requests only read: `check` assembles text for the editor's markers (no program needed),
 * `memory` and `tlb` show what the machine holds. They neither change the machine nor end a
 * running command, so the page may ask them while a program runs.
 *
 * The same class runs inside the Web Worker (machine.worker.ts) and directly in tests; it reads no
 * clock and touches no DOM. Every message is structured-clone friendly.
 */
import {
	DebugSession,
	type Command,
	type DebugSessionOptions
} from '../emulator/session/debug-session.ts';
import {
	machineView,
	type MachineView,
	type ViewOptions
} from '../emulator/session/machine-view.ts';
import { resolveLocation, type Location } from '../emulator/session/locations.ts';
import type { ProgramInput } from '../emulator/session/program.ts';
import { describeStop } from '../emulator/session/stop-text.ts';
import type { SessionStop } from '../emulator/session/types.ts';
import { assemble, type Diagnostic } from '../emulator/asm/index.ts';
import {
	memoryView,
	MEMORY_VIEW_MAX_LENGTH,
	type MemoryRequest
} from '../emulator/session/memory-view.ts';
import { tlbView, type TlbEntryView } from '../emulator/session/tlb-view.ts';
import type { ViewTranslation } from '../emulator/mmu/view-translation.ts';

// ---------------------------------------------------------------------------------------------
// The protocol

/** Every request carries an id chosen by the page; the answers to it carry the same id. */
export type MachineRequest = { id: number } & (
	| {
			type: 'load';
			program: ProgramInput;
			/** `firmware` boots the program behind SBI in S-mode (session/firmware.ts): the guest kernel. */
			options?: DebugSessionOptions;
			view?: ViewOptions;
	  }
	/** Runs until a breakpoint, the end, a pause or the budget (steps; default DEFAULT_BUDGET). */
	| { type: 'run'; budget?: number }
	| { type: 'pause' }
	| { type: 'step'; count?: number }
	| { type: 'stepOver'; budget?: number }
	| { type: 'stepOut'; budget?: number }
	| { type: 'runTo'; location: Location; budget?: number }
	| { type: 'back'; count?: number }
	/** Replaces all breakpoints. */
	| { type: 'setBreakpoints'; locations: Location[] }
	/** Bytes (or text, as UTF-8) for the UART receiver, delivered now. */
	| { type: 'input'; text?: string; bytes?: number[] }
	| { type: 'reset' }
	| { type: 'state'; view?: ViewOptions }
	/** Assembles only, for the editor's markers while typing; needs no loaded program. */
	| { type: 'check'; text: string; file?: string; includes?: Record<string, string> }
	/**
	 * Bytes at a physical or virtual address, read without side effects (RAM only: device
	 * registers read as null). At most MEMORY_VIEW_MAX_LENGTH (1024) bytes; longer is cut.
	 */
	| ({ type: 'memory' } & MemoryRequest)
	/** The valid entries of the hart's TLB. */
	| { type: 'tlb' }
);

export { MEMORY_VIEW_MAX_LENGTH };
export type { TlbEntryView, ViewTranslation };

export interface ResolvedBreakpoint {
	location: Location;
	addresses: number[];
	/** For a line: the line actually used (the next one with code). */
	line?: number;
	error?: string;
}

export type MachineResponse =
	| {
			type: 'loaded';
			id: number;
			diagnostics: Diagnostic[];
			symbols: { name: string; value: number }[];
			/** Per file, the lines with code (breakpoints and run-to-cursor make sense there). */
			codeLines: Record<string, number[]>;
			view: MachineView;
	  }
	| { type: 'loadFailed'; id: number; error: string; diagnostics: Diagnostic[] }
	/** After each batch of a running command. */
	| { type: 'progress'; id: number; position: number; pc: number }
	/** A command ended: why, in words and as data, and the machine as it is now. */
	| { type: 'stopped'; id: number; stop: SessionStop; message: string; view: MachineView }
	| { type: 'breakpoints'; id: number; breakpoints: ResolvedBreakpoint[]; view: MachineView }
	| { type: 'state'; id: number; view: MachineView }
	/** The assembler's diagnostics for the text, and its symbols when it assembled. */
	| {
			type: 'checked';
			id: number;
			diagnostics: Diagnostic[];
			symbols: { name: string; value: number }[];
	  }
	| {
			type: 'memory';
			id: number;
			address: number;
			space: 'physical' | 'virtual';
			/** Per byte: its value, or null where no RAM answers or the page's translation faults. */
			bytes: (number | null)[];
			/** For `virtual`: the page walk of the first byte's page. */
			translation?: ViewTranslation;
	  }
	| { type: 'tlb'; id: number; entries: TlbEntryView[] }
	| { type: 'error'; id: number; message: string };

/** Steps per batch: a few milliseconds of emulation. */
export const BATCH = 250_000;
export const DEFAULT_BUDGET = 100_000_000;
export const MAX_BUDGET = 1e10;

export interface MachineSessionOptions {
	batch?: number;
	/** Lets other messages in between batches; by default a zero-delay timer. */
	yieldToEvents?: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The handler

export class MachineSession {
	private session?: DebugSession;
	private viewOptions: ViewOptions = {};
	/** The id of the running command, 0 when none. */
	private running = 0;
	private readonly yieldToEvents: () => Promise<void>;
	private readonly batch: number;

	constructor(
		private readonly post: (message: MachineResponse) => void,
		options: MachineSessionOptions = {}
	) {
		this.yieldToEvents =
			options.yieldToEvents ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
		this.batch = options.batch ?? BATCH;
	}

	/** Handles one request; a running command resolves when it stops. */
	async handle(request: MachineRequest): Promise<void> {
		const id = request?.id ?? 0;
		if (request?.type === 'load') return this.load(request);
		if (request?.type === 'check') return this.check(id, request);
		const s = this.session;
		if (!s) return this.post({ type: 'error', id, message: 'no program is loaded' });
		switch (request.type) {
			case 'pause':
				if (this.running) this.stopped(this.running, s.pause());
				else this.post({ type: 'state', id, view: this.view() });
				return;
			case 'state':
				if (request.view) this.viewOptions = request.view;
				return this.post({ type: 'state', id, view: this.view() });
			case 'setBreakpoints':
				return this.setBreakpoints(id, request.locations);
			case 'memory': {
				const r = memoryView(s.machine!, request);
				if (!r.ok) return this.post({ type: 'error', id, message: r.error });
				return this.post({ type: 'memory', id, ...r.view });
			}
			case 'tlb':
				return this.post({ type: 'tlb', id, entries: tlbView(s.machine!) });
			case 'input': {
				const bytes = request.bytes ?? [...new TextEncoder().encode(request.text ?? '')];
				s.input(bytes);
				return this.post({ type: 'state', id, view: this.view() });
			}
		}
		// Every other request is a command: it supersedes one still running.
		if (this.running) this.stopped(this.running, s.pause());
		switch (request.type) {
			case 'reset':
				s.reset();
				return this.post({ type: 'state', id, view: this.view() });
			case 'back':
				return this.stopped(id, s.back(request.count ?? 1));
			case 'run':
				return this.command(id, { kind: 'continue' }, request.budget);
			case 'step':
				return this.command(
					id,
					{ kind: 'step', count: request.count ?? 1 },
					Math.max(1, request.count ?? 1)
				);
			case 'stepOver':
				return this.command(id, { kind: 'stepOver' }, request.budget);
			case 'stepOut':
				return this.command(id, { kind: 'stepOut' }, request.budget);
			case 'runTo': {
				const resolved = resolveLocation(s.program!, request.location);
				if (!resolved.ok) return this.post({ type: 'error', id, message: resolved.error });
				return this.command(id, { kind: 'runTo', addresses: resolved.addresses }, request.budget);
			}
			default:
				return this.post({
					type: 'error',
					id,
					message: `unknown request '${String((request as { type?: unknown }).type)}'`
				});
		}
	}

	private load(request: Extract<MachineRequest, { type: 'load' }>): void {
		if (this.running) this.running = 0; // the old session goes; its command with it
		const session = new DebugSession(request.options);
		const r = session.load(request.program);
		if (!r.ok)
			return this.post({
				type: 'loadFailed',
				id: request.id,
				error: r.error,
				diagnostics: r.diagnostics
			});
		this.session = session;
		this.viewOptions = request.view ?? {};
		this.post({
			type: 'loaded',
			id: request.id,
			diagnostics: r.program.diagnostics,
			symbols: r.program.symbols,
			codeLines: r.program.lines.codeLines(),
			view: this.view()
		});
	}

	/** The same assembler and options a load uses (program.ts), without keeping anything. */
	private check(id: number, request: Extract<MachineRequest, { type: 'check' }>): void {
		const { text, file = 'main.s', includes = {} } = request;
		if (typeof text !== 'string')
			return this.post({ type: 'error', id, message: 'check needs the text to assemble' });
		const { image, diagnostics } = assemble(text, { file, include: (name) => includes[name] });
		const symbols = (image?.symbols ?? []).map((x) => ({ name: x.name, value: x.value >>> 0 }));
		this.post({ type: 'checked', id, diagnostics, symbols });
	}

	private async command(id: number, command: Command, budget = DEFAULT_BUDGET): Promise<void> {
		const s = this.session!;
		if (!(Number.isSafeInteger(budget) && budget >= 1 && budget <= MAX_BUDGET))
			return this.post({
				type: 'error',
				id,
				message: `budget must be a whole number from 1 to ${MAX_BUDGET}`
			});
		const immediate = s.begin(command, budget);
		if (immediate) return this.stopped(id, immediate);
		this.running = id;
		for (;;) {
			const stop = s.advance(this.batch);
			if (stop.kind !== 'running') return this.stopped(id, stop);
			this.post({ type: 'progress', id, position: s.position, pc: s.machine!.pc });
			await this.yieldToEvents();
			// A pause, a newer command or a new program ended this one meanwhile.
			if (this.running !== id || s !== this.session) return;
		}
	}

	private stopped(id: number, stop: SessionStop): void {
		if (this.running === id) this.running = 0;
		this.post({
			type: 'stopped',
			id,
			stop,
			message: describeStop(stop, this.session!.machine!.pc),
			view: this.view()
		});
	}

	private setBreakpoints(id: number, locations: Location[]): void {
		const s = this.session!;
		const breakpoints: ResolvedBreakpoint[] = (Array.isArray(locations) ? locations : []).map(
			(location) => {
				const r = resolveLocation(s.program!, location);
				return r.ok
					? { location, addresses: r.addresses, ...(r.line !== undefined ? { line: r.line } : {}) }
					: { location, addresses: [], error: r.error };
			}
		);
		s.setBreakpoints(breakpoints.flatMap((b) => b.addresses));
		this.post({ type: 'breakpoints', id, breakpoints, view: this.view() });
	}

	private view(): MachineView {
		return machineView(this.session!, this.viewOptions)!;
	}
}
