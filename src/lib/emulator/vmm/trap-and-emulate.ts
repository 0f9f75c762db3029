/**
 * trap mode: classic trap-and-emulate, full virtualization in software (Popek & Goldberg 1974).
 * The unmodified guest kernel runs deprivileged in real U-mode, beside its own processes. Every
 * privileged instruction it executes — a CSR access, SRET, SFENCE.VMA, WFI — is illegal in U-mode,
 * traps, and this monitor emulates it on a virtual supervisor (virtual-csrs.ts). The guest's page
 * tables are never used by the hardware: the monitor builds shadow tables from them
 * (shadow-paging.ts), filling entries on hidden page faults and resynchronising on writes to
 * write-protected guest tables, or at the guest's SFENCE.VMA for tables left out of sync (the
 * `ShadowSync` strategy, `VmOptions.shadowSync`). Traps the guest's processes cause (system
 * calls, page faults the guest's own tables forbid) are reflected into the guest kernel, as the
 * hardware would deliver them; the timer arrives as a virtual supervisor timer interrupt injected
 * the same way.
 *
 * RISC-V meets Popek and Goldberg's condition: every instruction that reads or changes privileged
 * state traps in U-mode. `--non-virtualizable` breaks it on purpose for one instruction (a read of
 * sepc returns the real machine's value without trapping), the way x86's SGDT, SIDT and POPF broke
 * it (Robin & Irvine, USENIX Security 2000).
 */
import { Csr, csrName } from '../isa/csr.ts';
import { Cause, Irq, MSTATUS_MXR, MSTATUS_SUM, PRIV_S, PRIV_U } from '../machine/constants.ts';
import type { TrapInfo } from '../machine/types.ts';
import { ACCESS_FETCH, ACCESS_LOAD, ACCESS_STORE } from '../mmu/pte.ts';
import type { ExitReason } from './exit-reasons.ts';
import { ExitBuilder } from './exit-builder.ts';
import {
	GuestDevices,
	atomicResult,
	decodeAccess,
	decodeAtomic,
	type AtomicAccess
} from './guest-devices.ts';
import { gpaToHpa, type Booted } from './guest-memory.ts';
import { pagingOn, walkGuest } from './guest-walk.ts';
import { MonitorMemory } from './monitor-memory.ts';
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
import { ShadowPaging, type GuestView, type ShadowSync } from './shadow-paging.ts';
import { VirtualSupervisor } from './virtual-csrs.ts';

const SRET = 0x10200073;
const WFI = 0x10500073;
const SYSTEM = 0x73;
const SFENCE_VMA_FUNCT7 = 0x09;
const ACCESS_OF: Record<number, number> = {
	[Cause.instructionPageFault]: ACCESS_FETCH,
	[Cause.loadPageFault]: ACCESS_LOAD,
	[Cause.storePageFault]: ACCESS_STORE
};
const ACCESS_FAULT_OF = [
	Cause.instructionAccessFault,
	Cause.loadAccessFault,
	Cause.storeAccessFault
];

export class TrapAndEmulate implements Monitor {
	readonly mode = 'trap';
	readonly vcpu = new VirtualSupervisor();
	readonly shadow: ShadowPaging;
	private readonly devices: GuestDevices;
	private readonly sbi: SbiPlatform;
	private current: ExitBuilder | null = null;

	constructor(
		private readonly ctx: MonitorContext,
		sync?: ShadowSync
	) {
		this.shadow = new ShadowPaging(ctx.machine, ctx.mem, new MonitorMemory(ctx.machine), sync);
		this.devices = new GuestDevices(ctx.console, ctx);
		this.sbi = sbiPlatform(ctx, (deadline) => this.setTimer(deadline));
	}

	boot(booted: Booted): void {
		const m = this.ctx.machine;
		// Every exception from U-mode reaches the monitor; it never runs guest code itself.
		claimGuestTraps(m);
		m.writeCsr(Csr.scounteren, 0b111); // the deprivileged kernel may read time, as a kernel can
		m.setMode(PRIV_U, false);
		this.vcpu.priv = PRIV_S;
		this.applyView();
		enterKernel(m, booted);
	}

