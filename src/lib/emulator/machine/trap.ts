/**
 * Trap entry and interrupt selection (Privileged spec §3.1.6.1, §3.1.7–3.1.9, §4.1.1, and §9.4.2
 * and §9.6 for the hypervisor extension).
 *
 * A trap from a mode below M goes to HS-mode when medeleg/mideleg delegates it, and from V=1 on to
 * VS-mode when hedeleg/hideleg delegates it further. Entering a mode saves pc, cause, tval and the
 * previous mode and interrupt-enable in that mode's CSRs and jumps to its trap vector.
 */
import type { Hart } from './hart.ts';
import type { TrapInfo } from './types.ts';
import {
	ADDRESS_CAUSES,
	HSTATUS_GVA,
	HSTATUS_SPV,
	HSTATUS_SPVP,
	IRQ_PRIORITY,
	MSTATUSH_GVA,
	MSTATUSH_MPV,
	MSTATUS_MIE,
	MSTATUS_MPIE,
	MSTATUS_MPP,
	MSTATUS_MPP_SHIFT,
	MSTATUS_SIE,
	MSTATUS_SPIE,
	MSTATUS_SPP,
	PRIV_M,
	PRIV_S,
	PRIV_U
} from './constants.ts';
import { mipValue } from './counters.ts';
import { dataContextKey, flushHostTlb } from '../mmu/host-tlb.ts';

/** Trap vector: BASE, or BASE + 4 × cause for interrupts in vectored mode (§3.1.7). */
function vector(tvec: number, cause: number, interrupt: boolean): number {
	const base = tvec & ~3;
	return interrupt && (tvec & 3) === 1 ? (base + 4 * cause) | 0 : base;
}

/** Moves xIE into xPIE and clears xIE, and records the previous privilege in xPP (1 bit for S). */
function pushSupervisorStatus(status: number, fromPriv: number): number {
	let s = status & ~(MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_SPP);
	if (status & MSTATUS_SIE) s |= MSTATUS_SPIE;
	if (fromPriv !== PRIV_U) s |= MSTATUS_SPP;
	return s;
}

/**
 * Takes a trap. Returns false when the trap was destined for HS-mode or M-mode and the host claimed
 * those (Hart.hostTrapsHS, Hart.hostTrapsM): the state is then left untouched and
 * `pendingHostTrap` describes the trap.
 */
