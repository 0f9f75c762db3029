/**
 * QEMU's SiFive test finisher at 0x00100000 (hw/misc/sifive_test.c): writing 0x5555 ends the run
 * with exit code 0, 0x3333 | code << 16 ends it with `code`. Other values are ignored.
 */
import type { Hart } from '../machine/hart.ts';

export const FINISHER_SIZE = 0x1000;
const FINISHER_FAIL = 0x3333;
const FINISHER_PASS = 0x5555;

export function finisherWrite(h: Hart, offset: number, value: number): void {
	if (offset !== 0) return;
	const status = value & 0xffff;
	if (status === FINISHER_PASS) h.haltCode = 0;
	else if (status === FINISHER_FAIL) h.haltCode = (value >>> 16) & 0xffff;
}