	/** The view the hardware must use now: the guest's root, virtual privilege, SUM and MXR. */
	private view(): GuestView {
		const v = this.vcpu;
		return {
			satp: v.satp,
			priv: v.priv,
			sum: (v.sstatus & MSTATUS_SUM) !== 0,
			mxr: (v.sstatus & MSTATUS_MXR) !== 0
		};
	}

	/** The view the hardware was last pointed at, to skip the lookup when nothing changed. */
	private applied = { satp: -1, priv: -1, status: -1, generation: -1 };

	/** Points the hardware satp at the shadow of the current view. */
	private applyView(): void {
		const v = this.vcpu;
		const status = v.sstatus & (MSTATUS_SUM | MSTATUS_MXR);
		const a = this.applied;
		if (
			a.satp === v.satp &&
			a.priv === v.priv &&
			a.status === status &&
			a.generation === this.shadow.generation
		)
			return;
		const m = this.ctx.machine;
		const satp = this.shadow.satpFor(this.view());
		if (a.priv !== v.priv)
			// The guest's processes may read the counters its kernel allows (scounteren, §4.1.5);
			// the kernel itself may read what its firmware allows, here all three.
			m.writeCsr(Csr.scounteren, v.priv === PRIV_U ? v.scounteren & 0b111 : 0b111);
		this.applied = { satp: v.satp, priv: v.priv, status, generation: this.shadow.generation };
		if (m.readCsr(Csr.satp) !== satp) {
			m.writeCsr(Csr.satp, satp);
			m.flushTlb();
		}
	}

	handle(trap: TrapInfo): void {
		if (trap.interrupt) {
			if (trap.cause === Irq.MTI) return this.timerInterrupt(trap);
			return this.fail(trap);
		}
		const fromKernel = this.vcpu.priv === PRIV_S;
		switch (trap.cause) {
			case Cause.ecallFromU:
				return fromKernel ? this.sbiCall(trap) : this.reflect(trap, 'guestTrap');
			case Cause.illegalInstruction:
				return fromKernel ? this.privileged(trap) : this.reflect(trap, 'guestTrap');
			case Cause.instructionPageFault:
			case Cause.loadPageFault:
			case Cause.storePageFault:
				return this.pageFault(trap);
			default:
				return this.reflect(trap, 'guestTrap');
		}
	}

	// --- interrupts and traps into the guest ------------------------------------------------

	private timerInterrupt(trap: TrapInfo): void {
		const m = this.ctx.machine;
		const exit = new ExitBuilder(this.ctx, trap);
		exit.setCsr(Csr.mie, m.readCsr(Csr.mie)! & ~(1 << Irq.MTI));
		exit.change('virtual sip', this.vcpu.sip, this.vcpu.sip | (1 << Irq.STI));
		this.vcpu.sip |= 1 << Irq.STI;
		this.deliverPending(exit);
		exit.finish('timer');
	}

	/** Injects the highest pending virtual interrupt if the guest can take it now. */
	private deliverPending(exit: ExitBuilder): void {
		const irq = this.vcpu.deliverableInterrupt();
		if (irq < 0) return;
		this.enterGuestTrap(exit, irq, true, 0, this.ctx.machine.pc);
		exit.step({ kind: 'inject', what: `virtual supervisor interrupt ${irq}` });
	}

	/** Delivers the trap to the guest kernel as the hardware would have (the guest's own trap). */
	private reflect(trap: TrapInfo, reason: ExitReason, cause = trap.cause, tval = trap.tval): void {
		const exit = new ExitBuilder(this.ctx, trap, cause === Cause.illegalInstruction ? tval : 0);
		this.enterGuestTrap(exit, cause, false, tval, trap.pc);
		exit.step({ kind: 'inject', what: `exception ${cause} into the guest kernel` });
		exit.finish(reason);
	}

	private enterGuestTrap(
		exit: ExitBuilder,
		cause: number,
		interrupt: boolean,
		tval: number,
		pc: number
	): void {
		const v = this.vcpu;
		const before = {
			sepc: v.sepc,
			scause: v.scause,
			stval: v.stval,
			sstatus: v.sstatus,
			priv: v.priv
		};
		const vector = v.enterTrap(cause, interrupt, tval, pc);
		exit.change('virtual sepc', before.sepc, v.sepc);
		exit.change('virtual scause', before.scause, v.scause);
		exit.change('virtual stval', before.stval, v.stval);
		exit.change('virtual sstatus', before.sstatus, v.sstatus);
		if (before.priv !== v.priv) exit.change('virtual privilege', before.priv, v.priv);
		this.applyView();
		exit.setPc(vector);
	}

