/**
 * SYSTEM instructions other than ECALL/EBREAK's trivial cases: CSR access (Zicsr), MRET/SRET,
 * WFI, SFENCE.VMA, HFENCE.VVMA/GVMA, and the privilege checks of HLV/HSV (Privileged spec §3.3,
 * §4.2.1, §9.3, §9.6.1). Each returns false after raising an exception.
 */
import type { Hart } from './hart.ts';
import {
	Cause,
	HSTATUS_HU,
	HSTATUS_SPV,
	HSTATUS_VTSR,
	HSTATUS_VTVM,
	HSTATUS_VTW,
	MSTATUSH_MPV,
	MSTATUS_MIE,
	MSTATUS_MPIE,
	MSTATUS_MPP,
	MSTATUS_MPP_SHIFT,
	MSTATUS_MPRV,
	MSTATUS_SIE,
	MSTATUS_SPIE,
	MSTATUS_SPP,
	MSTATUS_TSR,
	MSTATUS_TVM,
	MSTATUS_TW,
	PRIV_M,
	PRIV_S,
	PRIV_U
} from './constants.ts';
import { raise } from './exception.ts';
import { readCsr, writeCsr } from './csr-file.ts';
import { Csr } from '../isa/csr.ts';
import { csrAccessCause, substituteForVirtual } from './csr-access.ts';
import { mipValue, insnsUntilTimer } from './counters.ts';
import { dataContextKey, flushHostTlb } from '../mmu/host-tlb.ts';

const illegal = (h: Hart) => {
	raise(h, Cause.illegalInstruction, h.insn);
	return false;
};
const virtualInsn = (h: Hart) => {
	raise(h, Cause.virtualInstruction, h.insn);
	return false;
};

/**
 * CSRRW/CSRRS/CSRRC and their immediate forms (`funct3` 1..3, 5..7). CSRRW with rd = x0 does not
 * read; CSRRS/CSRRC with rs1 = x0 (or uimm = 0) do not write (Volume I §9.1).
 */
export function csrInstruction(
	h: Hart,
	funct3: number,
	rd: number,
	rs1: number,
	csr: number
): boolean {
	const kind = funct3 & 3;
	const operand = funct3 & 4 ? rs1 : h.x[rs1];
	const writes = kind === 1 || rs1 !== 0;
	const cause = csrAccessCause(h, csr, writes);
	if (cause === Cause.virtualInstruction) return virtualInsn(h);
	if (cause !== 0) return illegal(h);
	const target = h.virt ? substituteForVirtual(csr) : csr;
	const old = readCsr(h, target) ?? 0;
	if (writes) {
		const value = kind === 1 ? operand : kind === 2 ? old | operand : old & ~operand;
		writeCsr(h, target, value);
		// A write to minstret or minstreth replaces this instruction's own increment (§3.1.11):
		// the count that executeOne's caller is about to add is taken back here.
		if (target === Csr.minstret || target === Csr.minstreth) h.instretOffset -= 1;
	}
	h.x[rd] = old;
	return true;
}

/** MRET (§3.3.2): back to MPP (and MPV), MIE = MPIE, MPIE = 1, MPP = U, MPRV cleared if leaving M. */
export function mret(h: Hart): boolean {
	if (h.priv !== PRIV_M) return illegal(h);
	const before = dataContextKey(h.priv, h.mstatus, h.mstatush, h.virt);
	const mpp = (h.mstatus >>> MSTATUS_MPP_SHIFT) & 3;
	const mpv = mpp !== PRIV_M && (h.mstatush & MSTATUSH_MPV) !== 0;
	let s = h.mstatus & ~(MSTATUS_MIE | MSTATUS_MPP);
	if (h.mstatus & MSTATUS_MPIE) s |= MSTATUS_MIE;
	s |= MSTATUS_MPIE;
	if (mpp !== PRIV_M) s &= ~MSTATUS_MPRV;
	h.mstatus = s;
	h.mstatush &= ~MSTATUSH_MPV;
	h.priv = mpp;
	h.virt = mpv ? 1 : 0;
	h.pc = h.mepc & ~3;
	if (dataContextKey(h.priv, h.mstatus, h.mstatush, h.virt) !== before) flushHostTlb(h);
	return true;
}