export function enterTrap(
	h: Hart,
	cause: number,
	interrupt: boolean,
	tval: number,
	tval2: number,
	tinst: number,
	gva: boolean
): boolean {
	const fromPriv = h.priv;
	const fromVirt = h.virt;
	const bit = cause < 32 ? 1 << cause : 0;
	let target: 'M' | 'HS' | 'VS' = 'M';
	if (fromPriv !== PRIV_M && (interrupt ? h.mideleg : h.medeleg) & bit) {
		target = 'HS';
		if (fromVirt && (interrupt ? h.hideleg : h.hedeleg) & bit) target = 'VS';
	}
	if (!interrupt && !(ADDRESS_CAUSES & bit)) gva = false;
	const toHost = target === 'HS' ? h.hostTrapsHS : target === 'M' && h.hostTrapsM;
	if (interrupt) h.interruptCounts[cause & 63]++;
	else h.trapCounts[cause & 63]++;
	// The record is built only when someone will look at it: no allocation per trap otherwise.
	if (toHost || h.traceTraps) {
		const info: TrapInfo = {
			cause,
			interrupt,
			tval: tval >>> 0,
			htval: tval2 >>> 0,
			htinst: tinst >>> 0,
			gva,
			pc: h.pc >>> 0,
			priv: fromPriv,
			virt: fromVirt === 1
		};
		if (h.traceTraps)
			h.trace!.sink({
				kind: 'trap',
				trap: info,
				target: toHost ? 'host' : target,
				instret: h.instret
			});
		if (toHost) {
			h.pendingHostTrap = info;
			return false;
		}
	}
	h.trapEntries++;
	h.reservation = -1;
	const pc = h.pc;
	const contextBefore = dataContextKey(h.priv, h.mstatus, h.mstatush, h.virt);
	if (target === 'M') {
		h.mcause = (interrupt ? 0x80000000 : 0) | cause;
		h.mepc = pc;
		h.mtval = tval;
		h.mtval2 = tval2;
		h.mtinst = tinst;
		let s = h.mstatus & ~(MSTATUS_MPIE | MSTATUS_MIE | MSTATUS_MPP);
		if (h.mstatus & MSTATUS_MIE) s |= MSTATUS_MPIE;
		h.mstatus = s | (fromPriv << MSTATUS_MPP_SHIFT);
		h.mstatush =
			(h.mstatush & ~(MSTATUSH_MPV | MSTATUSH_GVA)) |
			(fromVirt ? MSTATUSH_MPV : 0) |
			(gva ? MSTATUSH_GVA : 0);
		h.priv = PRIV_M;
		h.virt = 0;
		h.pc = vector(h.mtvec, cause, interrupt);
	} else if (target === 'HS') {
		h.scause = (interrupt ? 0x80000000 : 0) | cause;
		h.sepc = pc;
		h.stval = tval;
		h.htval = tval2;
		h.htinst = tinst;
		let hs = h.hstatus & ~(HSTATUS_SPV | HSTATUS_GVA);
		if (fromVirt) {
			hs |= HSTATUS_SPV;
			hs = (hs & ~HSTATUS_SPVP) | (fromPriv === PRIV_S ? HSTATUS_SPVP : 0);
		}
		if (gva) hs |= HSTATUS_GVA;
		h.hstatus = hs;
		h.mstatus = pushSupervisorStatus(h.mstatus, fromPriv);
		h.priv = PRIV_S;
		h.virt = 0;
		h.pc = vector(h.stvec, cause, interrupt);
	} else {
		// VS-level interrupts appear to the guest as the corresponding S-level ones (§9.2.3).
		const vsCause = interrupt ? cause - 1 : cause;
		h.vscause = (interrupt ? 0x80000000 : 0) | vsCause;
		h.vsepc = pc;
		h.vstval = tval;
		h.vsstatus = pushSupervisorStatus(h.vsstatus, fromPriv);
		h.priv = PRIV_S;
		h.pc = vector(h.vstvec, vsCause, interrupt);
	}
	if (dataContextKey(h.priv, h.mstatus, h.mstatush, h.virt) !== contextBefore) flushHostTlb(h);
	return true;
}

/**
 * The interrupt to take now, or -1 (§3.1.9, §9.4.2). An interrupt is taken when pending and
 * enabled in mie, and its destination mode's global enable allows it: always if the hart runs in a
 * less privileged mode, otherwise by xstatus.xIE. VS-level interrupts reach VS-mode only when V=1.
 */
export function pendingInterrupt(h: Hart): number {
	const pending = mipValue(h) & h.mie;
	if (pending === 0) return -1;
	let candidates = 0;
	const mLevel = pending & ~h.mideleg;
	if (mLevel && (h.priv < PRIV_M || h.mstatus & MSTATUS_MIE)) candidates = mLevel;
	else {
		const hsLevel = pending & h.mideleg & ~h.hideleg;
		const hsEnabled =
			h.virt === 1 || h.priv < PRIV_S || (h.priv === PRIV_S && (h.mstatus & MSTATUS_SIE) !== 0);
		if (hsLevel && hsEnabled) candidates = hsLevel;
		else if (h.virt === 1) {
			const vsLevel = pending & h.mideleg & h.hideleg;
			if (vsLevel && (h.priv === PRIV_U || h.vsstatus & MSTATUS_SIE)) candidates = vsLevel;
		}
	}
	if (candidates === 0) return -1;
	for (const irq of IRQ_PRIORITY) if (candidates & (1 << irq)) return irq;
	return -1;
}
