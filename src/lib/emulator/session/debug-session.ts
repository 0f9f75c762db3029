/**
 * A debugging session over the machine (machine/machine.ts): load a program, run it in batches
 * toward a goal (n steps, the return of a call, a source line, the next breakpoint), pause between
 * batches, and step back.
 *
 * Positions. A *step* is one unit of the machine's budget: an instruction retired or a trap entered
 * (an `ecall` is one step into the handler; a timer interrupt is one step too). The session counts
 * steps since the program was loaded: that count, the *position*, names every moment of the run.
 *
 * Step back. The machine is deterministic: time is counted in instructions, not read from a clock
 * (machine/counters.ts), so from the same state with the same inputs it always does the same
 * thing. The only input from outside is the UART's receiver, and the session records each delivery
 * with its position. So to go back to position p it restores the latest checkpoint at or before p
 * (checkpoints.ts) and replays forward to p, delivering the recorded input on the way. The UART
 * output and the trap log are cut back to their length at the checkpoint and grow again as the
 * replay re-creates them.
 *
 * Breakpoints are addresses compared with the pc when an instruction is fetched, as the machine's
 * are: the physical address, the same as the pc when translation is off (M-mode, or satp Bare)
 * or maps the code one to one.
 *
 * Firmware. With `firmware`, the program is a kernel booted behind SBI firmware played by the host
 * (firmware.ts): it starts in S-mode, and the traps that would enter M-mode (SBI calls, the
 * machine timer) are answered by the firmware, each in one step, logged with the traps. The
 * firmware's state goes into every checkpoint, so step back and replay stay exact.
 */
import { Machine } from '../machine/machine.ts';
import type { StopReason, TraceEvent } from '../machine/types.ts';
import { isCall } from './calls.ts';
import { Checkpoints } from './checkpoints.ts';
import { CSR_GROUPS } from './csr-groups.ts';
import { FIRMWARE_DEFAULT_RAM, SessionFirmware } from './firmware.ts';
import { loadProgram, type Program, type ProgramInput } from './program.ts';
import { TailLog } from './tail-log.ts';
import type { ModeView, SessionStop, StepDelta, TrapRecord } from './types.ts';

export interface DebugSessionOptions {
	/**
	 * RAM in bytes (default 4 MiB: plenty for a playground program, cheap to checkpoint; with
	 * `firmware`, 16 MiB, what the course's guest kernel needs).
	 */
	ramSize?: number;
	/**
	 * Boot the program behind SBI firmware (firmware.ts), as QEMU `virt` with OpenSBI boots a
	 * kernel: in S-mode at its entry, a0 = hart id 0, a1 = a device tree near the top of RAM.
	 * Without it the program starts in M-mode at its entry with no firmware.
	 */
	firmware?: boolean;
	/** Instructions per mtime tick (machine default 100). */
	timeDivisor?: number;
	/** Steps between checkpoints (default 1,000,000: a step back replays at most that many). */
	checkpointInterval?: number;
	/** Checkpoints kept (default 40). */
	maxCheckpoints?: number;
	/** UART bytes and trap records kept for the views (default 65,536 and 10,000). */
	maxOutput?: number;
	maxTraps?: number;
}

/** What a command asks for; `begin` starts it and `advance` runs it batch by batch. */
export type Command =
	| { kind: 'step'; count: number }
	| { kind: 'stepOver' }
	| { kind: 'stepOut' }
	| { kind: 'continue' }
	| { kind: 'runTo'; addresses: number[] };

/** The goal a command runs toward, in machine terms. */
type Goal =
	| { kind: 'steps'; until: number }
	| { kind: 'continue' }
	/** A return: pc reaches `to` with sp at or above `sp` (the frame of the call is gone). */
	| { kind: 'return'; to: number; sp: number }
	| { kind: 'reach'; addresses: Set<number> };

export const DEFAULT_RAM = 4 * 1024 * 1024;
const SP = 2;
const RA = 1;

export function modeView(priv: number, virt: boolean): ModeView {
	const name = priv === 3 ? 'M' : virt ? (priv === 1 ? 'VS' : 'VU') : priv === 1 ? 'HS' : 'U';
	return { priv, virt, name };
}

/** Registers and CSRs at one moment, to tell what a command changed. */
interface Registers {
	x: number[];
	csrs: Map<string, number | undefined>;
}

