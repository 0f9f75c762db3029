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
	/** Model cycles: one per guest instruction, plus every exit (or native firmware call). */
	modelCycles: number;
	/** Host wall-clock seconds the run took, by `clock` (a figure for benchmarks, never for tests). */
	seconds: number;
}

export type VmResult = { ok: true; run: VmRun } | { ok: false; error: string };

/** Exits in a row with no guest progress before the run is declared stuck (a monitor bug or an
 *  impossible guest state), so that every run ends. */
const STUCK_EXITS = 64;

export function runVm(options: VmOptions): VmResult {
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
	const machine = new Machine({
		ramSize: ramSize + (monitored ? MONITOR_SIZE : 0),
		hostTrapsM: true,
		hostTrapsHS: monitored,
		uartOut: consoleOut
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
	const monitor = createMonitor(options.mode, ctx);
	const loaded = loadGuest(machine, mem, options.kernel);
	if (!loaded.ok) return loaded;
	monitor.boot(loaded.booted);

	const started = now();
	const outcome = runLoop(ctx, monitor, budget);
	const seconds = (now() - started) / 1000;
	const guestInstructions = machine.instret + ctx.emulatedInstructions;
	return {
		ok: true,
		run: {
			mode: options.mode,
			outcome,
			output: Uint8Array.from(output),
			guestInstructions,
			exits: ctx.log,
			modelCycles: guestInstructions + ctx.log.modelCycles,
			seconds
		}
	};
}

function createMonitor(mode: VmMode, ctx: MonitorContext): Monitor {
	switch (mode) {
		case 'native':
			return new NativeFirmware(ctx);
		case 'hw':
			return new HardwareAssisted(ctx);
		case 'trap':
			return new TrapAndEmulate(ctx);
		case 'pv':
			return new Paravirtual(ctx);
	}
}

function runLoop(ctx: MonitorContext, monitor: Monitor, budget: number): VmOutcome {
	const m = ctx.machine;
	let left = budget;
	let stuck = 0;
	let progressAt = -1;
	for (;;) {
		if (ctx.end) return ctx.end;
		if (left <= 0) return { kind: 'budget', budget };
		const stop = m.run({ maxInsns: left });
		left -= m.lastRunSpent;
		switch (stop.kind) {
			case 'hostTrap': {
				left -= 1; // an exit spends budget too, so a guest that only exits still stops
				const progress = m.instret + ctx.emulatedInstructions;
				stuck = progress === progressAt ? stuck + 1 : 0;
				progressAt = progress;
				if (stuck >= STUCK_EXITS)
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