	// --- privileged instructions of the deprivileged kernel ---------------------------------------

	private privileged(trap: TrapInfo): void {
		const insn = trap.tval >>> 0;
		if ((insn & 0x7f) !== SYSTEM) return this.reflect(trap, 'guestTrap');
		const funct3 = (insn >>> 12) & 7;
		if (funct3 !== 0) return this.csrInstruction(trap, insn, funct3);
		if (insn === SRET) return this.sret(trap);
		if (insn === WFI) return this.wfi(trap);
		if (insn >>> 25 === SFENCE_VMA_FUNCT7 && ((insn >>> 7) & 31) === 0) return this.sfence(trap);
		return this.reflect(trap, 'guestTrap'); // MRET, hypervisor instructions: illegal in S-mode too
	}

	private csrInstruction(trap: TrapInfo, insn: number, funct3: number): void {
		const v = this.vcpu;
		const csr = insn >>> 20;
		const rd = (insn >>> 7) & 31;
		const rs1 = (insn >>> 15) & 31;
		const kind = funct3 & 3;
		const writes = kind === 1 || rs1 !== 0;
		const old = v.read(csr);
		// Not a supervisor CSR (a machine or hypervisor one): illegal in S-mode as well.
		if (old === undefined) return this.reflect(trap, 'guestTrap');
		const m = this.ctx.machine;
		if (this.ctx.nonVirtualizable && csr === Csr.sepc && !writes) {
			// Popek and Goldberg broken on purpose: as if reading sepc did not trap, the guest gets
			// the real machine's sepc, not its virtual one — as x86's SIDT and SGDT hand a guest the
			// host's table addresses. No exit is recorded: on such hardware the monitor would never
			// have known.
			m.writeRegister(rd, m.readCsr(Csr.sepc)!);
			m.pc = trap.pc + 4;
			this.ctx.emulatedInstructions++;
			return;
		}
		const exit = (this.current = new ExitBuilder(this.ctx, trap, insn));
		exit.step({ kind: 'decode', instruction: insn });
		const name = `virtual ${csrName.get(csr) ?? 'csr'}`;
		exit.step({ kind: 'readState', name, value: old >>> 0 });
		if (writes) {
			const operand = funct3 & 4 ? rs1 : m.readRegister(rs1);
			const value = kind === 1 ? operand : kind === 2 ? old | operand : old & ~operand;
			v.write(csr, value);
			const after = v.read(csr)!;
			exit.step({ kind: 'writeState', name, before: old >>> 0, after: after >>> 0 });
			exit.change(name, old, after);
			// A new address space: tables left out of sync are resynchronised first, as KVM does on
			// a CR3 write (more than §4.1.11 asks — a satp write fences nothing — but never less).
			if (csr === Csr.satp) for (const s of this.shadow.syncAll()) exit.step(s);
			if (csr === Csr.satp || csr === Csr.sstatus) this.applyView();
		}
		exit.setRegister(rd, old);
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		if (writes) this.deliverPending(exit);
		exit.finish('csrAccess');
		this.current = null;
	}

	private sret(trap: TrapInfo): void {
		const v = this.vcpu;
		const exit = new ExitBuilder(this.ctx, trap, SRET);
		const before = { sstatus: v.sstatus, priv: v.priv };
		const pc = v.sret();
		exit.change('virtual sstatus', before.sstatus, v.sstatus);
		exit.change('virtual privilege', before.priv, v.priv);
		this.applyView();
		exit.setPc(pc);
		this.ctx.emulatedInstructions++;
		this.deliverPending(exit);
		exit.finish('sret');
	}

	private wfi(trap: TrapInfo): void {
		const m = this.ctx.machine;
		const exit = new ExitBuilder(this.ctx, trap, WFI);
		if ((this.vcpu.sip & this.vcpu.sie) === 0) {
			const idle = m.idleUntilTimer();
			if (idle > 0) exit.step({ kind: 'idle', cycles: idle });
			else if ((m.readCsr(Csr.mie)! & (1 << Irq.MTI)) === 0)
				this.ctx.end = {
					kind: 'exit',
					exitCode: 1,
					how: 'the guest waits (WFI) with no timer armed and no interrupt pending: it would wait forever'
				};
		}
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		exit.finish('wfi');
	}

