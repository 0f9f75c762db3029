/**
 * The physical address map outside RAM (QEMU `virt`): finisher, CLINT and UART. An access that
 * hits no device returns undefined/false, which the caller turns into an access fault.
 * Accesses narrower than a device register read or modify the bytes of its 32-bit word.
 */
import type { Hart } from '../machine/hart.ts';
import { CLINT_BASE, FINISHER_BASE, UART_BASE } from '../machine/constants.ts';
import { CLINT_SIZE, clintRead32, clintWrite32 } from './clint.ts';
import { FINISHER_SIZE, finisherWrite } from './finisher.ts';
import { UART_SIZE } from './uart.ts';

const sizeMask = (size: number) => (size === 4 ? -1 : (1 << (size * 8)) - 1);

export function busRead(h: Hart, pa: number, size: number): number | undefined {
	if (pa >= UART_BASE && pa < UART_BASE + UART_SIZE) return h.uart.read(pa - UART_BASE);
	if (pa >= CLINT_BASE && pa < CLINT_BASE + CLINT_SIZE) {
		const off = pa - CLINT_BASE;
		const word = clintRead32(h, off & ~3);
		return (word >>> ((off & 3) * 8)) & sizeMask(size);
	}
	if (pa >= FINISHER_BASE && pa < FINISHER_BASE + FINISHER_SIZE) return 0;
	return undefined;
}

export function busWrite(h: Hart, pa: number, size: number, value: number): boolean {
	if (pa >= UART_BASE && pa < UART_BASE + UART_SIZE) {
		h.uart.write(pa - UART_BASE, value);
		return true;
	}
	if (pa >= CLINT_BASE && pa < CLINT_BASE + CLINT_SIZE) {
		const off = pa - CLINT_BASE;
		let word = value;
		if (size < 4) {
			const shift = (off & 3) * 8;
			const mask = sizeMask(size) << shift;
			word = (clintRead32(h, off & ~3) & ~mask) | ((value << shift) & mask);
		}
		clintWrite32(h, off & ~3, word);
		return true;
	}
	if (pa >= FINISHER_BASE && pa < FINISHER_BASE + FINISHER_SIZE) {
		finisherWrite(h, pa - FINISHER_BASE, value);
		return true;
	}
	return false;
}
