/**
 * hw mode: hardware-assisted virtualization with the H extension, the RISC-V counterpart of Intel
 * VT-x with EPT and AMD-V with NPT. The unmodified kernel runs in VS-mode: its privileged
 * instructions act on the vs* CSRs without exiting, its page tables are walked by the hardware
 * (VS-stage) under the monitor's G-stage table (g-stage.ts), and its own traps and interrupts are
 * delegated to it (hedeleg, hideleg). What still exits, to HS-mode and so to this monitor:
 *
 * - ECALL from VS-mode: an SBI call (console, timer, reset) ~ VMCALL;
 * - a guest-page fault: the first touch of a guest page (mapped now) ~ EPT violation, or an access
 *   to a device page (emulated) ~ MMIO exit;
 * - a virtual-instruction trap: WFI, since hstatus.VTW is set as KVM sets it ~ HLT exit;
 * - the machine timer, which the monitor turns into a virtual supervisor timer interrupt through
 *   hvip.VSTIP ~ external-interrupt exit and event injection.
 *
 * Privileged spec references: §9.2 (hypervisor CSRs), §9.4.2 (trap delegation at V=1), §9.5
 * (two-stage translation), §9.6.1 (virtual-instruction exceptions).
 */
import { Csr, csrName } from '../isa/csr.ts';
import { Cause, HSTATUS_VTW, Irq, PRIV_S, PRIV_U, VS_IRQS } from '../machine/constants.ts';
import type { TrapInfo } from '../machine/types.ts';
import { ExitBuilder } from './exit-builder.ts';
import { GStageTable, MEGAPAGE_SIZE } from './g-stage.ts';
import { GuestDevices, decodeAccess } from './guest-devices.ts';
import { gpaToHpa, type Booted } from './guest-memory.ts';
import { MonitorMemory } from './monitor-memory.ts';
import { pagingOn, walkGuest } from './guest-walk.ts';
import {
	answerSbiCall,
	armHostTimer,
	sbiPlatform,
	type Monitor,
	type MonitorContext,
	claimGuestTraps,
	enterKernel
} from './monitor.ts';
import type { SbiPlatform } from './sbi.ts';

/**
 * Exceptions the guest kernel handles itself, without an exit: those KVM delegates (misaligned
 * fetch, breakpoint, ECALL from VU-mode, page faults) plus illegal instructions, misaligned and
 * access faults, which the monitor would only reflect back.
 */
export const HW_HEDELEG =
	(1 << Cause.instructionMisaligned) |
	(1 << Cause.instructionAccessFault) |
	(1 << Cause.illegalInstruction) |
	(1 << Cause.breakpoint) |
	(1 << Cause.loadMisaligned) |
	(1 << Cause.loadAccessFault) |
	(1 << Cause.storeMisaligned) |
	(1 << Cause.storeAccessFault) |
	(1 << Cause.ecallFromU) |
	(1 << Cause.instructionPageFault) |
	(1 << Cause.loadPageFault) |
	(1 << Cause.storePageFault);

const WFI = 0x10500073;
const ACCESS_FAULT_FOR: Record<number, number> = {
	[Cause.instructionGuestPageFault]: Cause.instructionAccessFault,
	[Cause.loadGuestPageFault]: Cause.loadAccessFault,
	[Cause.storeGuestPageFault]: Cause.storeAccessFault
};

export class HardwareAssisted implements Monitor {
	readonly mode = 'hw';
	private readonly gStage: GStageTable;
	private readonly devices: GuestDevices;
	private readonly sbi: SbiPlatform;
	/** The exit being handled (the SBI timer callback records into it). */
	private current: ExitBuilder | null = null;

	/** `megapages`: map guest RAM 4 MiB at a time where it can (g-stage.ts). */
	constructor(
		private readonly ctx: MonitorContext,
		private readonly megapages = false
	) {
		this.gStage = new GStageTable(new MonitorMemory(ctx.machine));
		this.devices = new GuestDevices(ctx.console, ctx);
		this.sbi = sbiPlatform(ctx, (deadline) => this.setTimer(deadline));
	}