	private sfence(trap: TrapInfo): void {
		// Write-protected tables are kept in step at every write, so for them a fence only has to
		// drop what the hardware TLB cached. Tables left out of sync (`unsync`) are brought back in
		// step here, where §4.2.1 obliges the guest to fence before it relies on a changed PTE:
		// the one address's entries for `sfence.vma rs1`, everything for rs1 = x0.
		const exit = new ExitBuilder(this.ctx, trap, trap.tval);
		const rs1 = (trap.tval >>> 15) & 31;
		const synced =
			rs1 === 0
				? this.shadow.syncAll()
				: this.shadow.syncAddress(this.ctx.machine.readRegister(rs1));
		for (const s of synced) exit.step(s);
		this.ctx.machine.flushTlb();
		exit.step({
			kind: 'dropEntries',
			table: 'shadow',
			count: 0,
			why: 'SFENCE.VMA: hardware TLB flushed'
		});
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		exit.finish('sfence');
	}

	// --- firmware ------------------------------------------------------------------------------

	private sbiCall(trap: TrapInfo): void {
		answerSbiCall(
			this.ctx,
			trap,
			this.sbi,
			(e) => (this.current = e),
			(e) => this.deliverPending(e)
		);
	}

	private setTimer(deadline: number): void {
		const exit = this.current!;
		armHostTimer(this.ctx, deadline, exit);
		exit.change('virtual sip', this.vcpu.sip, this.vcpu.sip & ~(1 << Irq.STI));
		this.vcpu.sip &= ~(1 << Irq.STI);
	}

	// --- memory ------------------------------------------------------------------------------

	private pageFault(trap: TrapInfo): void {
		const access = ACCESS_OF[trap.cause];
		const outcome = this.shadow.fill(this.view(), trap.tval, access);
		this.applyView(); // a fill may have started the shadows over
		switch (outcome.kind) {
			case 'filled': {
				const exit = new ExitBuilder(this.ctx, trap);
				for (const s of outcome.steps) exit.step(s);
				exit.finish('hiddenPageFault');
				return;
			}
			case 'guestFault':
				return this.reflect(trap, 'guestTrap');
			case 'noMemory':
				return this.reflect(trap, 'guestTrap', ACCESS_FAULT_OF[access]);
			case 'device':
				if (access === ACCESS_FETCH)
					return this.reflect(trap, 'guestTrap', ACCESS_FAULT_OF[access]);
				return this.emulateAccess(trap, outcome.gpa, outcome.steps, 'mmio');
			case 'pageTableWrite':
				return this.emulateAccess(trap, outcome.gpa, outcome.steps, 'pageTableWrite');
			case 'unsynced': {
				// A store to a write-protected table that is now out of sync and mapped writable:
				// nothing to emulate, the guest retries the store and it reaches the table itself.
				const exit = new ExitBuilder(this.ctx, trap);
				for (const s of outcome.steps) exit.step(s);
				exit.finish('pageTableWrite');
				return;
			}
		}
	}

	/** The guest instruction at pc, read through the guest's own translation. */
	private guestInstruction(pc: number): number | undefined {
		const v = this.vcpu;
		let gpa = pc >>> 0;
		if (pagingOn(v.satp)) {
			const walk = walkGuest(this.ctx.machine, this.ctx.mem, v.satp, pc);
			if (!walk.ok) return undefined;
			gpa = walk.leaf.gpa;
		}
		const hpa = gpaToHpa(this.ctx.mem, gpa);
		return hpa < 0 ? undefined : this.ctx.machine.readWord(hpa);
	}

