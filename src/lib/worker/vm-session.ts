/**
 * The exit stepper's worker protocol and its handler. `VmSession` runs the course's guest in the
 * modes asked for, one slice of the budget at a time (vmm/vm.ts, createVm), posting progress and the new
 * exit records after each slice and yielding to the event loop between slices, so that a `cancel`
 * (or a newer `start`) is heard within one slice. It keeps the records and each finished run's
 * page-walk counts (TLB misses, page-table references by stage), so that `recost` re-prices them
 * under another cost model without running anything again; each mode's tally, like `virtlab vm`,
 * is guest instructions + page-walk references × memoryReference + exits (tally.ts).
 *
 * The same class runs inside the Web Worker (vm.worker.ts) and directly in tests; it reads no clock
 * and touches no DOM: the worker passes its clock and its way of yielding. Every message is plain
 * data (structured-clone friendly): no class instances, no functions, no Maps. Exit records travel
 * packed into numbers (packed-exits.ts): the page unpacks one only when it shows it.
 */
import { WORKLOADS, buildGuest, type WorkloadName } from '../emulator/guests/build.ts';
import type { SourceMapEntry } from '../emulator/asm/index.ts';
import type { CostModel } from '../emulator/vmm/cost.ts';
import { SHADOW_SYNCS, type ShadowSync } from '../emulator/vmm/shadow-paging.ts';
import type { ExitRecord, VmMode } from '../emulator/vmm/exit-trace.ts';
import { ExitPacker, type PackedExits } from './packed-exits.ts';
import { VM_MODES, type VmOutcome } from '../emulator/vmm/vm.ts';
import { text, type Text } from '../widgets/exit-stepper/messages.ts';
import {
	resolveCost,
	tally,
	type CostOverrides,
	type ModeTally
} from '../widgets/exit-stepper/tally.ts';
import type { WalkCounts } from '../emulator/vmm/walk-stats.ts';
import { createVm } from '../emulator/vmm/vm.ts';

// ---------------------------------------------------------------------------------------------
// The protocol

export interface StartRequest {
	type: 'start';
	/** Chosen by the page; every answer to this request carries it. */
	id: number;
	workload: WorkloadName;
	modes: VmMode[];
	costPreset: string;
	costOverrides?: CostOverrides;
	/** Per mode: guest instructions, traps and exits before the run stops unfinished. */
	budget?: number;
	/** Budget per slice (default SLICE). */
	slice?: number;
	/** Exits kept per mode before the run stops unfinished (default MAX_RECORDS). */
	maxRecords?: number;
	/**
	 * Trap mode only: reading sepc does not trap, so the deprivileged kernel reads the real CSR
	 * (Popek and Goldberg's condition broken on purpose; vmm/trap-and-emulate.ts).
	 */
	nonVirtualizable?: boolean;
	/** The pv kernel batches its page-table updates into one hypercall (default true; guests/build.ts). */
	batching?: boolean;
	/** Trap mode only: how the monitor keeps its shadow page tables in sync (vmm/shadow-paging.ts). */
	shadowSync?: ShadowSync;
}

export interface CancelRequest {
	type: 'cancel';
	id: number;
}

export interface RecostRequest {
	type: 'recost';
	id: number;
	preset: string;
	overrides?: CostOverrides;
}

export type SessionRequest = StartRequest | CancelRequest | RecostRequest;

/** The guest build a mode ran (pv has its own), for the source view. */
export interface GuestSources {
	pv: boolean;
	modes: VmMode[];
	files: Record<string, string>;
	sourceMap: SourceMapEntry[];
}

/** How a mode's run ended: vmm's outcomes, and the stepper's own limit on kept records. */
export type SessionOutcome = VmOutcome | { kind: 'records'; limit: number };

export interface ModeSummary {
	mode: VmMode;
	outcome: SessionOutcome;
	/** The outcome as a line to show. */
	message: Text;
	finished: boolean;
	output: string;
	guestInstructions: number;
	/**
	 * Priced under the run's cost model: its exits by reason and its page walks, as far as the run
	 * went (to its end, or to the stepper's record limit).
	 */
	tally: ModeTally;
}