	boot(booted: Booted): void {
		const m = this.ctx.machine;
		// What the guest handles itself goes on to VS-mode (hedeleg, hideleg); the rest exits.
		claimGuestTraps(m);
		m.writeCsr(Csr.hedeleg, HW_HEDELEG);
		m.writeCsr(Csr.hideleg, VS_IRQS);
		m.writeCsr(Csr.hstatus, HSTATUS_VTW);
		m.writeCsr(Csr.hcounteren, 0b111);
		m.writeCsr(Csr.hgatp, this.gStage.hgatp);
		m.setMode(PRIV_S, true); // VS-mode
		enterKernel(m, booted);
	}

	handle(trap: TrapInfo): void {
		if (trap.interrupt) {
			if (trap.cause === Irq.MTI) return this.timerInterrupt(trap);
			return this.unexpected(trap);
		}
		switch (trap.cause) {
			case Cause.ecallFromVS:
				return this.sbiCall(trap);
			case Cause.instructionGuestPageFault:
			case Cause.loadGuestPageFault:
			case Cause.storeGuestPageFault:
				return this.guestPageFault(trap);
			case Cause.virtualInstruction:
				return this.virtualInstruction(trap);
			default:
				return this.unexpected(trap);
		}
	}

	private sbiCall(trap: TrapInfo): void {
		answerSbiCall(this.ctx, trap, this.sbi, (e) => (this.current = e));
	}

	/** SBI set_timer: the deadline goes into the host's mtimecmp; a pending VSTIP is withdrawn. */
	private setTimer(deadline: number): void {
		const exit = this.current!;
		armHostTimer(this.ctx, deadline, exit);
		exit.setCsr(Csr.hvip, this.ctx.machine.readCsr(Csr.hvip)! & ~(1 << Irq.VSTI));
	}

	/** The host timer fired while the guest ran: inject a virtual supervisor timer interrupt. */
	private timerInterrupt(trap: TrapInfo): void {
		const m = this.ctx.machine;
		const exit = new ExitBuilder(this.ctx, trap);
		exit.setCsr(Csr.mie, m.readCsr(Csr.mie)! & ~(1 << Irq.MTI));
		exit.setCsr(Csr.hvip, m.readCsr(Csr.hvip)! | (1 << Irq.VSTI));
		exit.step({ kind: 'inject', what: 'virtual supervisor timer interrupt (hvip.VSTIP)' });
		exit.finish('timer');
	}

	private guestPageFault(trap: TrapInfo): void {
		const gpa = trap.htval * 4 + (trap.tval & 3);
		const exit = new ExitBuilder(this.ctx, trap, trap.htinst);
		exit.step({ kind: 'readState', name: 'htval', value: trap.htval });
		const device = this.devices.deviceAt(gpa);
		if (device) return this.emulateDevice(trap, exit, device);
		const hpa = gpaToHpa(this.ctx.mem, gpa - (gpa % 4096));
		if (hpa < 0) {
			// Neither RAM nor a device: the guest gets the access fault a bare machine would give.
			this.inject(exit, ACCESS_FAULT_FOR[trap.cause], trap.tval, trap);
			exit.finish('guestPageFault');
			return;
		}
		for (const s of this.megapageFor(gpa) ?? this.gStage.map(gpa, hpa)) exit.step(s);
		exit.finish('guestPageFault');
	}

	/** With megapages, maps the 4 MiB region of `gpa` when it is all guest RAM and host aligned. */
	private megapageFor(gpa: number) {
		if (!this.megapages) return undefined;
		const region = gpa - (gpa % MEGAPAGE_SIZE);
		const hpa = gpaToHpa(this.ctx.mem, region);
		if (hpa < 0 || hpa % MEGAPAGE_SIZE !== 0) return undefined;
		if (gpaToHpa(this.ctx.mem, region + MEGAPAGE_SIZE - 1) < 0) return undefined;
		return this.gStage.mapMegapage(region, hpa);
	}

