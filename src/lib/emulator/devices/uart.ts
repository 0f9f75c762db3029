/**
 * A 16550-subset UART as on QEMU `virt` at 0x10000000 (register layout: PC16550D datasheet).
 * Transmit goes straight to a host hook; receive reads from a queue the host fills. There is no
 * interrupt controller, so software polls the line status register.
 */
export const UART_SIZE = 0x100;

const LSR_DATA_READY = 0x01;
const LSR_THR_EMPTY = 0x20;
const LSR_TRANSMITTER_EMPTY = 0x40;
const LCR_DLAB = 0x80;

export class Uart {
	/** IER, LCR, MCR, SCR, DLL, DLM (index by the constants below). */
	readonly regs = new Uint8Array(6);
	rx: number[] = [];
	constructor(public out: (byte: number) => void) {}

	/** Queues bytes for the guest to read. */
	pushInput(bytes: Iterable<number>): void {
		for (const b of bytes) this.rx.push(b & 0xff);
	}

	read(offset: number): number {
		const dlab = (this.regs[1] & LCR_DLAB) !== 0;
		switch (offset & 7) {
			case 0:
				if (dlab) return this.regs[4];
				return this.rx.length > 0 ? this.rx.shift()! : 0;
			case 1:
				return dlab ? this.regs[5] : this.regs[0];
			case 2:
				return 0xc1; // FIFOs enabled, no interrupt pending
			case 3:
				return this.regs[1];
			case 4:
				return this.regs[2];
			case 5:
				return LSR_THR_EMPTY | LSR_TRANSMITTER_EMPTY | (this.rx.length > 0 ? LSR_DATA_READY : 0);
			case 6:
				return 0xb0; // DCD, DSR, CTS asserted
			default:
				return this.regs[3];
		}
	}

	write(offset: number, value: number): void {
		const dlab = (this.regs[1] & LCR_DLAB) !== 0;
		const v = value & 0xff;
		switch (offset & 7) {
			case 0:
				if (dlab) this.regs[4] = v;
				else this.out(v);
				break;
			case 1:
				if (dlab) this.regs[5] = v;
				else this.regs[0] = v & 0x0f;
				break;
			case 3:
				this.regs[1] = v;
				break;
			case 4:
				this.regs[2] = v;
				break;
			case 7:
				this.regs[3] = v;
				break;
			default: // FCR, LSR, MSR: writes ignored
				break;
		}
	}
}
