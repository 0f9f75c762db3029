/**
 * SBI firmware in front of a debugged program: the host plays the M-mode firmware, as OpenSBI does
 * on QEMU `virt`, so that a kernel built for that board (the course's guest kernel, say) can be
 * debugged like a bare-metal program.
 *
 * It is the hypervisor's native mode, reused rather than copied: `NativeFirmware`
 * (vmm/native.ts) answers SBI calls (vmm/sbi.ts: base, legacy console, TIME, SRST) and the
 * machine timer, and `loadGuest` (vmm/guest-memory.ts) boots the kernel the way QEMU does: the
 * image at its physical addresses, a device tree near the top of RAM (vmm/device-tree.ts), the
 * hart in S-mode at the entry with a0 = hart id 0 and a1 = the device tree. The machine hands every
 * trap that would enter M-mode to the host (`hostTrapsM`), stopped at the trapping instruction
 * with its state untouched; `handle` answers it.
 *
 * What the firmware keeps is small: the timer's deadline lives in the machine (mtimecmp, with
 * mie.MTIE and mip.STIP, all in the machine's snapshot); outside the machine there are only the
 * count of calls (the exit log's tally) and whether the guest has shut down. `save` and `restore`
 * carry those, so a session's checkpoints hold the whole firmware and step back stays exact across
 * SBI calls and timer interrupts.
 */
import { Cause } from '../machine/constants.ts';
import type { Machine } from '../machine/machine.ts';
import type { TrapInfo } from '../machine/types.ts';
import { COST_PRESETS, DEFAULT_COST_PRESET } from '../vmm/cost.ts';
import { ExitLog } from '../vmm/exit-trace.ts';
import { guestMemory, loadGuest, MIN_GUEST_RAM, type KernelImage } from '../vmm/guest-memory.ts';
import type { GuestEnd, MonitorContext } from '../vmm/monitor.ts';
import { NativeFirmware } from '../vmm/native.ts';

/**
 * RAM of a session with firmware unless asked otherwise: the course's guest kernel uses the first
 * 8 MiB (kernel/defs.s POOL_END) and its device tree goes 2 MiB-aligned near the top, so 16 MiB, as
 * the hypervisor's README asks for it (model choice: the smallest the guest is documented to run in).
 */
export const FIRMWARE_DEFAULT_RAM = 16 << 20;

/** The firmware's state outside the machine, as a checkpoint keeps it (plain data). */
export interface FirmwareState {
	calls: number;
	modelCycles: number;
	end: GuestEnd | null;
}

/** What answering one trap did: the call's name, and whether the program ended with it. */
export type FirmwareAnswer =
	| { kind: 'continue'; name: string }
	| { kind: 'halted'; name: string; exitCode: number }
	/** A trap the firmware does not answer (not an SBI call, not the machine timer). */
	| { kind: 'error'; name: string; message: string };

export class SessionFirmware {
	private readonly ctx: MonitorContext;
	private readonly native: NativeFirmware;

	/**
	 * `machine` must hand M-mode traps to the host (`hostTrapsM`); `out` receives the bytes of SBI
	 * console_putchar, as the UART's bytes go to the session's output.
	 */
	constructor(machine: Machine, out: (byte: number) => void) {
		const cost = COST_PRESETS.find((p) => p.id === DEFAULT_COST_PRESET)!;
		const ctx: MonitorContext = {
			machine,
			// Natively guest physical is host physical: no monitor memory below the guest.
			mem: guestMemory(machine.hart.ramSize, false),
			log: new ExitLog('native', cost, false),
			console: {
				out,
				// SBI console_getchar reads the UART's receive queue, so that recorded input reaches
				// the guest however it reads (and a restored snapshot's queue is the one read).
				get input() {
					return machine.hart.uart.rx;
				}
			},
			end: null,
			emulatedInstructions: 0,
			nonVirtualizable: false
		};
		this.ctx = ctx;
		this.native = new NativeFirmware(ctx);
	}

	/** Places the kernel and its device tree, and enters it in S-mode; a one-line error otherwise. */
	boot(kernel: KernelImage): string | undefined {
		if (this.ctx.mem.ramSize < MIN_GUEST_RAM)
			return `a program behind the firmware needs at least ${MIN_GUEST_RAM >> 20} MiB of RAM (it has ${this.ctx.mem.ramSize} bytes)`;
		const loaded = loadGuest(this.ctx.machine, this.ctx.mem, kernel);
		if (!loaded.ok) return loaded.error;
		this.native.boot(loaded.booted);
		return undefined;
	}

	/** Answers one trap the machine handed over (an SBI call, the machine timer). */
	handle(trap: TrapInfo): FirmwareAnswer {
		const name = this.native.handle(trap);
		const end = this.ctx.end;
		if (!end) return { kind: 'continue', name };
		// Only an SBI call can end the run in order (SRST); anything else reached M-mode by mistake.
		if (!trap.interrupt && trap.cause === Cause.ecallFromHS)
			return { kind: 'halted', name, exitCode: end.exitCode };
		return { kind: 'error', name, message: end.how };
	}

	/** SBI calls and timer interrupts answered so far. */
	get calls(): number {
		return this.ctx.log.firmwareCalls;
	}

	save(): FirmwareState {
		const end = this.ctx.end;
		return {
			calls: this.ctx.log.firmwareCalls,
			modelCycles: this.ctx.log.modelCycles,
			end: end ? { ...end } : null
		};
	}

	restore(state: FirmwareState): void {
		this.ctx.log.firmwareCalls = state.calls;
		this.ctx.log.modelCycles = state.modelCycles;
		this.ctx.end = state.end ? { ...state.end } : null;
	}
}
