/**
 * Native mode: the kernel runs in S-mode on the bare machine, and the host plays its M-mode
 * firmware, as OpenSBI does on QEMU `virt`. Nothing exits: privileged instructions execute, the
 * kernel's page tables are the hardware's, its traps go to its own vector (delegated by medeleg
 * and mideleg). Only SBI calls and the machine timer reach M-mode; they are counted as firmware
 * calls, the baseline the virtualized modes are compared with.
 */
import { Csr } from '../isa/csr.ts';
import { Cause, Irq, PRIV_S } from '../machine/constants.ts';
import type { TrapInfo } from '../machine/types.ts';
import type { Booted } from './guest-memory.ts';
import {
	argumentRegisters,
	armHostTimer,
	sbiPlatform,
	type Monitor,
	type MonitorContext,
	enterKernel
} from './monitor.ts';
import { sbiCall, type SbiPlatform } from './sbi.ts';

/**
 * Exceptions the firmware leaves to the kernel, as OpenSBI does plus illegal instructions and
 * access faults (which OpenSBI redirects to S-mode itself): all but ECALL from S- and M-mode.
 */
export const NATIVE_MEDELEG =
	0x1ff |
	(1 << Cause.instructionPageFault) |
	(1 << Cause.loadPageFault) |
	(1 << Cause.storePageFault);
/** Supervisor software, timer and external interrupts go to the kernel. */
export const NATIVE_MIDELEG = (1 << Irq.SSI) | (1 << Irq.STI) | (1 << Irq.SEI);

export class NativeFirmware implements Monitor {
	readonly mode = 'native';
	private readonly sbi: SbiPlatform;

	constructor(private readonly ctx: MonitorContext) {
		this.sbi = sbiPlatform(ctx, (deadline) => this.setTimer(deadline));
	}

	boot(booted: Booted): void {
		const m = this.ctx.machine;
		m.writeCsr(Csr.medeleg, NATIVE_MEDELEG);
		m.writeCsr(Csr.mideleg, NATIVE_MIDELEG);
		m.writeCsr(Csr.mcounteren, 0b111); // cycle, time, instret readable below M-mode
		m.setMode(PRIV_S, false);
		enterKernel(m, booted);
	}

	/**
	 * Answers one trap to M-mode; returns what the firmware did, for a debugger's trap log (the
	 * SBI call's name, `timer` for the machine timer, `unexpected` for anything else).
	 */
	handle(trap: TrapInfo): string {
		const m = this.ctx.machine;
		if (trap.interrupt && trap.cause === Irq.MTI) {
			// The supervisor timer fires: raise STIP for the kernel and mask the machine timer
			// until the kernel asks for the next one (what OpenSBI does).
			m.writeCsr(Csr.mip, (m.readCsr(Csr.mip)! & ~(1 << Irq.MTI)) | (1 << Irq.STI));
			m.writeCsr(Csr.mie, m.readCsr(Csr.mie)! & ~(1 << Irq.MTI));
			this.ctx.log.firmwareCall();
			return 'timer';
		}
		if (!trap.interrupt && trap.cause === Cause.ecallFromHS) {
			const result = sbiCall(argumentRegisters(m), this.sbi);
			m.writeRegister(10, result.a0);
			if (result.a1 !== undefined) m.writeRegister(11, result.a1);
			m.pc = trap.pc + 4;
			this.ctx.log.firmwareCall();
			return result.name;
		}
		// Nothing else is left to M-mode (see NATIVE_MEDELEG): a kernel that gets here broke it.
		this.ctx.end = {
			kind: 'exit',
			exitCode: 1,
			how: `firmware: unexpected trap to M-mode, cause ${trap.cause} at pc 0x${trap.pc.toString(16)}`
		};
		return 'unexpected';
	}

	/** SBI set_timer: program mtimecmp, clear a pending supervisor timer, unmask the machine timer. */
	private setTimer(deadline: number): void {
		const m = this.ctx.machine;
		armHostTimer(this.ctx, deadline);
		m.writeCsr(Csr.mip, m.readCsr(Csr.mip)! & ~(1 << Irq.STI));
	}
}
