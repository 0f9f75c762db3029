/**
 * One guest virtual address, three ways to translate it: the page-walk visualizer's data. The
 * course's guest kernel runs in native, trap and hw mode until a user process (or, if asked, the
 * kernel) has made a data access to the address's page with the guest's paging on, and the access
 * has gone through. On the way every TLB miss of that access is caught in the machine's own trace
 * and turned into numbered references (mmu/numbered-walk.ts, computed from the machine's state at
 * the miss and checked against the `walk` events the hart then emits), and every exit the access
 * caused is kept as the monitor recorded it. So in each mode the result shows what happened:
 *
 * - native: the hardware walks the guest's own Sv32 table (§4.3.2), 2 references;
 * - trap: the hardware walks the shadow table (vmm/shadow-paging.md). On a miss, a hidden page
 *   fault and the monitor's fill as its exit record lists it (guest table reads, an A/D update if
 *   the guest's PTE needs one, the entries installed), then the walk again, which hits (Adams &
 *   Agesen, ASPLOS 2006, §2.4). The guest kernel's stores to the PTEs on the address's path, each
 *   an exit of its own on a write-protected table, are kept too;
 * - hw: the two-stage walk, the VS-stage over the G-stage (§9.5), up to 8 references.
 *
 * A fault the guest's own tables raise (demand paging) shows as a walk that faults; natively and
 * in hw mode the guest kernel handles it without an exit, in trap mode an exit reflects it to the
 * guest. Everything is plain data, for a worker to post.
 */
import { Machine } from '../machine/machine.ts';
import { Cause, PRIV_S, PRIV_U } from '../machine/constants.ts';
import { Csr } from '../isa/csr.ts';
import type { TraceEvent, TrapInfo } from '../machine/types.ts';
import { buildGuest, type WorkloadName } from '../guests/build.ts';
import {
	numberedWalk,
	tracedReads,
	type NumberedWalk,
	type TracedRead
} from '../mmu/numbered-walk.ts';
import type { Access } from '../mmu/view-translation.ts';
import { COST_PRESETS, DEFAULT_COST_PRESET } from './cost.ts';
import { ExitLog, type ExitRecord } from './exit-trace.ts';
import { MONITOR_SIZE, guestMemory, loadGuest, type KernelImage } from './guest-memory.ts';
import { pagingOn, walkGuest } from './guest-walk.ts';
import { HardwareAssisted } from './hardware-assisted.ts';
import { MonitorOutOfMemory } from './monitor-memory.ts';
import type { Monitor, MonitorContext } from './monitor.ts';
import { NativeFirmware } from './native.ts';
import { TrapAndEmulate } from './trap-and-emulate.ts';

export type ScenarioMode = 'native' | 'trap' | 'hw';
export const SCENARIO_MODES: readonly ScenarioMode[] = ['native', 'trap', 'hw'];

/** The course's kernel needs 16 MiB (vmm/README.md); the scenario gives it that much. */
const GUEST_RAM = 16 << 20;
/** Guest instructions each mode may run looking for the access (the default scenario needs 36,000). */
export const DEFAULT_SCENARIO_BUDGET = 5_000_000;
/** How much the machine runs between checks that the access has been seen. */
const SLICE = 20_000;
const PAGE_FAULTS = new Set([12, 13, 15, 20, 21, 23]);

export interface PageWalkScenarioOptions {
	/** The course's workload the guest kernel runs (default pagetouch: demand-paged heap pages). */
	workload?: WorkloadName;
	/** Whose accesses to follow: a user process's (the default) or the guest kernel's. */
	by?: 'user' | 'kernel';
	/**
	 * The guest virtual address to follow (accesses anywhere in its page count); by default the
	 * first data access `by` makes with paging on, found in the native run.
	 */
	va?: number;
	/** Guest instructions, traps and exits each mode may run (default 5,000,000). */
	maxInsns?: number;
}

/** One thing that happened to the access, in order. */
export type ScenarioEvent =
	/**
	 * A TLB miss of the access, and the walk the hardware made: `walk` is computed from the
	 * machine's state at the miss; `traceAgrees` says the hart's own walk events were the same.
	 */
	| { kind: 'walk'; guestInstructions: number; walk: NumberedWalk; traceAgrees: boolean }
	/**
	 * An exit as the monitor recorded it: a fault of the access (trap and hw modes), or trap mode's
	 * guest kernel writing a PTE on the access's path.
	 */
	| { kind: 'exit'; exit: ExitRecord };

export interface ModeWalks {
	mode: ScenarioMode;
	/** Whether the access was seen and went through within the budget. */
	found: boolean;
	events: ScenarioEvent[];
	/** Guest instructions when the access went through (or when the run stopped without it). */
	guestInstructions: number;
}