export type SessionResponse =
	/** The guest is built; runs begin. */
	| { type: 'started'; id: number; modes: VmMode[]; cost: CostModel; guests: GuestSources[] }
	/**
	 * After each slice of a mode: its progress, and the exit records made since the last one,
	 * packed (the mode's batches are unpacked together: PackedExitLog).
	 */
	| {
			type: 'progress';
			id: number;
			mode: VmMode;
			guestInstructions: number;
			exits: number;
			spent: number;
			budget: number;
			records: PackedExits;
	  }
	| { type: 'modeDone'; id: number; summary: ModeSummary }
	| { type: 'done'; id: number; summaries: ModeSummary[] }
	| { type: 'cancelled'; id: number }
	| { type: 'recosted'; id: number; cost: CostModel; tallies: ModeTally[] }
	| { type: 'error'; id: number; message: Text };

export const SLICE = 200_000;
export const DEFAULT_BUDGET = 50_000_000;
export const MAX_BUDGET = 1e9;
export const MAX_RECORDS = 500_000;

export interface SessionOptions {
	/** Milliseconds of a wall clock, passed on to the VMM (its `seconds`); none by default. */
	clock?: () => number;
	/** Lets other messages in between slices; by default a zero-delay timer. */
	yieldToEvents?: () => Promise<void>;
}

interface StoredRun {
	mode: VmMode;
	records: ExitRecord[];
	guestInstructions: number;
	firmwareCalls: number;
	/** The hardware's page walks as far as the run went. */
	walk?: WalkCounts;
	outcome?: SessionOutcome;
}

// ---------------------------------------------------------------------------------------------
// The handler

export class VmSession {
	/** The request being run, 0 when none. */
	private active = 0;
	private runs: StoredRun[] = [];
	private readonly yieldToEvents: () => Promise<void>;

	constructor(
		private readonly post: (message: SessionResponse) => void,
		private readonly options: SessionOptions = {}
	) {
		this.yieldToEvents =
			options.yieldToEvents ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
	}

	/** Handles one request; a `start` resolves when its runs end or are cancelled. */
	async handle(request: SessionRequest): Promise<void> {
		switch (request?.type) {
			case 'start':
				return this.start(request);
			case 'cancel':
				if (this.active === request.id) this.active = 0;
				return;
			case 'recost':
				return this.recost(request);
			default:
				this.post({
					type: 'error',
					id: (request as { id?: number })?.id ?? 0,
					message: text('exitStepper.error.request', {
						type: String((request as { type?: unknown })?.type)
					})
				});
		}
	}

	private fail(id: number, message: Text): void {
		this.post({ type: 'error', id, message });
		if (this.active === id) this.active = 0;
	}