	private emulateDevice(
		trap: TrapInfo,
		exit: ExitBuilder,
		device: { name: 'uart' | 'finisher'; offset: number }
	): void {
		// htinst holds the trapping load or store, transformed (§9.6.3): no need to fetch it. The
		// record shows the instruction as the guest wrote it, read through its own translation.
		exit.instruction = this.guestInstruction(trap.pc) ?? trap.htinst;
		const access = decodeAccess(trap.htinst);
		if (!access) {
			this.inject(exit, ACCESS_FAULT_FOR[trap.cause], trap.tval, trap);
			exit.finish('mmio');
			return;
		}
		exit.step({ kind: 'decode', instruction: trap.htinst });
		const value = access.store ? this.ctx.machine.readRegister(access.register) : 0;
		const result = this.devices.access(device.name, device.offset, access, value);
		exit.step({
			kind: 'device',
			device: device.name,
			offset: device.offset,
			write: access.store,
			value: result >>> 0
		});
		if (!access.store) exit.setRegister(access.register, result);
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		exit.finish('mmio');
	}

	private virtualInstruction(trap: TrapInfo): void {
		const exit = new ExitBuilder(this.ctx, trap, trap.tval);
		exit.step({ kind: 'decode', instruction: trap.tval });
		// WFI from VU-mode is a virtual-instruction trap too (§9.6.1), but for the guest it is what
		// U-mode WFI is on a bare machine: an illegal instruction (§3.3.3).
		if (trap.tval >>> 0 !== WFI || trap.priv === PRIV_U) {
			// Not something this monitor emulates: the guest sees the illegal instruction it would
			// see on a machine without that feature.
			this.inject(exit, Cause.illegalInstruction, trap.tval, trap);
			exit.finish('csrAccess');
			return;
		}
		const m = this.ctx.machine;
		const pending = m.readCsr(Csr.hvip)! & m.readCsr(Csr.hie)!;
		if (pending === 0) {
			const idle = m.idleUntilTimer();
			if (idle > 0) exit.step({ kind: 'idle', cycles: idle });
			else if ((m.readCsr(Csr.mie)! & (1 << Irq.MTI)) === 0) {
				this.ctx.end = {
					kind: 'exit',
					exitCode: 1,
					how: 'the guest waits (WFI) with no timer armed and no interrupt pending: it would wait forever'
				};
			}
		}
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		exit.finish('wfi');
	}

	/**
	 * The guest instruction at a guest virtual pc, through the guest's VS-stage table and this
	 * monitor's knowledge of guest memory (for the exit record only; emulation uses htinst).
	 */
	private guestInstruction(pc: number): number | undefined {
		const m = this.ctx.machine;
		const vsatp = m.readCsr(Csr.vsatp)!;
		let gpa = pc >>> 0;
		if (pagingOn(vsatp)) {
			const walk = walkGuest(m, this.ctx.mem, vsatp, pc);
			if (!walk.ok) return undefined;
			gpa = walk.leaf.gpa;
		}
		const hpa = gpaToHpa(this.ctx.mem, gpa);
		return hpa < 0 ? undefined : m.readWord(hpa);
	}

	/** Enters a trap in the guest (VS-mode) as if the hardware had delegated it there. */
	private inject(exit: ExitBuilder, cause: number, tval: number, trap: TrapInfo): void {
		const m = this.ctx.machine;
		const csrs = [Csr.vsepc, Csr.vscause, Csr.vstval, Csr.vsstatus];
		const before = csrs.map((c) => m.readCsr(c)!);
		const pc = m.pc;
		m.deliverTrap({ ...trap, cause, tval, htval: 0, htinst: 0, gva: false });
		exit.step({ kind: 'inject', what: `exception ${cause} into the guest` });
		exit.change('pc', pc, m.pc);
		csrs.forEach((c, i) => exit.change(csrName.get(c)!, before[i], m.readCsr(c)!));
	}

	private unexpected(trap: TrapInfo): void {
		this.ctx.end = {
			kind: 'exit',
			exitCode: 1,
			how: `monitor: unexpected ${trap.interrupt ? 'interrupt' : 'trap'} ${trap.cause} at guest pc 0x${trap.pc.toString(16)}`
		};
	}
}