	/**
	 * Emulates the load or store at pc: on a device register (MMIO), or into a write-protected
	 * guest page table followed by dropping the shadow entries derived from the changed PTE.
	 */
	private emulateAccess(
		trap: TrapInfo,
		gpa: number,
		steps: ExitBuilder['steps'],
		reason: 'mmio' | 'pageTableWrite'
	): void {
		const m = this.ctx.machine;
		const insn = this.guestInstruction(trap.pc) ?? 0;
		const access = decodeAccess(insn);
		const exit = new ExitBuilder(this.ctx, trap, insn);
		for (const s of steps) exit.step(s);
		const atomic = reason === 'pageTableWrite' && !access ? decodeAtomic(insn) : undefined;
		if (atomic) return this.emulateAtomic(trap, exit, gpa, insn, atomic);
		if (!access) {
			exit.finish(reason);
			return this.reflect(trap, 'guestTrap', ACCESS_FAULT_OF[ACCESS_OF[trap.cause]]);
		}
		exit.step({ kind: 'decode', instruction: insn });
		if (reason === 'mmio') {
			const device = this.devices.deviceAt(gpa);
			if (!device) {
				exit.finish(reason);
				return this.reflect(trap, 'guestTrap', ACCESS_FAULT_OF[ACCESS_OF[trap.cause]]);
			}
			const value = access.store ? m.readRegister(access.register) : 0;
			const result = this.devices.access(device.name, device.offset, access, value);
			exit.step({
				kind: 'device',
				device: device.name,
				offset: device.offset,
				write: access.store,
				value: result >>> 0
			});
			if (!access.store) exit.setRegister(access.register, result);
		} else {
			const value = m.readRegister(access.register);
			const hpa = gpaToHpa(this.ctx.mem, gpa);
			const bytes = new Uint8Array(access.size);
			for (let i = 0; i < access.size; i++) bytes[i] = (value >>> (8 * i)) & 255;
			const before = m.readWord(hpa - (hpa % 4)) ?? 0;
			if (access.size === 4 && hpa % 4 === 0) m.writeWord(hpa, value);
			else m.writeMemory(hpa, bytes);
			const after = m.readWord(hpa - (hpa % 4)) ?? 0;
			exit.step({
				kind: 'writeState',
				name: `guest PTE @0x${(gpa - (gpa % 4)).toString(16)}`,
				before: before >>> 0,
				after: after >>> 0
			});
			const activeRoot = pagingOn(this.vcpu.satp) ? (this.vcpu.satp & 0x3fffff) * 4096 : -1;
			for (const s of this.shadow.guestTableWritten(gpa, activeRoot)) exit.step(s);
			this.applyView();
		}
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		exit.finish(reason);
	}

	/**
	 * An AMO or SC.W on a guest page table (Linux updates PTEs with AMOSWAP): done here as the
	 * hardware would do it, atomically since the guest is stopped; SC.W succeeds (rd = 0) and
	 * drops the reservation, as any SC may.
	 */
	private emulateAtomic(
		trap: TrapInfo,
		exit: ExitBuilder,
		gpa: number,
		insn: number,
		atomic: AtomicAccess
	): void {
		const m = this.ctx.machine;
		const hpa = gpaToHpa(this.ctx.mem, gpa);
		if (hpa < 0 || gpa % 4 !== 0) {
			exit.finish('pageTableWrite');
			return this.reflect(trap, 'guestTrap', Cause.storeAccessFault);
		}
		exit.step({ kind: 'decode', instruction: insn });
		const before = m.readWord(hpa)! | 0;
		const after = atomicResult(atomic.op, before, m.readRegister(atomic.rs2)) >>> 0;
		m.writeWord(hpa, after);
		exit.step({
			kind: 'writeState',
			name: `guest PTE @0x${gpa.toString(16)}`,
			before: before >>> 0,
			after
		});
		const activeRoot = pagingOn(this.vcpu.satp) ? (this.vcpu.satp & 0x3fffff) * 4096 : -1;
		for (const s of this.shadow.guestTableWritten(gpa, activeRoot)) exit.step(s);
		this.applyView();
		exit.setRegister(atomic.rd, atomic.op === 0x03 ? 0 : before);
		m.hart.reservation = -1;
		exit.setPc(trap.pc + 4);
		this.ctx.emulatedInstructions++;
		exit.finish('pageTableWrite');
	}

	private fail(trap: TrapInfo): void {
		this.ctx.end = {
			kind: 'exit',
			exitCode: 1,
			how: `monitor: unexpected interrupt ${trap.cause} at guest pc 0x${trap.pc.toString(16)}`
		};
	}
}
