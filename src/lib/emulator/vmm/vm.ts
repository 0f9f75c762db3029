/**
 * Running a guest kernel in one of the four modes: the entry point of the hypervisor, shared by
 * `virtlab vm`, the tests and (later) the exit stepper's worker.
 *
 * The loop is the classic run loop of a hypervisor (KVM's `KVM_RUN`, Xen's `vmentry`): run the
 * guest until something exits, handle the exit, run again. Here "run the guest" is Machine.run,
 * and an exit is a trap the machine hands to the host.
 */
import { Machine } from '../machine/machine.ts';
import type { StopReason } from '../machine/types.ts';
import { COST_PRESETS, DEFAULT_COST_PRESET, type CostModel } from './cost.ts';
import { ExitLog, type ExitRecord, type VmMode } from './exit-trace.ts';
import {
	DEFAULT_GUEST_RAM,
	MAX_GUEST_RAM,
	MIN_GUEST_RAM,
	MONITOR_SIZE,
	guestMemory,
	loadGuest,
	type KernelImage
} from './guest-memory.ts';
import { HardwareAssisted } from './hardware-assisted.ts';
import { MonitorOutOfMemory } from './monitor-memory.ts';
import type { GuestEnd, Monitor, MonitorContext } from './monitor.ts';
import { NativeFirmware } from './native.ts';
import { Paravirtual } from './paravirtual.ts';
import { TrapAndEmulate } from './trap-and-emulate.ts';
import { SHADOW_SYNCS, type ShadowSync } from './shadow-paging.ts';
import { walkCounts, walkStats, type WalkStats } from './walk-stats.ts';

export const VM_MODES: readonly VmMode[] = ['native', 'trap', 'pv', 'hw'];
export const DEFAULT_VM_BUDGET = 1e9;

export interface VmOptions {
	mode: VmMode;
	kernel: KernelImage;
	/** Guest RAM in bytes (default 128 MiB, as QEMU virt). */
	ramSize?: number;
	/** The budget: guest instructions, traps and exits; the run stops when it is spent. */
	maxInsns?: number;
	cost?: CostModel;
	/** Keep every exit record (the exit stepper); the tally is always kept. */
	keepExits?: boolean;
	/** Called with each exit record as it is made (`--trace exits`). */
	onExit?: (record: ExitRecord) => void;
	/** Each console byte as the guest writes it (the output is also collected in the result). */
	consoleOut?: (byte: number) => void;
	/** Bytes for the guest's console to read. */
	input?: Iterable<number>;
	/** Break Popek and Goldberg's condition on purpose (trap mode; see trap-and-emulate.ts). */
	nonVirtualizable?: boolean;
	/**
	 * How trap mode keeps its shadow tables in step with the guest's (shadow-paging.ts,
	 * `ShadowSync`; default `DEFAULT_SHADOW_SYNC`). Other modes have no shadows and ignore it.
	 */
	shadowSync?: ShadowSync;
	/** The machine's TLB entries (a power of two; default 64). */
	tlbEntries?: number;
	/** ASID and VMID tags in the TLB (default true); false flushes it at every address-space change. */
	tlbTags?: boolean;
	/** Entries of the G-stage walk cache (0, the default, or a power of two; matters at V=1). */
	walkCacheEntries?: number;
	/** hw mode maps guest RAM with 4 MiB G-stage megapages instead of 4 KiB pages (g-stage.ts). */
	gStageMegapages?: boolean;
	/**
	 * Milliseconds of the host's wall clock, for `seconds` (the CLI and the page pass theirs; an
	 * engine reads no clock of its own). Without it `seconds` is 0.
	 */
	clock?: () => number;
}

export type VmOutcome =
	GuestEnd | { kind: 'budget'; budget: number } | { kind: 'error'; message: string };

export interface VmRun {
	mode: VmMode;
	outcome: VmOutcome;
	/** The guest's console output. */
	output: Uint8Array;
	/** Guest instructions: retired by the machine, plus those the monitor emulated. */
	guestInstructions: number;
	exits: ExitLog;
	/** The hardware's page walks on TLB misses (walk-stats.ts). */
	walk: WalkStats;
	/**
	 * Model cycles: one per guest instruction, plus every exit (or native firmware call), plus the
	 * page walks' memory references (`walk.cycles`).
	 */
	modelCycles: number;
	/** Host wall-clock seconds the run took, by `clock` (a figure for benchmarks, never for tests). */
	seconds: number;
}