export class DebugSession {
	private machineNow?: Machine;
	private programNow?: Program;
	private firmwareNow?: SessionFirmware;
	private positionNow = 0;
	readonly output: TailLog<number>;
	readonly traps: TailLog<TrapRecord>;
	/** UART input, in the order delivered, each with the position it was delivered at. */
	private inputs: { position: number; bytes: number[] }[] = [];
	private delivered = 0;
	private readonly checkpoints: Checkpoints;
	/** Breakpoint addresses the user set, and those a command sets for itself (step over, …). */
	private userBreakpoints = new Set<number>();
	private armed = new Set<number>();
	/** The addresses the current command stops at (a return address, the cursor's line). */
	private goalStops = new Set<number>();
	private goal?: Goal;
	private budgetLeft = 0;
	private budgetTotal = 0;
	/** Set when a command starts at an instruction with a breakpoint: run it before checking any. */
	private leaving = false;
	/** How the program ended (halted, a trap loop, a machine error): no command runs after it. */
	private ended?: SessionStop;
	private before?: Registers;
	/** The registers read at the end of the last command, and its position: the next one's `before`. */
	private lastRead?: { position: number; registers: Registers };
	private beganAt = 0;
	private trapsBefore = 0;
	/** The last command's stop and what it changed. */
	lastStop?: SessionStop;
	lastDelta?: StepDelta;
	/** For the trap log: the position and machine count when the current machine run began. */
	private runStart = { position: 0, spent: 0 };

	constructor(private readonly options: DebugSessionOptions = {}) {
		this.checkpoints = new Checkpoints(
			options.checkpointInterval ?? 1_000_000,
			options.maxCheckpoints ?? 40
		);
		this.output = new TailLog(options.maxOutput ?? 65_536);
		this.traps = new TailLog(options.maxTraps ?? 10_000);
	}

	get machine(): Machine | undefined {
		return this.machineNow;
	}
	get program(): Program | undefined {
		return this.programNow;
	}
	/** The firmware in front of the program, when the session was made with `firmware`. */
	get firmware(): SessionFirmware | undefined {
		return this.firmwareNow;
	}
	/** Steps since the program was loaded (instructions retired plus traps entered). */
	get position(): number {
		return this.positionNow;
	}
	/** Whether a command is under way (begun and not yet stopped). */
	get busy(): boolean {
		return this.goal !== undefined;
	}
	get breakpoints(): number[] {
		return [...this.userBreakpoints].sort((a, b) => a - b);
	}
	get checkpointPositions(): number[] {
		return this.checkpoints.positions;
	}

	/** Assembles or parses a program and starts it on a fresh machine. */
	load(input: ProgramInput): ReturnType<typeof loadProgram> {
		const result = loadProgram(input);
		if (!result.ok) return result;
		const error = this.start(result.program);
		if (error) return { ok: false, error, diagnostics: result.program.diagnostics };
		return result;
	}

	/** Starts the loaded program again from the beginning; breakpoints stay, recorded input goes. */
	reset(): void {
		if (this.programNow) this.start(this.programNow);
	}

	private start(program: Program): string | undefined {
		const withFirmware = this.options.firmware ?? false;
		const machine = new Machine({
			ramSize: this.options.ramSize ?? (withFirmware ? FIRMWARE_DEFAULT_RAM : DEFAULT_RAM),
			timeDivisor: this.options.timeDivisor,
			hostTrapsM: withFirmware,
			uartOut: (byte) => this.output.push(byte),
			trace: { traps: true, sink: (e) => this.recordTrap(e) }
		});
		const firmware = withFirmware
			? new SessionFirmware(machine, (byte) => this.output.push(byte))
			: undefined;
		const error = firmware ? firmware.boot(program.kernel) : program.loadInto(machine);
		if (error) return error;
		this.machineNow = machine;
		this.firmwareNow = firmware;
		this.programNow = program;
		this.positionNow = 0;
		this.output.clear();
		this.traps.clear();
		this.inputs = [];
		this.delivered = 0;
		this.goal = undefined;
		this.ended = undefined;
		this.lastStop = undefined;
		this.lastDelta = undefined;
		this.lastRead = undefined;
		this.armed = new Set();
		this.checkpoints.clear();
		this.takeCheckpoint();
		this.arm(this.userBreakpoints);
		return undefined;
	}

	// -------------------------------------------------------------------------------------------
	// Breakpoints

	setBreakpoints(addresses: Iterable<number>): void {
		this.userBreakpoints = new Set([...addresses].map((a) => a >>> 0));
		this.arm(new Set([...this.userBreakpoints, ...this.goalStops]));
	}

	/** Makes the machine's breakpoints exactly `wanted`. */
	private arm(wanted: Set<number>): void {
		const m = this.machineNow;
		if (!m) return;
		for (const a of this.armed) if (!wanted.has(a)) m.clearBreakpoint(a);
		for (const a of wanted) if (!this.armed.has(a)) m.setBreakpoint(a);
		this.armed = new Set(wanted);
	}

