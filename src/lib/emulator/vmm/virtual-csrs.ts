/**
 * The virtual supervisor: the CSRs and privilege level a deprivileged guest kernel believes it
 * has, kept by the trap-and-emulate monitor in memory (the software counterpart of the vs* CSRs
 * that hw mode gets from the H extension, and of the VMCS fields VT-x keeps for a guest).
 *
 * Fields and their WARL rules follow the Privileged spec §4.1 (sstatus §4.1.1, stvec §4.1.2,
 * sip/sie §4.1.3, scounteren §4.1.5, sscratch/sepc/scause/stval §4.1.6–4.1.9, satp §4.1.11),
 * matching what this machine's real S-mode CSRs accept, so a guest cannot tell them apart.
 */
import { Csr } from '../isa/csr.ts';
import {
	Irq,
	MSTATUS_SIE,
	MSTATUS_SPIE,
	MSTATUS_SPP,
	PRIV_S,
	PRIV_U,
	SSTATUS_MASK
} from '../machine/constants.ts';

/** sip/sie bits a supervisor has: software, timer, external (§4.1.3). */
export const SUPERVISOR_IRQS = (1 << Irq.SSI) | (1 << Irq.STI) | (1 << Irq.SEI);

export class VirtualSupervisor {
	/** The guest's virtual privilege: PRIV_S while its kernel runs, PRIV_U for its processes. */
	priv: number = PRIV_S;
	sstatus = 0;
	sie = 0;
	/** Pending bits: STIP set by the monitor's timer, SSIP also by the guest. */
	sip = 0;
	stvec = 0;
	scounteren = 0;
	senvcfg = 0;
	sscratch = 0;
	sepc = 0;
	scause = 0;
	stval = 0;
	satp = 0;

	/** The value of a CSR the guest may access, or undefined for any other. */
	read(csr: number): number | undefined {
		switch (csr) {
			case Csr.sstatus:
				return this.sstatus;
			case Csr.sie:
				return this.sie;
			case Csr.sip:
				return this.sip;
			case Csr.stvec:
				return this.stvec;
			case Csr.scounteren:
				return this.scounteren;
			case Csr.senvcfg:
				return this.senvcfg;
			case Csr.sscratch:
				return this.sscratch;
			case Csr.sepc:
				return this.sepc;
			case Csr.scause:
				return this.scause;
			case Csr.stval:
				return this.stval;
			case Csr.satp:
				return this.satp;
			default:
				return undefined;
		}
	}

	/** Writes a CSR with the WARL rules of the real one; false for CSRs it does not have. */
	write(csr: number, v: number): boolean {
		switch (csr) {
			case Csr.sstatus:
				this.sstatus = v & SSTATUS_MASK;
				return true;
			case Csr.sie:
				this.sie = v & SUPERVISOR_IRQS;
				return true;
			case Csr.sip:
				// Only SSIP is writable by a supervisor (§4.1.3); STIP comes from the timer.
				this.sip = (this.sip & ~(1 << Irq.SSI)) | (v & (1 << Irq.SSI));
				return true;
			case Csr.stvec:
				this.stvec = (v & 3) >= 2 ? v & ~3 : v;
				return true;
			case Csr.scounteren:
				this.scounteren = v;
				return true;
			case Csr.senvcfg:
				this.senvcfg = v & 1;
				return true;
			case Csr.sscratch:
				this.sscratch = v;
				return true;
			case Csr.sepc:
				this.sepc = v & ~3;
				return true;
			case Csr.scause:
				this.scause = v;
				return true;
			case Csr.stval:
				this.stval = v;
				return true;
			case Csr.satp:
				this.satp = v;
				return true;
			default:
				return false;
		}
	}

	/**
	 * The interrupt to deliver now, or -1: pending and enabled in sie, and globally enabled —
	 * always while a guest process runs, by sstatus.SIE while its kernel does (§4.1.3).
	 */
	deliverableInterrupt(): number {
		const ready = this.sip & this.sie;
		if (ready === 0) return -1;
		if (this.priv === PRIV_S && !(this.sstatus & MSTATUS_SIE)) return -1;
		for (const irq of [Irq.SEI, Irq.SSI, Irq.STI]) if (ready & (1 << irq)) return irq;
		return -1;
	}

	/**
	 * Trap entry into the guest kernel (§4.1.1, as the hardware does for a delegated trap): save
	 * pc, cause and tval, push SIE into SPIE and the privilege into SPP, and return the vector.
	 */
	enterTrap(cause: number, interrupt: boolean, tval: number, pc: number): number {
		this.scause = (interrupt ? 0x80000000 : 0) | cause | 0;
		this.sepc = pc & ~3;
		this.stval = tval;
		let s = this.sstatus & ~(MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_SPP);
		if (this.sstatus & MSTATUS_SIE) s |= MSTATUS_SPIE;
		if (this.priv === PRIV_S) s |= MSTATUS_SPP;
		this.sstatus = s;
		this.priv = PRIV_S;
		const base = this.stvec & ~3;
		return interrupt && (this.stvec & 3) === 1 ? (base + 4 * cause) | 0 : base;
	}

	/** SRET (§3.3.2): back to SPP, SIE from SPIE, SPIE set, SPP cleared; returns the new pc. */
	sret(): number {
		this.priv = this.sstatus & MSTATUS_SPP ? PRIV_S : PRIV_U;
		let s = this.sstatus & ~(MSTATUS_SIE | MSTATUS_SPP);
		if (this.sstatus & MSTATUS_SPIE) s |= MSTATUS_SIE;
		this.sstatus = s | MSTATUS_SPIE;
		return this.sepc;
	}
}
