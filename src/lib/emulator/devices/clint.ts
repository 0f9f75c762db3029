/**
 * The CLINT (core-local interruptor) of QEMU `virt` at 0x02000000 (SiFive CLINT layout): msip at
 * +0x0, mtimecmp at +0x4000, mtime at +0xbff8. mtime is the deterministic instruction-derived time
 * of machine/counters.ts; writing it moves an offset.
 */
import type { Hart } from '../machine/hart.ts';
import { high32, low32, mtime, withHigh32, withLow32 } from '../machine/counters.ts';

export const CLINT_SIZE = 0x10000;

/** Sets mtimecmp from its halves; its number form is Infinity at 2^53 and above. */
export function setTimerCompare(h: Hart, high: number, low: number): void {
	h.mtimecmpHigh = high >>> 0;
	h.mtimecmpLow = low >>> 0;
	h.mtimecmp = h.mtimecmpHigh < 2 ** 21 ? h.mtimecmpHigh * 2 ** 32 + h.mtimecmpLow : Infinity;
}

export function clintRead32(h: Hart, offset: number): number {
	switch (offset) {
		case 0x0:
			return h.msip & 1;
		case 0x4000:
			return h.mtimecmpLow | 0;
		case 0x4004:
			return h.mtimecmpHigh | 0;
		case 0xbff8:
			return low32(mtime(h));
		case 0xbffc:
			return high32(mtime(h));
		default:
			return 0;
	}
}

export function clintWrite32(h: Hart, offset: number, value: number): void {
	switch (offset) {
		case 0x0:
			h.msip = value & 1;
			break;
		case 0x4000:
			setTimerCompare(h, h.mtimecmpHigh, value >>> 0);
			break;
		case 0x4004:
			setTimerCompare(h, value >>> 0, h.mtimecmpLow);
			break;
		case 0xbff8:
			h.mtimeOffset += withLow32(mtime(h), value) - mtime(h);
			break;
		case 0xbffc:
			h.mtimeOffset += withHigh32(mtime(h), value) - mtime(h);
			break;
	}
}