	private async start(req: StartRequest): Promise<void> {
		// A newer start supersedes the one running: that one hears it after its slice.
		this.active = req.id;
		const id = req.id;
		const known = WORKLOADS.map((w) => w.name);
		if (!known.includes(req.workload))
			return this.fail(
				id,
				text('exitStepper.error.workload', {
					workload: String(req.workload),
					known: known.join(', ')
				})
			);
		const modes = req.modes;
		if (
			!Array.isArray(modes) ||
			modes.length < 1 ||
			modes.length > VM_MODES.length ||
			new Set(modes).size !== modes.length ||
			!modes.every((m) => VM_MODES.includes(m))
		)
			return this.fail(id, text('exitStepper.error.modes', { known: VM_MODES.join(', ') }));
		const budget = req.budget ?? DEFAULT_BUDGET;
		if (!Number.isSafeInteger(budget) || budget < 1 || budget > MAX_BUDGET)
			return this.fail(id, text('exitStepper.error.budget', { max: MAX_BUDGET }));
		const slice = Math.max(1, Math.floor(req.slice ?? SLICE));
		const maxRecords = Math.max(1, Math.floor(req.maxRecords ?? MAX_RECORDS));
		const cost = resolveCost(req.costPreset, req.costOverrides);
		if (!cost.ok) return this.fail(id, cost.error);
		if (req.shadowSync !== undefined && !SHADOW_SYNCS.includes(req.shadowSync))
			return this.fail(
				id,
				text('exitStepper.error.shadowSync', {
					sync: String(req.shadowSync),
					known: SHADOW_SYNCS.join(', ')
				})
			);

		// Build each kernel once: the plain one for native, trap and hw, the pv one for pv.
		const guests: GuestSources[] = [];
		const images = new Map<boolean, NonNullable<ReturnType<typeof buildGuest>['image']>>();
		for (const pv of [false, true]) {
			const using = modes.filter((m) => (m === 'pv') === pv);
			if (using.length === 0) continue;
			const built = buildGuest(req.workload, { pv, batching: req.batching ?? true });
			if (!built.image) {
				const first = built.diagnostics.find((d) => d.severity === 'error');
				return this.fail(
					id,
					text('exitStepper.error.build', {
						build: pv ? 'paravirtual' : 'plain',
						message: first?.message ?? ''
					})
				);
			}
			images.set(pv, built.image);
			guests.push({ pv, modes: using, files: built.files, sourceMap: built.sourceMap });
		}
		this.runs = [];
		this.post({ type: 'started', id, modes: [...modes], cost: cost.model, guests });

		const summaries: ModeSummary[] = [];
		for (const mode of modes) {
			const output: number[] = [];
			const created = createVm({
				mode,
				kernel: { image: images.get(mode === 'pv')! },
				maxInsns: budget,
				cost: cost.model,
				keepExits: true,
				nonVirtualizable: req.nonVirtualizable ?? false,
				shadowSync: req.shadowSync,
				consoleOut: (b) => output.push(b),
				clock: this.options.clock
			});
			if (!created.ok)
				return this.fail(id, text('exitStepper.error.run', { mode, message: created.error }));
			const vm = created.vm;
			const stored: StoredRun = {
				mode,
				records: vm.exits.records,
				guestInstructions: 0,
				firmwareCalls: 0
			};
			this.runs.push(stored);
			let sent = 0;
			const packer = new ExitPacker();
			let outcome: SessionOutcome | undefined;
			for (;;) {
				outcome = vm.step(slice);
				stored.guestInstructions = vm.guestInstructions;
				stored.firmwareCalls = vm.exits.firmwareCalls;
				const records = packer.pack(vm.exits.records.slice(sent));
				sent = vm.exits.records.length;
				this.post({
					type: 'progress',
					id,
					mode,
					guestInstructions: vm.guestInstructions,
					exits: vm.exits.count,
					spent: vm.spent,
					budget,
					records
				});
				if (!outcome && vm.exits.records.length >= maxRecords)
					outcome = { kind: 'records', limit: maxRecords };
				if (outcome) break;
				await this.yieldToEvents();
				if (this.active !== id) {
					this.post({ type: 'cancelled', id });
					return;
				}
			}
			stored.outcome = outcome;
			// The walks as far as the run went (to its end, or to the record limit).
			const { misses, references } = vm.walk;
			stored.walk = { misses, references };
			const summary: ModeSummary = {
				mode,
				outcome,
				message: outcomeText(outcome),
				finished: outcome.kind === 'exit',
				output: new TextDecoder().decode(Uint8Array.from(output)),
				guestInstructions: vm.guestInstructions,
				tally: tally(stored, cost.model)
			};
			summaries.push(summary);
			this.post({ type: 'modeDone', id, summary });
			// Between modes too, so a cancel does not wait for the next mode's first slice.
			await this.yieldToEvents();
			if (this.active !== id) {
				this.post({ type: 'cancelled', id });
				return;
			}
		}
		this.active = 0;
		this.post({ type: 'done', id, summaries });
	}

	private recost(req: RecostRequest): void {
		const cost = resolveCost(req.preset, req.overrides);
		if (!cost.ok) return this.post({ type: 'error', id: req.id, message: cost.error });
		if (this.runs.length === 0)
			return this.post({ type: 'error', id: req.id, message: text('exitStepper.error.noRun') });
		this.post({
			type: 'recosted',
			id: req.id,
			cost: cost.model,
			tallies: this.runs.map((r) => tally(r, cost.model))
		});
	}
}

/** A run's end as a line. */
export function outcomeText(outcome: SessionOutcome): Text {
	switch (outcome.kind) {
		case 'exit':
			return text('exitStepper.outcome.exit', { code: outcome.exitCode, how: outcome.how });
		case 'budget':
			return text('exitStepper.outcome.budget', { budget: outcome.budget });
		case 'records':
			return text('exitStepper.outcome.records', { limit: outcome.limit });
		case 'error':
			return text('exitStepper.outcome.error', { message: outcome.message });
	}
}
