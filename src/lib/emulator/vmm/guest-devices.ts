/**
 * The guest's devices under a monitor: a UART and a test finisher at the addresses QEMU `virt`
 * gives them, emulated by the monitor. Their pages are never mapped for the guest, so each access
 * traps and comes here (an MMIO exit), as with any device model in KVM's or Xen's user space.
 */
import { FINISHER_BASE, UART_BASE } from '../machine/constants.ts';
import { Uart, UART_SIZE } from '../devices/uart.ts';
import { FINISHER_SIZE } from '../devices/finisher.ts';
import type { GuestConsole, MonitorContext } from './monitor.ts';

/** A decoded load or store (RV32I LB/LH/LW/LBU/LHU, SB/SH/SW; Unprivileged spec §2.6). */
export interface MemoryAccess {
	store: boolean;
	/** 1, 2 or 4 bytes. */
	size: number;
	/** Sign-extend a narrower load. */
	signed: boolean;
	/** rd of a load, rs2 of a store. */
	register: number;
}

/** Decodes a load or store instruction word (or its transformed htinst form, §9.6.3). */
export function decodeAccess(word: number): MemoryAccess | undefined {
	const opcode = word & 0x7f;
	const funct3 = (word >>> 12) & 7;
	const size = 1 << (funct3 & 3);
	if (opcode === 0x03 && funct3 !== 3 && funct3 < 6)
		return { store: false, size, signed: funct3 < 4, register: (word >>> 7) & 31 };
	if (opcode === 0x23 && funct3 < 3)
		return { store: true, size, signed: false, register: (word >>> 20) & 31 };
	return undefined;
}

/** A decoded AMO or SC.W (the A extension, Unprivileged spec §8.2–8.4): what it stores. */
export interface AtomicAccess {
	/** funct5: 0x00 add, 0x01 swap, 0x03 SC, 0x04 xor, 0x08 or, 0x0c and, 0x10 min, 0x14 max, 0x18 minu, 0x1c maxu. */
	op: number;
	rd: number;
	rs2: number;
}

/** Decodes a word-sized AMO or SC.W (LR.W only reads, so it never faults as a store). */
export function decodeAtomic(word: number): AtomicAccess | undefined {
	if ((word & 0x7f) !== 0x2f || ((word >>> 12) & 7) !== 2) return undefined;
	const op = word >>> 27;
	if (op === 0x02 || ![0x00, 0x01, 0x03, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c].includes(op))
		return undefined;
	return { op, rd: (word >>> 7) & 31, rs2: (word >>> 20) & 31 };
}

/** The value an AMO writes, given the memory word and rs2 (SC.W writes rs2). */
export function atomicResult(op: number, memory: number, operand: number): number {
	switch (op) {
		case 0x00:
			return (memory + operand) | 0;
		case 0x04:
			return memory ^ operand;
		case 0x08:
			return memory | operand;
		case 0x0c:
			return memory & operand;
		case 0x10:
			return Math.min(memory | 0, operand | 0);
		case 0x14:
			return Math.max(memory | 0, operand | 0);
		case 0x18:
			return (memory >>> 0 < operand >>> 0 ? memory : operand) | 0;
		case 0x1c:
			return (memory >>> 0 > operand >>> 0 ? memory : operand) | 0;
		default:
			return operand | 0; // swap, SC.W
	}
}

export class GuestDevices {
	readonly uart: Uart;

	constructor(
		console: GuestConsole,
		private readonly ctx: MonitorContext
	) {
		this.uart = new Uart(console.out);
		// One queue of console input, read both by the UART and by SBI console_getchar.
		this.uart.rx = console.input;
	}

	/** Which device a guest physical address belongs to, or undefined for none. */
	deviceAt(gpa: number): { name: 'uart' | 'finisher'; offset: number } | undefined {
		if (gpa >= UART_BASE && gpa < UART_BASE + UART_SIZE)
			return { name: 'uart', offset: gpa - UART_BASE };
		if (gpa >= FINISHER_BASE && gpa < FINISHER_BASE + FINISHER_SIZE)
			return { name: 'finisher', offset: gpa - FINISHER_BASE };
		return undefined;
	}

	/** Performs the access; returns the value read (loads) or written (stores). */
	access(device: 'uart' | 'finisher', offset: number, access: MemoryAccess, value: number): number {
		if (device === 'uart') {
			if (access.store) {
				this.uart.write(offset, value);
				return value & 0xff;
			}
			// A register is one byte; a wider load sees it zero-extended, then sign-extended from the
			// load's own width, as the machine's bus gives it.
			const byte = this.uart.read(offset);
			const shift = 32 - 8 * access.size;
			return access.signed ? (byte << shift) >> shift : byte;
		}
		if (access.store && offset === 0) {
			// SiFive test finisher (hw/misc/sifive_test.c): 0x5555 passes, 0x3333 | code << 16 fails.
			const status = value & 0xffff;
			if (status === 0x5555) this.ctx.end = { kind: 'exit', exitCode: 0, how: 'test finisher' };
			else if (status === 0x3333)
				this.ctx.end = { kind: 'exit', exitCode: (value >>> 16) & 0xffff, how: 'test finisher' };
		}
		return access.store ? value : 0;
	}
}
