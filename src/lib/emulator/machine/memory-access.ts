/**
 * The slow path of loads, stores and atomics: alignment, translation (mmu/translate.ts), RAM or
 * device, and the architectural exceptions with their tval (§3.1.16: the faulting virtual address).
 * On success for RAM it fills the host-side TLB so the next access to the page takes the fast path.
 */
import type { Hart } from './hart.ts';
import {
	Cause,
	HSTATUS_SPVP,
	MSTATUSH_MPV,
	MSTATUS_MPP_SHIFT,
	MSTATUS_MPRV,
	PRIV_M,
	RAM_BASE
} from './constants.ts';
import { raise } from './exception.ts';
import { ACCESS_LOAD, ACCESS_STORE, translate } from '../mmu/translate.ts';
import { fillHostRead, fillHostWrite } from '../mmu/host-tlb.ts';
import { busRead, busWrite } from '../devices/bus.ts';
import { noteRamStore } from './store-notify.ts';

/** Effective privilege for loads and stores: with MPRV in M-mode, MPP (and MPV) apply (§3.1.6.3). */
export function dataPriv(h: Hart): number {
	if (h.priv === PRIV_M && h.mstatus & MSTATUS_MPRV) return (h.mstatus >>> MSTATUS_MPP_SHIFT) & 3;
	return h.priv;
}
export function dataVirt(h: Hart): number {
	if (h.priv === PRIV_M && h.mstatus & MSTATUS_MPRV) {
		const mpp = (h.mstatus >>> MSTATUS_MPP_SHIFT) & 3;
		return mpp !== PRIV_M && (h.mstatush & MSTATUSH_MPV) !== 0 ? 1 : 0;
	}
	return h.virt;
}

/** RAM offset of a physical address range, or -1. */
export function ramOffsetOf(h: Hart, pa: number, size: number): number {
	const off = pa - RAM_BASE;
	return off >= 0 && off <= h.ramSize - size ? off : -1;
}

export function readRam(h: Hart, off: number, size: number, signed: boolean): number {
	if (size === 4) return h.ram32[off >> 2];
	if (size === 2) return signed ? h.ram16[off >> 1] : h.ramU16[off >> 1];
	return signed ? h.ram8[off] : h.ram[off];
}

export function writeRam(h: Hart, off: number, size: number, value: number): boolean {
	if (size === 4) h.ram32[off >> 2] = value;
	else if (size === 2) h.ram16[off >> 1] = value;
	else h.ram8[off] = value;
	return noteRamStore(h, off);
}

/**
 * A load of `size` bytes at virtual address `va`. `mode` selects ordinary loads (0), HLV (1) and
 * HLVX (2); HLV/HLVX access memory as VS/VU would (§9.3: privilege hstatus.SPVP, V=1).
 */
export function loadSlow(h: Hart, va: number, size: number, signed: boolean, mode = 0): number {
	const hyper = mode !== 0;
	const virt = hyper ? 1 : dataVirt(h);
	const priv = hyper ? (h.hstatus & HSTATUS_SPVP ? 1 : 0) : dataPriv(h);
	if (va & (size - 1)) {
		raise(h, Cause.loadMisaligned, va, 0, 0, virt === 1);
		return 0;
	}
	const pa = translate(h, va, ACCESS_LOAD, priv, virt, mode === 2);
	if (pa < 0) return 0;
	const off = ramOffsetOf(h, pa, size);
	if (off >= 0) {
		if (!hyper) fillHostRead(h, va, off);
		return readRam(h, off, size, signed);
	}
	const v = pa < 2 ** 32 ? busRead(h, pa, size) : undefined;
	if (v === undefined) {
		raise(h, Cause.loadAccessFault, va, 0, 0, virt === 1);
		return 0;
	}
	if (signed && size < 4) return (v << (32 - size * 8)) >> (32 - size * 8);
	return v | 0;
}

/** A store; returns true when the run must stop (a device or HTIF asked to halt). */
export function storeSlow(
	h: Hart,
	va: number,
	size: number,
	value: number,
	hyper = false
): boolean {
	const virt = hyper ? 1 : dataVirt(h);
	const priv = hyper ? (h.hstatus & HSTATUS_SPVP ? 1 : 0) : dataPriv(h);
	if (va & (size - 1)) {
		raise(h, Cause.storeMisaligned, va, 0, 0, virt === 1);
		return false;
	}
	const pa = translate(h, va, ACCESS_STORE, priv, virt);
	if (pa < 0) return false;
	const off = ramOffsetOf(h, pa, size);
	if (off >= 0) {
		if (!hyper) fillHostWrite(h, va, off);
		return writeRam(h, off, size, value);
	}
	if (pa >= 2 ** 32 || !busWrite(h, pa, size, value)) {
		raise(h, Cause.storeAccessFault, va, 0, 0, virt === 1);
		return false;
	}
	return h.haltCode >= 0;
}

/**
 * LR.W, SC.W and the AMOs (Volume I chapter 8). They need a naturally aligned word in RAM; a
 * misaligned address raises a misaligned exception (LR: load, others: store/AMO) and a device
 * address an access fault. `funct5` is the instruction's bits 31:27. Returns false if an
 * exception was raised.
 */
export function atomic(h: Hart, funct5: number, rd: number, va: number, src: number): boolean {
	const isLr = funct5 === 0x02;
	const virt = dataVirt(h);
	if (va & 3) {
		raise(h, isLr ? Cause.loadMisaligned : Cause.storeMisaligned, va, 0, 0, virt === 1);
		return false;
	}
	const pa = translate(h, va, isLr ? ACCESS_LOAD : ACCESS_STORE, dataPriv(h), virt);
	if (pa < 0) return false;
	const off = ramOffsetOf(h, pa, 4);
	if (off < 0) {
		raise(h, isLr ? Cause.loadAccessFault : Cause.storeAccessFault, va, 0, 0, virt === 1);
		return false;
	}
	const x = h.x;
	const old = h.ram32[off >> 2];
	if (isLr) {
		h.reservation = pa;
		x[rd] = old;
		return true;
	}
	if (funct5 === 0x03) {
		// SC.W: succeeds (rd = 0) only while the reservation from LR.W holds (§8.2).
		if (h.reservation === pa) {
			h.ram32[off >> 2] = src;
			noteRamStore(h, off);
			x[rd] = 0;
		} else x[rd] = 1;
		h.reservation = -1;
		return true;
	}
	let result: number;
	switch (funct5) {
		case 0x01:
			result = src;
			break;
		case 0x00:
			result = (old + src) | 0;
			break;
		case 0x04:
			result = old ^ src;
			break;
		case 0x0c:
			result = old & src;
			break;
		case 0x08:
			result = old | src;
			break;
		case 0x10:
			result = old < src ? old : src;
			break;
		case 0x14:
			result = old > src ? old : src;
			break;
		case 0x18:
			result = old >>> 0 < src >>> 0 ? old : src;
			break;
		default:
			result = old >>> 0 > src >>> 0 ? old : src;
			break;
	}
	h.ram32[off >> 2] = result;
	noteRamStore(h, off);
	x[rd] = old;
	return true;
}