export type VmResult = { ok: true; run: VmRun } | { ok: false; error: string };

/** Exits in a row with no guest progress before the run is declared stuck (a monitor bug or an
 *  impossible guest state), so that every run ends. */
const STUCK_EXITS = 64;

/**
 * A run that goes on in slices: `step(maxInsns)` runs the exit loop for at most that much more of
 * the budget and returns the outcome once the run has ended, undefined while it goes on (the exit
 * stepper's worker posts progress and hears a cancel between slices). `runVm` is one step of the
 * whole budget.
 */
export interface VmSlices {
	step(maxInsns: number): VmOutcome | undefined;
	/** Guest instructions so far: retired by the machine plus emulated by the monitor. */
	readonly guestInstructions: number;
	/** The budget spent so far. */
	readonly spent: number;
	/** The exit log so far (records only with `keepExits`). */
	readonly exits: ExitLog;
	/** The hardware's page walks so far, priced by the run's cost model. */
	readonly walk: WalkStats;
	/** The finished run; throws before `step` has returned an outcome. */
	result(): VmRun;
}

export function runVm(options: VmOptions): VmResult {
	const created = createVm(options);
	if (!created.ok) return created;
	// The whole budget in one slice (a budget of 0 still ends at once: nothing is left).
	created.vm.step(Math.max(1, options.maxInsns ?? DEFAULT_VM_BUDGET));
	return { ok: true, run: created.vm.result() };
}

export function createVm(
	options: VmOptions
): { ok: true; vm: VmSlices } | { ok: false; error: string } {
	const now = options.clock ?? (() => 0);
	const ramSize = options.ramSize ?? DEFAULT_GUEST_RAM;
	if (
		!Number.isInteger(ramSize) ||
		ramSize % (4 << 20) !== 0 ||
		ramSize < MIN_GUEST_RAM ||
		ramSize > MAX_GUEST_RAM
	)
		return {
			ok: false,
			error: `guest memory ${ramSize} must be a multiple of 4 MiB from ${MIN_GUEST_RAM >> 20} MiB to ${MAX_GUEST_RAM >> 20} MiB`
		};
	const budget = options.maxInsns ?? DEFAULT_VM_BUDGET;
	if (!Number.isSafeInteger(budget) || budget < 0)
		return { ok: false, error: `budget ${budget} must be a whole number from 0 to 2^53 − 1` };
	const monitored = options.mode !== 'native';
	const output: number[] = [];
	const consoleOut = (b: number) => {
		output.push(b);
		options.consoleOut?.(b);
	};
	if (options.shadowSync !== undefined && !SHADOW_SYNCS.includes(options.shadowSync))
		return {
			ok: false,
			error: `shadow synchronisation '${options.shadowSync}' must be one of ${SHADOW_SYNCS.join(', ')}`
		};
	const tlbProblem = checkTlbOptions(options);
	if (tlbProblem) return { ok: false, error: tlbProblem };
	const machine = new Machine({
		ramSize: ramSize + (monitored ? MONITOR_SIZE : 0),
		hostTrapsM: true,
		hostTrapsHS: monitored,
		uartOut: consoleOut,
		tlbEntries: options.tlbEntries,
		tlbTags: options.tlbTags,
		walkCacheEntries: options.walkCacheEntries
	});
	const mem = guestMemory(ramSize, monitored);
	const cost = options.cost ?? COST_PRESETS.find((p) => p.id === DEFAULT_COST_PRESET)!;
	const ctx: MonitorContext = {
		machine,
		mem,
		log: new ExitLog(options.mode, cost, options.keepExits ?? false, options.onExit),
		console: { out: consoleOut, input: [...(options.input ?? [])] },
		end: null,
		emulatedInstructions: 0,
		nonVirtualizable: options.nonVirtualizable ?? false
	};
	// Natively the machine's own UART reads the console input: SBI getchar shares its queue.
	if (!monitored) machine.hart.uart.rx = ctx.console.input;
	const monitor = createMonitor(
		options.mode,
		ctx,
		options.gStageMegapages ?? false,
		options.shadowSync
	);
	const loaded = loadGuest(machine, mem, options.kernel);
	if (!loaded.ok) return loaded;
	monitor.boot(loaded.booted);

	const loop: LoopState = { budget, left: budget, stuck: 0, progressAt: -1 };
	const progress = () => machine.instret + ctx.emulatedInstructions;
	let seconds = 0;
	let outcome: VmOutcome | undefined;
	const vm: VmSlices = {
		step(maxInsns) {
			if (outcome) return outcome;
			if (!Number.isSafeInteger(maxInsns) || maxInsns < 1)
				throw new RangeError(`slice ${maxInsns} must be a whole number from 1 to 2^53 − 1`);
			const started = now();
			outcome = runLoop(ctx, monitor, loop, maxInsns);
			seconds += (now() - started) / 1000;
			return outcome;
		},
		get guestInstructions() {
			return progress();
		},
		get spent() {
			return budget - Math.max(0, loop.left);
		},
		get exits() {
			return ctx.log;
		},
		get walk() {
			return walkStats(walkCounts(machine.stats()), cost);
		},
		result() {
			if (!outcome) throw new Error('the run has not ended: step it until it returns an outcome');
			const guestInstructions = progress();
			const walk = this.walk;
			return {
				mode: options.mode,
				outcome,
				output: Uint8Array.from(output),
				guestInstructions,
				exits: ctx.log,
				walk,
				modelCycles: guestInstructions + ctx.log.modelCycles + walk.cycles,
				seconds
			};
		}
	};
	return { ok: true, vm };
}