export type PageWalkScenario =
	| {
			ok: true;
			workload: WorkloadName;
			by: 'user' | 'kernel';
			/** The guest virtual address followed, and the access made there first. */
			va: number;
			access: Access;
			modes: ModeWalks[];
	  }
	| { ok: false; error: string };

/** Runs the scenario: the guest in native, trap and hw mode, the walks and exits of one access. */
export function pageWalkScenario(options: PageWalkScenarioOptions = {}): PageWalkScenario {
	const workload = options.workload ?? 'pagetouch';
	const budget = options.maxInsns ?? DEFAULT_SCENARIO_BUDGET;
	if (!Number.isSafeInteger(budget) || budget < 1)
		return { ok: false, error: `budget ${budget} must be a whole number from 1 to 2^53 − 1` };
	const by = options.by ?? 'user';
	if (by !== 'user' && by !== 'kernel')
		return { ok: false, error: `by '${String(by)}' must be 'user' or 'kernel'` };
	const va = options.va;
	if (va !== undefined && !(Number.isInteger(va) && va >= 0 && va < 2 ** 32))
		return { ok: false, error: `address ${va} is not a 32-bit guest virtual address` };
	const built = buildGuest(workload);
	if (!built.image)
		return {
			ok: false,
			error: `the guest kernel does not assemble: ${built.diagnostics[0]?.message ?? 'no image'}`
		};
	const kernel: KernelImage = { image: built.image };

	// Natively first: it finds the access when no address is given.
	const target: Target = { priv: by === 'user' ? PRIV_U : PRIV_S, va };
	const modes: ModeWalks[] = [];
	for (const mode of SCENARIO_MODES) {
		const followed = follow(mode, kernel, target, budget);
		if ('error' in followed) return { ok: false, error: `${mode} mode: ${followed.error}` };
		modes.push(followed);
		if (target.va === undefined)
			return {
				ok: false,
				error: `${by === 'user' ? 'no user process made a' : 'the kernel made no'} data access with paging on within ${budget} instructions`
			};
	}
	// A given address that no mode saw accessed: there is nothing to show.
	if (target.access === undefined)
		return {
			ok: false,
			error: `${by === 'user' ? 'no user process made a' : 'the kernel made no'} data access to the page of 0x${target.va!.toString(16).padStart(8, '0')} with paging on within ${budget} instructions`
		};
	return { ok: true, workload, by, va: target.va!, access: target.access, modes };
}

/** The access followed: the address is set by the first mode that sees it when it is not given. */
interface Target {
	/** The guest's privilege making it: 0 user, 1 kernel. */
	priv: number;
	va?: number;
	access?: Access;
}

/** A guest booted under a monitor, with its machine in reach (vm.ts's createVm keeps it inside). */
interface Booted {
	machine: Machine;
	ctx: MonitorContext;
	monitor: Monitor;
}

/**
 * Boots the guest as vm.ts's createVm does (the same monitors, memory layout and boot, default
 * options), with each exit record going to `onExit`. createVm keeps its machine inside; the
 * scenario needs it, to trace and read it.
 */
function boot(
	mode: ScenarioMode,
	kernel: KernelImage,
	onExit: (record: ExitRecord) => void
): Booted | { error: string } {
	const monitored = mode !== 'native';
	const machine = new Machine({
		ramSize: GUEST_RAM + (monitored ? MONITOR_SIZE : 0),
		hostTrapsM: true,
		hostTrapsHS: monitored
	});
	const cost = COST_PRESETS.find((p) => p.id === DEFAULT_COST_PRESET)!;
	const ctx: MonitorContext = {
		machine,
		mem: guestMemory(GUEST_RAM, monitored),
		log: new ExitLog(mode, cost, false, onExit),
		console: { out: () => {}, input: [] },
		end: null,
		emulatedInstructions: 0,
		nonVirtualizable: false
	};
	if (!monitored) machine.hart.uart.rx = ctx.console.input;
	const monitor =
		mode === 'native'
			? new NativeFirmware(ctx)
			: mode === 'trap'
				? new TrapAndEmulate(ctx)
				: new HardwareAssisted(ctx);
	const loaded = loadGuest(machine, ctx.mem, kernel);
	if (!loaded.ok) return { error: loaded.error };
	monitor.boot(loaded.booted);
	return { machine, ctx, monitor };
}

const pageOf = (va: number) => va >>> 12;

/**
 * Runs the guest in one mode until a user process's data access to the target's page has gone
 * through, keeping the walk of each of its TLB misses and the exits its faults caused. Sets the
 * target from the first user data access when it has none.
 */
