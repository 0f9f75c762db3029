/**
 * Who may access a CSR (Privileged Architecture §2.1 and §9.6.1), and which CSR an access at V=1
 * really reaches (§9.2.11). The values themselves are csr-file.ts's business.
 */
import type { Hart } from './hart.ts';
import { Cause, HSTATUS_VTVM, MSTATUS_TVM, PRIV_M, PRIV_S, PRIV_U } from './constants.ts';
import { Csr, CsrFamily } from '../isa/csr.ts';
import { readCsr } from './csr-file.ts';

/** When V=1, these supervisor CSRs are replaced by their VS counterparts (§9.2.11). */
export function substituteForVirtual(csr: number): number {
	switch (csr) {
		case Csr.sstatus:
			return Csr.vsstatus;
		case Csr.sie:
			return Csr.vsie;
		case Csr.stvec:
			return Csr.vstvec;
		case Csr.sscratch:
			return Csr.vsscratch;
		case Csr.sepc:
			return Csr.vsepc;
		case Csr.scause:
			return Csr.vscause;
		case Csr.stval:
			return Csr.vstval;
		case Csr.sip:
			return Csr.vsip;
		case Csr.satp:
			return Csr.vsatp;
		default:
			return csr;
	}
}

/**
 * Whether `csr` is an unprivileged counter (cycle, time, instret, hpmcounter3–31, and their high
 * halves), which mcounteren, hcounteren and scounteren gate by bit `csr & 31` (§3.1.11, §9.2.6).
 */
const isCounter = (csr: number) =>
	(csr >= Csr.cycle && csr <= CsrFamily.hpmcounter.base + CsrFamily.hpmcounter.last) ||
	(csr >= Csr.cycleh && csr <= CsrFamily.hpmcounterh.base + CsrFamily.hpmcounterh.last);

/**
 * Checks an access to `csr` from the current mode (§2.1 and §9.6.1). Returns 0 when allowed, or
 * the exception cause: illegal instruction, or virtual instruction when V=1 and the access would
 * have been allowed in HS-mode (hypervisor and VS CSRs, supervisor CSRs from VU-mode, counters
 * hidden by hcounteren/scounteren, satp under hstatus.VTVM).
 */
export function csrAccessCause(h: Hart, csr: number, write: boolean): number {
	const illegal = Cause.illegalInstruction;
	const virtual = Cause.virtualInstruction;
	if (readCsr(h, csr) === undefined) return illegal;
	if (write && csr >>> 10 === 3) return illegal; // bits 11:10 = 3: a read-only CSR
	const level = (csr >>> 8) & 3; // bits 9:8: the lowest privilege that may access it
	const priv = h.priv;
	const virt = h.virt === 1;
	if (level === 3) return priv === PRIV_M ? 0 : illegal;
	if (level === 2) {
		if (priv === PRIV_M || (priv === PRIV_S && !virt)) {
			if (csr === Csr.hgatp && priv === PRIV_S && h.mstatus & MSTATUS_TVM) return illegal;
			return 0;
		}
		return virt ? virtual : illegal;
	}
	if (level === 1) {
		if (priv === PRIV_U) return virt ? virtual : illegal;
		if (csr === Csr.satp && priv === PRIV_S) {
			if (!virt && h.mstatus & MSTATUS_TVM) return illegal;
			if (virt && h.hstatus & HSTATUS_VTVM) return virtual;
		}
		return 0;
	}
	if (isCounter(csr) && priv !== PRIV_M) {
		const bit = 1 << (csr & 31);
		if (!(h.mcounteren & bit)) return illegal;
		if (virt && !(h.hcounteren & bit)) return virtual;
		if (priv === PRIV_U && !(h.scounteren & bit)) return virt ? virtual : illegal;
	}
	return 0;
}