	// -------------------------------------------------------------------------------------------
	// Commands: begin, then advance batch by batch until the answer is not 'running'

	/**
	 * Starts a command with a budget of steps (a runaway program stops there). Returns the stop
	 * when the command cannot start or ends at once, else undefined: call `advance`.
	 */
	begin(command: Command, budget: number): SessionStop | undefined {
		const m = this.machineNow;
		if (!m) return { kind: 'machineError', message: 'no program is loaded' };
		this.goal = undefined;
		this.before = this.registersNow();
		this.beganAt = this.positionNow;
		this.trapsBefore = this.traps.total;
		if (this.ended) return this.finish(this.ended);
		if (!(Number.isSafeInteger(budget) && budget >= 1))
			return this.finish({
				kind: 'machineError',
				message: `budget ${budget} must be a whole number of steps, at least 1`
			});
		const pc = m.pc;
		let goal: Goal;
		switch (command.kind) {
			case 'step':
				if (!(Number.isSafeInteger(command.count) && command.count >= 0))
					return this.finish({
						kind: 'machineError',
						message: `step count ${command.count} must be a whole number`
					});
				goal = { kind: 'steps', until: this.positionNow + command.count };
				break;
			case 'stepOver': {
				const word = m.readWord(pc);
				goal =
					word !== undefined && isCall(word)
						? { kind: 'return', to: (pc + 4) >>> 0, sp: m.readRegister(SP) >>> 0 }
						: { kind: 'steps', until: this.positionNow + 1 };
				break;
			}
			case 'stepOut':
				// The caller's return address is in ra until the function calls another (then the
				// prologue saved it and the epilogue puts it back before `ret`): step out from the
				// body of a function that has made no call, or set a breakpoint after the call.
				goal = { kind: 'return', to: m.readRegister(RA) >>> 0, sp: m.readRegister(SP) >>> 0 };
				break;
			case 'continue':
				goal = { kind: 'continue' };
				break;
			case 'runTo':
				goal = { kind: 'reach', addresses: new Set(command.addresses.map((a) => a >>> 0)) };
				break;
		}
		this.goal = goal;
		this.budgetLeft = this.budgetTotal = budget;
		this.goalStops = new Set(
			goal.kind === 'return' ? [goal.to] : goal.kind === 'reach' ? goal.addresses : []
		);
		const wanted = new Set([...this.userBreakpoints, ...this.goalStops]);
		this.arm(wanted);
		// Leave the breakpoint we stand on, as a debugger's continue does.
		this.leaving = wanted.has(pc);
		if (goal.kind === 'steps' && goal.until === this.positionNow)
			return this.finish({ kind: 'done' });
		return undefined;
	}

	/** Runs the command begun for at most `batch` steps; 'running' when it is not finished yet. */
	advance(batch: number): SessionStop {
		const goal = this.goal;
		const m = this.machineNow;
		if (!goal || !m) return this.lastStop ?? { kind: 'done' };
		let left = Math.min(Math.max(1, Math.floor(batch)), this.budgetLeft);
		while (left > 0) {
			const allowed = goal.kind === 'steps' ? Math.min(left, goal.until - this.positionNow) : left;
			const from = this.positionNow;
			const r = this.runSteps(allowed);
			const spent = this.positionNow - from;
			left -= spent;
			this.budgetLeft -= spent;
			const stop = this.judge(goal, r);
			if (stop) return this.finish(stop);
			if (this.budgetLeft <= 0) return this.finish({ kind: 'budget', budget: this.budgetTotal });
		}
		return { kind: 'running' };
	}

	/** Whether the machine's stop ends the goal, and how. */
	private judge(goal: Goal, r: StopReason): SessionStop | undefined {
		const m = this.machineNow!;
		switch (r.kind) {
			case 'halted':
			case 'trapLoop':
			case 'machineError': {
				this.ended = r.kind === 'halted' ? { kind: 'halted', exitCode: r.exitCode } : r;
				return this.ended;
			}
			case 'hostTrap':
				// runMachine answers host traps when there is firmware; without, none are asked for.
				return {
					kind: 'machineError',
					message: 'a trap was handed to the host, but this session has no firmware'
				};
			case 'breakpoint': {
				const pc = r.pc >>> 0;
				if (goal.kind === 'reach' && goal.addresses.has(pc)) return { kind: 'done' };
				if (goal.kind === 'return' && pc === goal.to && m.readRegister(SP) >>> 0 >= goal.sp)
					return { kind: 'done' };
				if (this.userBreakpoints.has(pc)) return { kind: 'breakpoint', pc };
				return undefined;
			}
			case 'budget':
				if (goal.kind === 'steps' && this.positionNow >= goal.until) return { kind: 'done' };
				return undefined;
		}
	}