function follow(
	mode: ScenarioMode,
	kernel: KernelImage,
	target: Target,
	budget: number
): ModeWalks | { error: string } {
	const events: ScenarioEvent[] = [];
	let found = false;
	let capturingExits = false;
	/** The walk of the last miss followed, while the hart's own walk events for it come in. */
	let open: { event: Extract<ScenarioEvent, { kind: 'walk' }>; trace: TracedRead[] } | undefined;
	const close = () => {
		if (!open) return;
		open.event.traceAgrees = sameReads(tracedReads(open.event.walk), open.trace);
		if (open.event.walk.outcome.ok) found = true;
		open = undefined;
	};
	const booted = boot(mode, kernel, (exit) => {
		if (capturingExits) events.push({ kind: 'exit', exit });
	});
	if ('error' in booted) return booted;
	const { machine, ctx, monitor } = booted;
	const progress = () => machine.instret + ctx.emulatedInstructions;
	/**
	 * Whether the access being translated is the followed one's kind: the guest's own privilege
	 * (in trap mode its kernel runs in real U-mode too) with the guest's own paging on.
	 */
	const followed = () => {
		if (monitor instanceof TrapAndEmulate)
			return monitor.vcpu.priv === target.priv && monitor.vcpu.satp >>> 31 === 1;
		const satp = machine.readCsr(mode === 'hw' ? Csr.vsatp : Csr.satp)!;
		return machine.mode.priv === target.priv && satp >>> 31 === 1;
	};
	machine.setTrace({
		mmu: true,
		sink: (e: TraceEvent) => {
			if (e.kind === 'walk') {
				open?.trace.push({ stage: e.stage, level: e.level, pteAddr: e.pteAddr, pte: e.pte });
				return;
			}
			if (e.kind !== 'tlbMiss') return;
			close();
			if (found || e.access === 'fetch' || !followed()) return;
			if (target.va === undefined) target.va = e.va;
			else if (pageOf(e.va) !== pageOf(target.va)) return;
			target.access ??= e.access;
			const walk = numberedWalk(machine, e.va, e.access);
			const event = {
				kind: 'walk' as const,
				guestInstructions: progress(),
				walk,
				traceAgrees: false
			};
			events.push(event);
			open = { event, trace: [] };
		}
	});

	let left = budget;
	while (!found && left > 0 && !ctx.end) {
		const stop = machine.run({ maxInsns: Math.min(SLICE, left) });
		left -= machine.lastRunSpent;
		close(); // a slice ends between instructions: the last miss's walk events are all in
		if (stop.kind === 'hostTrap') {
			left--;
			const trap: TrapInfo = stop.trap;
			capturingExits =
				!found &&
				events.length > 0 &&
				!trap.interrupt &&
				PAGE_FAULTS.has(trap.cause) &&
				(pageOf(trap.tval) === pageOf(target.va!) || writesPathPte(booted, trap, target.va!));
			try {
				monitor.handle(trap);
			} catch (e) {
				if (e instanceof MonitorOutOfMemory) return { error: e.message };
				throw e;
			} finally {
				capturingExits = false;
			}
		} else if (stop.kind === 'halted') break;
		else if (stop.kind !== 'budget' && stop.kind !== 'breakpoint')
			return { error: `the guest stopped: ${stop.kind}` };
	}
	close();
	const last = events.at(-1);
	const guestInstructions = found && last?.kind === 'walk' ? last.guestInstructions : progress();
	return { mode, found, events, guestInstructions };
}

/**
 * Whether the trap is trap mode's guest kernel storing to a PTE on the followed address's path in
 * its own table (the root entry or the leaf's): a write-protected table, so an exit of its own
 * (shadow-paging.md, "Staying in sync").
 */
function writesPathPte({ machine, ctx, monitor }: Booted, trap: TrapInfo, va: number): boolean {
	if (!(monitor instanceof TrapAndEmulate) || trap.cause !== Cause.storePageFault) return false;
	const satp = monitor.vcpu.satp;
	if (!pagingOn(satp)) return false;
	const store = walkGuest(machine, ctx.mem, satp, trap.tval);
	if (!store.ok) return false;
	const written = store.leaf.gpa - (store.leaf.gpa % 4);
	return walkGuest(machine, ctx.mem, satp, va).reads.some((r) => r.gpa === written);
}

function sameReads(a: TracedRead[], b: TracedRead[]): boolean {
	return (
		a.length === b.length &&
		a.every(
			(r, i) =>
				r.stage === b[i].stage &&
				r.level === b[i].level &&
				r.pteAddr === b[i].pteAddr &&
				r.pte === b[i].pte
		)
	);
}
