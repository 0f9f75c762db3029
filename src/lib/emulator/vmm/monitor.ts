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
import type { SbiPlatform } from './sbi.ts';

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