	/** Ends the current command (between batches, as the worker does on `pause`). */
	pause(): SessionStop {
		if (!this.goal) return this.lastStop ?? { kind: 'done' };
		return this.finish({ kind: 'paused' });
	}

	private finish(stop: SessionStop): SessionStop {
		this.goal = undefined;
		this.goalStops = new Set();
		this.leaving = false;
		this.arm(this.userBreakpoints);
		this.lastStop = stop;
		this.lastDelta = this.delta();
		return stop;
	}

	/** Runs a command to its end (for the CLI and tests; the worker pauses in between batches). */
	run(command: Command, budget: number, batch = 1_000_000): SessionStop {
		const immediate = this.begin(command, budget);
		if (immediate) return immediate;
		for (;;) {
			const stop = this.advance(batch);
			if (stop.kind !== 'running') return stop;
		}
	}

	step(count = 1): SessionStop {
		return this.run({ kind: 'step', count }, Math.max(1, count));
	}

	// -------------------------------------------------------------------------------------------
	// Step back

	/**
	 * Goes back `count` steps (to the start if there are fewer): restores the latest checkpoint at
	 * or before the target and replays to it, with breakpoints off. Answers 'start' when fewer than
	 * `count` steps lay behind (it went back to the start and no further).
	 */
	back(count: number): SessionStop {
		const m = this.machineNow;
		if (!m) return { kind: 'machineError', message: 'no program is loaded' };
		if (!(Number.isSafeInteger(count) && count >= 0))
			return { kind: 'machineError', message: `step count ${count} must be a whole number` };
		this.goal = undefined;
		this.before = this.registersNow();
		this.beganAt = this.positionNow;
		const target = Math.max(0, this.positionNow - count);
		this.travelTo(target);
		this.trapsBefore = this.traps.total;
		return this.finish(count > this.beganAt ? { kind: 'start' } : { kind: 'done' });
	}

	/** Puts the session at an earlier `target` position (or the current one, again). */
	private travelTo(target: number): void {
		const m = this.machineNow!;
		const checkpoint = this.checkpoints.atOrBefore(target)!;
		const error = Checkpoints.restore(m, checkpoint);
		if (error) throw new Error(`checkpoint does not fit the machine: ${error}`);
		this.positionNow = checkpoint.position;
		this.output.truncateTo(checkpoint.outputLength);
		this.traps.truncateTo(checkpoint.trapCount);
		this.delivered = checkpoint.inputsDelivered;
		if (checkpoint.firmware) this.firmwareNow?.restore(checkpoint.firmware);
		this.ended = undefined;
		this.checkpoints.dropAfter(target);
		this.arm(new Set());
		this.leaving = false;
		while (this.positionNow < target) {
			const r = this.runSteps(target - this.positionNow);
			if (r.kind !== 'budget' && r.kind !== 'breakpoint') {
				if (r.kind === 'halted') this.ended = { kind: 'halted', exitCode: r.exitCode };
				break;
			}
		}
		// The state at a position includes the input delivered there, as it did the first time.
		this.deliverDueInputs();
		this.arm(this.userBreakpoints);
	}

	// -------------------------------------------------------------------------------------------
	// UART input

	/**
	 * Gives bytes to the UART's receiver now. The future of the run changes with it, so input
	 * recorded beyond this position (before a step back) is forgotten.
	 */
	input(bytes: Iterable<number>): void {
		if (!this.machineNow) return;
		this.inputs.length = this.delivered;
		this.checkpoints.dropAfter(this.positionNow);
		this.inputs.push({ position: this.positionNow, bytes: [...bytes].map((b) => b & 0xff) });
		this.deliverDueInputs();
	}

	private deliverDueInputs(): void {
		while (
			this.delivered < this.inputs.length &&
			this.inputs[this.delivered].position <= this.positionNow
		) {
			this.machineNow!.uartInput(this.inputs[this.delivered].bytes);
			this.delivered++;
		}
	}

	// -------------------------------------------------------------------------------------------
	// Running the machine, with checkpoints and recorded input on the way

