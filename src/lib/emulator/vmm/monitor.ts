/**
 * What every mode's monitor shares: the machine it runs the guest on, the guest's memory, its
 * console and exit status, the SBI firmware interface, and the exit log.
 *
 * A monitor is host code standing in for software that would run in M-mode (native mode's
 * firmware) or HS-mode (the hypervisor). The machine hands it every trap that would enter those
 * modes (`hostTrapsM`, `hostTrapsHS`), stopped exactly at the trapping instruction with the guest's
 * state untouched; the monitor handles it and the run goes on. So each exit below is a real trap
 * of the machine, in the order the guest caused them.
 */
import type { Machine } from '../machine/machine.ts';
import type { TrapInfo } from '../machine/types.ts';
import type { GuestMemory, Booted } from './guest-memory.ts';
import type { ExitLog, VmMode } from './exit-trace.ts';
import { sbiCall, type SbiPlatform } from './sbi.ts';
import { Csr } from '../isa/csr.ts';
import { Irq, MEDELEG_WRITABLE } from '../machine/constants.ts';
import { ExitBuilder } from './exit-builder.ts';

/** How the guest's run ended, once it has. */
export type GuestEnd = { kind: 'exit'; exitCode: number; how: string };

export interface GuestConsole {
	out: (byte: number) => void;
	/** Bytes waiting for the guest to read. */
	input: number[];
}

export interface MonitorContext {
	machine: Machine;
	mem: GuestMemory;
	log: ExitLog;
	console: GuestConsole;
	/** Set when the guest has ended (SRST or the test finisher). */
	end: GuestEnd | null;
	/** Guest instructions the monitor emulated (they retire in the guest's view, not the machine's). */
	emulatedInstructions: number;
	/** `--non-virtualizable`: one sensitive instruction stops trapping (see trap mode). */
	nonVirtualizable: boolean;
}

export interface Monitor {
	readonly mode: VmMode;
	/** Configures the machine for the guest and enters the kernel (a0 = hart id, a1 = device tree). */
	boot(booted: Booted): void;
	/** Handles one trap the machine handed over. */
	handle(trap: TrapInfo): void;
}

/** The SBI platform of a monitored guest: its console, its timer and its end. */
export function sbiPlatform(
	ctx: MonitorContext,
	setTimer: (deadline: number) => void
): SbiPlatform {
	return {
		putchar: (b) => ctx.console.out(b),
		getchar: () => (ctx.console.input.length > 0 ? ctx.console.input.shift()! : -1),
		setTimer,
		shutdown: (exitCode) => {
			ctx.end = { kind: 'exit', exitCode, how: 'SBI system reset' };
		},
		machineIds: [0, 0, 0]
	};
}

/** Reads a0..a7 (x10..x17), the SBI and system-call argument registers. */
export function argumentRegisters(machine: Machine): number[] {
	const a: number[] = [];
	for (let i = 10; i <= 17; i++) a.push(machine.readRegister(i));
	return a;
}

/**
 * Answers an SBI call that exited to a monitor: the call, a0 (and a1) back to the guest, pc past
 * the ECALL. `then` runs before the record is finished (a monitor delivers a pending interrupt
 * there). `current` receives the exit while the call runs, so set_timer can record into it.
 */
export function answerSbiCall(
	ctx: MonitorContext,
	trap: TrapInfo,
	platform: SbiPlatform,
	current: (exit: ExitBuilder | null) => void,
	then?: (exit: ExitBuilder) => void
): void {
	const exit = new ExitBuilder(ctx, trap, ECALL);
	current(exit);
	const result = sbiCall(argumentRegisters(ctx.machine), platform);
	exit.step({ kind: 'firmware', call: result.name });
	exit.setRegister(10, result.a0);
	if (result.a1 !== undefined) exit.setRegister(11, result.a1);
	exit.setPc(trap.pc + 4);
	then?.(exit);
	exit.finish('sbi');
	current(null);
}

const ECALL = 0x00000073;

/**
 * SBI set_timer's part every monitor shares: the deadline goes into the host's mtimecmp, and the
 * machine timer is enabled while a deadline is armed (SBI v2.0 §6.1: 2^64 − 1 means never).
 * Recorded into `exit` when there is one.
 */
export function armHostTimer(
	ctx: MonitorContext,
	deadline: number,
	exit?: ExitBuilder | null
): void {
	const m = ctx.machine;
	exit?.change('mtimecmp', m.timerCompare, deadline);
	m.setTimerCompare(deadline);
	const mie = m.readCsr(Csr.mie)!;
	const value = m.timerCompare === Infinity ? mie & ~(1 << Irq.MTI) : mie | (1 << Irq.MTI);
	if (exit) exit.setCsr(Csr.mie, value);
	else m.writeCsr(Csr.mie, value);
}

/**
 * What every monitor of a virtualized mode sets up first: every exception that can be delegated to
 * HS-mode is, so it reaches the monitor (`hostTrapsHS`) unless hedeleg passes it on to the guest;
 * supervisor interrupts likewise; only the machine timer stays in M-mode, where the host catches it
 * too (`hostTrapsM`). The counters are readable below M-mode, as firmware allows.
 */
export function claimGuestTraps(m: Machine): void {
	m.writeCsr(Csr.medeleg, MEDELEG_WRITABLE);
	m.writeCsr(Csr.mideleg, (1 << Irq.SSI) | (1 << Irq.STI) | (1 << Irq.SEI));
	m.writeCsr(Csr.mcounteren, 0b111);
}

/** Enters the kernel at its entry as the QEMU virt boot convention says: a0 = hart 0, a1 = the device tree. */
export function enterKernel(m: Machine, booted: Booted): void {
	m.pc = booted.entry;
	m.writeRegister(10, 0);
	m.writeRegister(11, booted.fdt);
}