/** SRET (§3.3.2, §9.6.1): from HS returns to SPP and hstatus.SPV; from VS uses vsstatus. */
export function sret(h: Hart): boolean {
	if (h.virt) {
		if (h.priv === PRIV_U || h.hstatus & HSTATUS_VTSR) return virtualInsn(h);
		let s = h.vsstatus & ~(MSTATUS_SIE | MSTATUS_SPP);
		if (h.vsstatus & MSTATUS_SPIE) s |= MSTATUS_SIE;
		h.priv = h.vsstatus & MSTATUS_SPP ? PRIV_S : PRIV_U;
		h.vsstatus = s | MSTATUS_SPIE;
		h.pc = h.vsepc & ~3;
		flushHostTlb(h);
		return true;
	}
	if (h.priv === PRIV_U) return illegal(h);
	if (h.priv === PRIV_S && h.mstatus & MSTATUS_TSR) return illegal(h);
	const spp = h.mstatus & MSTATUS_SPP ? PRIV_S : PRIV_U;
	let s = h.mstatus & ~(MSTATUS_SIE | MSTATUS_SPP | MSTATUS_MPRV);
	if (h.mstatus & MSTATUS_SPIE) s |= MSTATUS_SIE;
	h.mstatus = s | MSTATUS_SPIE;
	h.virt = h.hstatus & HSTATUS_SPV ? 1 : 0;
	h.hstatus &= ~HSTATUS_SPV;
	h.priv = spp;
	h.pc = h.sepc & ~3;
	flushHostTlb(h);
	return true;
}

/**
 * WFI (§3.3.3, §9.6.1). Traps per TW/VTW; otherwise, when nothing is pending and the timer is
 * armed, the model core idles until the timer fires (cycles pass, instructions do not).
 */
export function wfi(h: Hart): boolean {
	if (h.priv !== PRIV_M && h.mstatus & MSTATUS_TW) return illegal(h);
	if (h.virt && (h.priv === PRIV_U || h.hstatus & HSTATUS_VTW)) return virtualInsn(h);
	if (!h.virt && h.priv === PRIV_U) return illegal(h);
	if ((mipValue(h) & h.mie) === 0) {
		const idle = insnsUntilTimer(h);
		if (idle !== Infinity) h.stallCycles += idle;
		// Nothing pending and the timer not armed: no interrupt can ever wake this hart (the
		// others are set only by software, and there is no interrupt controller). Real hardware
		// would sleep forever; we say so instead of spinning through the budget.
		else
			h.errorMessage = `WFI at pc 0x${(h.pc >>> 0).toString(16).padStart(8, '0')} waits for an interrupt that can never come: none is pending and the timer is not armed (or not enabled in mie)`;
	}
	return true;
}

/** SFENCE.VMA (§4.2.1); at V=1 it fences the guest's VS-stage translations (§9.3.1). */
export function sfenceVma(h: Hart, rs1: number, rs2: number): boolean {
	if (h.virt) {
		if (h.priv === PRIV_U || h.hstatus & HSTATUS_VTVM) return virtualInsn(h);
	} else {
		if (h.priv === PRIV_U) return illegal(h);
		if (h.priv === PRIV_S && h.mstatus & MSTATUS_TVM) return illegal(h);
	}
	const vpn = rs1 !== 0 ? h.x[rs1] >>> 12 : undefined;
	const asid = rs2 !== 0 ? h.x[rs2] : undefined;
	if (h.virt) h.tlb.flush(1, (h.hgatp >>> 22) & 0x7f, vpn, asid);
	else h.tlb.flush(0, undefined, vpn, asid);
	flushHostTlb(h);
	return true;
}

/**
 * HFENCE.VVMA (VS-stage, current VMID) and HFENCE.GVMA (G-stage, by guest physical address and
 * VMID) (§9.3.2). Our TLB holds combined translations, so a G-stage fence by address drops every
 * V=1 entry of the VMID: over-invalidation is always allowed.
 */
export function hfence(h: Hart, gvma: boolean, rs1: number, rs2: number): boolean {
	if (h.virt) return virtualInsn(h);
	if (h.priv === PRIV_U) return illegal(h);
	if (gvma) {
		if (h.priv === PRIV_S && h.mstatus & MSTATUS_TVM) return illegal(h);
		h.tlb.flush(1, rs2 !== 0 ? h.x[rs2] : undefined);
		h.walkCache.flush(rs2 !== 0 ? h.x[rs2] : undefined);
	} else {
		const vpn = rs1 !== 0 ? h.x[rs1] >>> 12 : undefined;
		const asid = rs2 !== 0 ? h.x[rs2] : undefined;
		h.tlb.flush(1, (h.hgatp >>> 22) & 0x7f, vpn, asid);
	}
	flushHostTlb(h);
	return true;
}

/** HLV/HLVX/HSV are allowed in M, HS, and U with hstatus.HU; at V=1 they are virtual instructions. */
export function hypervisorAccessAllowed(h: Hart): boolean {
	if (h.virt) return virtualInsn(h);
	if (h.priv === PRIV_U && !(h.hstatus & HSTATUS_HU)) return illegal(h);
	return true;
}

/** ECALL's cause depends on the mode it is executed in (Table 3.6). */
export function ecallCause(h: Hart): number {
	if (h.priv === PRIV_M) return Cause.ecallFromM;
	if (h.priv === PRIV_S) return h.virt ? Cause.ecallFromVS : Cause.ecallFromHS;
	return Cause.ecallFromU;
}