	/**
	 * Runs the machine for at most `allowed` steps, stopping on the way wherever a checkpoint is due
	 * or recorded input is to be delivered. Returns the machine's last stop ('budget' when all the
	 * steps were run).
	 */
	private runSteps(allowed: number): StopReason {
		let left = allowed;
		while (left > 0) {
			this.deliverDueInputs();
			if (this.checkpoints.due(this.positionNow)) this.takeCheckpoint();
			const nextInput = this.inputs[this.delivered]?.position ?? Infinity;
			const n = Math.min(
				left,
				this.checkpoints.stepsUntilDue(this.positionNow),
				nextInput - this.positionNow
			);
			const from = this.positionNow;
			let r: StopReason;
			if (this.leaving) {
				// One step with the breakpoints off, then on again.
				const armed = this.armed;
				this.arm(new Set());
				r = this.runMachine(1);
				this.arm(armed);
				this.leaving = false;
			} else r = this.runMachine(n);
			left -= this.positionNow - from;
			if (r.kind !== 'budget') return r;
		}
		return { kind: 'budget' };
	}

	/**
	 * Runs the machine for at most `n` steps. A trap handed to the firmware is answered here, as
	 * one step: the machine stopped before it with nothing changed, so when no step is left for it
	 * the trap is simply raised again by the next run.
	 */
	private runMachine(n: number): StopReason {
		const m = this.machineNow!;
		this.runStart = { position: this.positionNow, spent: m.hart.instret + m.hart.trapEntries };
		const r = m.run({ maxInsns: n });
		this.positionNow += m.lastRunSpent;
		const firmware = this.firmwareNow;
		if (r.kind !== 'hostTrap' || !firmware) return r;
		if (m.lastRunSpent >= n) return { kind: 'budget' };
		const t = r.trap;
		const answer = firmware.handle(t);
		this.traps.push({
			position: this.positionNow,
			cause: t.cause,
			interrupt: t.interrupt,
			tval: t.tval,
			pc: t.pc,
			from: modeView(t.priv, t.virt),
			to: 'M',
			firmware: answer.name
		});
		this.positionNow += 1;
		if (answer.kind === 'halted') return { kind: 'halted', exitCode: answer.exitCode };
		if (answer.kind === 'error') return { kind: 'machineError', message: answer.message };
		return { kind: 'budget' };
	}

	private takeCheckpoint(): void {
		this.checkpoints.take(this.machineNow!, this.positionNow, {
			inputsDelivered: this.delivered,
			outputLength: this.output.total,
			trapCount: this.traps.total,
			...(this.firmwareNow ? { firmware: this.firmwareNow.save() } : {})
		});
	}

	private recordTrap(e: TraceEvent): void {
		// A trap handed to the host is logged by runMachine, with what the firmware did.
		if (e.kind !== 'trap' || e.target === 'host') return;
		const h = this.machineNow?.hart;
		if (!h) return;
		const t = e.trap;
		this.traps.push({
			// The trap is entered after `instret + trapEntries − spent` steps of this run.
			position: this.runStart.position + h.instret + h.trapEntries - this.runStart.spent,
			cause: t.cause,
			interrupt: t.interrupt,
			tval: t.tval,
			pc: t.pc,
			from: modeView(t.priv, t.virt),
			to: e.target
		});
	}

	// -------------------------------------------------------------------------------------------
	// What changed

	private registers(): Registers {
		const m = this.machineNow!;
		const x: number[] = [];
		for (let i = 0; i < 32; i++) x.push(m.readRegister(i));
		const csrs = new Map<string, number | undefined>();
		for (const g of CSR_GROUPS) for (const c of g.csrs) csrs.set(c.name, m.readCsr(c.number));
		return { x, csrs };
	}

	/**
	 * The registers now. Reading every CSR costs more than a step, so the values read at the end of
	 * the last command serve while the position has not moved (the state at a position is one).
	 */
	private registersNow(): Registers {
		const last = this.lastRead;
		return last && last.position === this.positionNow ? last.registers : this.registers();
	}

	private delta(): StepDelta {
		const m = this.machineNow!;
		const now = this.registers();
		this.lastRead = { position: this.positionNow, registers: now };
		const before = this.before ?? now;
		const registers: number[] = [];
		for (let i = 1; i < 32; i++) if (now.x[i] !== before.x[i]) registers.push(i);
		const csrs: string[] = [];
		for (const [name, v] of now.csrs) if (before.csrs.get(name) !== v) csrs.push(name);
		const newTraps = Math.max(0, this.traps.total - this.trapsBefore);
		return {
			steps: this.positionNow - this.beganAt,
			registers,
			csrs,
			traps: newTraps > 0 ? this.traps.items(newTraps) : [],
			place: this.programNow?.lines.placeOf(m.pc)
		};
	}
}