function createMonitor(
	mode: VmMode,
	ctx: MonitorContext,
	megapages: boolean,
	shadowSync: ShadowSync | undefined
): Monitor {
	switch (mode) {
		case 'native':
			return new NativeFirmware(ctx);
		case 'hw':
			return new HardwareAssisted(ctx, megapages);
		case 'trap':
			return new TrapAndEmulate(ctx, shadowSync);
		case 'pv':
			return new Paravirtual(ctx);
	}
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;

/** Why the TLB options cannot build a machine, or undefined. */
function checkTlbOptions(options: VmOptions): string | undefined {
	const entries = options.tlbEntries;
	if (entries !== undefined && !(isPowerOfTwo(entries) && entries <= 65536))
		return `TLB entries ${entries} must be a power of two from 1 to 65536`;
	const cache = options.walkCacheEntries;
	if (cache !== undefined && cache !== 0 && !(isPowerOfTwo(cache) && cache <= 65536))
		return `walk cache entries ${cache} must be 0 or a power of two up to 65536`;
	return undefined;
}

/** The exit loop's state, kept between slices. */
interface LoopState {
	budget: number;
	left: number;
	stuck: number;
	progressAt: number;
}

/** Runs until the guest ends, the budget is spent (an outcome) or `slice` is (undefined). */
function runLoop(
	ctx: MonitorContext,
	monitor: Monitor,
	loop: LoopState,
	slice: number
): VmOutcome | undefined {
	const m = ctx.machine;
	for (;;) {
		if (ctx.end) return ctx.end;
		if (loop.left <= 0) return { kind: 'budget', budget: loop.budget };
		if (slice <= 0) return undefined;
		const stop = m.run({ maxInsns: Math.min(slice, loop.left) });
		loop.left -= m.lastRunSpent;
		slice -= m.lastRunSpent;
		switch (stop.kind) {
			case 'hostTrap': {
				// an exit spends budget too, so a guest that only exits still stops
				loop.left -= 1;
				slice -= 1;
				const progress = m.instret + ctx.emulatedInstructions;
				loop.stuck = progress === loop.progressAt ? loop.stuck + 1 : 0;
				loop.progressAt = progress;
				if (loop.stuck >= STUCK_EXITS)
					return {
						kind: 'error',
						message: `the guest exits again and again without progress (cause ${stop.trap.cause} at pc 0x${stop.trap.pc.toString(16)})`
					};
				try {
					monitor.handle(stop.trap);
				} catch (e) {
					if (e instanceof MonitorOutOfMemory) return { kind: 'error', message: e.message };
					throw e;
				}
				break;
			}
			case 'halted':
				return { kind: 'exit', exitCode: stop.exitCode, how: 'test finisher' };
			case 'budget':
			case 'breakpoint':
				break;
			default:
				return { kind: 'error', message: describeStop(stop) };
		}
	}
}

function describeStop(stop: StopReason): string {
	const hex = (v: number) => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
	if (stop.kind === 'trapLoop')
		return `trap loop: cause ${stop.repeating.cause} at pc ${hex(stop.repeating.pc)} again and again without an instruction retiring`;
	if (stop.kind === 'machineError') return stop.message;
	return stop.kind;
}
