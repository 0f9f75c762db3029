/**
 * Deterministic time (docs/architecture.md, "Boundaries, and why"): the model core retires one
 * instruction per cycle, WFI may skip cycles until the next timer event, and mtime ticks once every
 * `timeDivisor` cycles. Nothing here reads a wall clock, so every run is a function of program and
 * configuration.
 */
import type { Hart } from './hart.ts';
import { Irq, VS_IRQS } from './constants.ts';

export function cycles(h: Hart): number {
	return h.instret + h.stallCycles;
}

export function mtime(h: Hart): number {
	return Math.floor(cycles(h) / h.timeDivisor) + h.mtimeOffset;
}

/** The value of mip: software bits, hvip's VS bits, and the CLINT's MSIP and MTIP (§3.1.9). */
export function mipValue(h: Hart): number {
	let v = h.mipSw | (h.hvip & VS_IRQS);
	if (h.msip & 1) v |= 1 << Irq.MSI;
	if (mtime(h) >= h.mtimecmp) v |= 1 << Irq.MTI;
	return v;
}

/**
 * Instructions that can run before the timer interrupt becomes pending, or Infinity when it is
 * disabled or already pending (then it is handled, or stays masked until a CSR write ends the batch).
 */
export function insnsUntilTimer(h: Hart): number {
	if (!(h.mie & (1 << Irq.MTI))) return Infinity;
	const target = (h.mtimecmp - h.mtimeOffset) * h.timeDivisor;
	const now = cycles(h);
	if (now >= target) return Infinity;
	return Math.ceil(target - now);
}

/** Splits a 64-bit counter into its low and high 32-bit CSR halves. */
export const low32 = (v: number) => (v % 4294967296) | 0;
export const high32 = (v: number) => Math.floor(v / 4294967296) | 0;
/** Replaces one half of a 64-bit value. */
export const withLow32 = (v: number, lo: number) => (high32(v) >>> 0) * 4294967296 + (lo >>> 0);
export const withHigh32 = (v: number, hi: number) => (hi >>> 0) * 4294967296 + (low32(v) >>> 0);
