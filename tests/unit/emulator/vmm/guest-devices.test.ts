/**
 * The devices a monitored guest sees (guest-devices.ts): decoding the load or store that trapped
 * (Unprivileged spec §2.6; transformed htinst, Privileged spec §9.6.3) and the emulated UART and
 * SiFive test finisher at QEMU virt's addresses. The reference for device behaviour is the machine's
 * own bus (src/lib/emulator/devices), which a natively running kernel uses: the same access must give
 * the same value under a monitor.
 */
import { describe, expect, it } from 'vitest';
import {
	GuestDevices,
	decodeAccess,
	type MemoryAccess
} from '../../../../src/lib/emulator/vmm/guest-devices.ts';
import type { MonitorContext } from '../../../../src/lib/emulator/vmm/monitor.ts';
import { enc } from '../../../helpers/encode.ts';

function devices(input: number[] = []) {
	const out: number[] = [];
	const ctx = {
		end: null,
		console: { out: (b: number) => out.push(b), input }
	} as unknown as MonitorContext;
	return { d: new GuestDevices(ctx.console, ctx), ctx, out };
}

describe('decodeAccess', () => {
	const cases: [string, MemoryAccess][] = [
		['lb', { store: false, size: 1, signed: true, register: 10 }],
		['lh', { store: false, size: 2, signed: true, register: 10 }],
		['lw', { store: false, size: 4, signed: true, register: 10 }],
		['lbu', { store: false, size: 1, signed: false, register: 10 }],
		['lhu', { store: false, size: 2, signed: false, register: 10 }]
	];
	for (const [name, expected] of cases)
		it(`decodes ${name} with its destination register`, () => {
			expect(decodeAccess(enc(name, { rd: 10, rs1: 5, imm: 12 }))).toEqual(expected);
		});

	for (const [name, size] of [
		['sb', 1],
		['sh', 2],
		['sw', 4]
	] as const)
		it(`decodes ${name} with its source register`, () => {
			expect(decodeAccess(enc(name, { rs1: 5, rs2: 11, imm: -4 }))).toEqual({
				store: true,
				size,
				signed: false,
				register: 11
			});
		});

	it('decodes the transformed form in htinst (rs1 and the offset cleared)', () => {
		const lw = enc('lw', { rd: 7, rs1: 0, imm: 0 });
		expect(decodeAccess(lw & ~(0x1f << 15) & 0x000fffff)).toEqual({
			store: false,
			size: 4,
			signed: true,
			register: 7
		});
	});

	it('refuses what is not an RV32 load or store: AMOs, LR/SC, 64-bit and reserved widths, other opcodes, 0', () => {
		for (const w of [
			enc('amoswap.w', { rd: 1, rs1: 2, rs2: 3 }),
			enc('lr.w', { rd: 1, rs1: 2 }),
			enc('sc.w', { rd: 1, rs1: 2, rs2: 3 }),
			enc('addi', { rd: 1, rs1: 1, imm: 1 }),
			0x00003003, // ld (funct3 3)
			0x00006003, // lwu (funct3 6, RV64)
			0x00007003, // funct3 7
			0x00003023, // sd
			0x00004023, // funct3 4 store: reserved
			0x00002000, // pseudoinstruction for an implicit PTE read (§9.6.3)
			0
		])
			expect(decodeAccess(w), `0x${(w >>> 0).toString(16)}`).toBeUndefined();
	});
});

describe('GuestDevices', () => {
	it('maps the UART (256 bytes at 0x1000_0000) and the finisher (4 KiB at 0x0010_0000), nothing else', () => {
		const { d } = devices();
		expect(d.deviceAt(0x10000000)).toEqual({ name: 'uart', offset: 0 });
		expect(d.deviceAt(0x100000ff)).toEqual({ name: 'uart', offset: 0xff });
		expect(d.deviceAt(0x10000100)).toBeUndefined();
		expect(d.deviceAt(0x00100000)).toEqual({ name: 'finisher', offset: 0 });
		expect(d.deviceAt(0x00100fff)).toEqual({ name: 'finisher', offset: 0xfff });
		expect(d.deviceAt(0x00101000)).toBeUndefined();
		expect(d.deviceAt(0x02000000)).toBeUndefined(); // the CLINT is the monitor's, not the guest's
		expect(d.deviceAt(0x80000000)).toBeUndefined();
		expect(d.deviceAt(0x0fffffff)).toBeUndefined();
	});

	const sb: MemoryAccess = { store: true, size: 1, signed: false, register: 5 };
	const lbu: MemoryAccess = { store: false, size: 1, signed: false, register: 5 };

	it('sends UART transmit bytes to the console and reports THR empty in LSR', () => {
		const { d, out } = devices();
		d.access('uart', 0, sb, 0x141);
		expect(out).toEqual([0x41]);
		expect(d.access('uart', 5, lbu, 0) & 0x60).toBe(0x60);
		expect(d.access('uart', 5, lbu, 0) & 1).toBe(0); // no data ready
	});

	it('gives the console input to the UART receiver', () => {
		const { d } = devices([0x6f, 0x6b]);
		expect(d.access('uart', 5, lbu, 0) & 1).toBe(1);
		expect(d.access('uart', 0, lbu, 0)).toBe(0x6f);
		expect(d.access('uart', 0, lbu, 0)).toBe(0x6b);
		expect(d.access('uart', 5, lbu, 0) & 1).toBe(0);
	});

	it('sign-extends a UART register from the width of the load, as the machine’s bus does', () => {
		const { d } = devices();
		expect(d.access('uart', 2, { store: false, size: 1, signed: true, register: 5 }, 0)).toBe(-63); // IIR 0xc1
		expect(d.access('uart', 2, { store: false, size: 2, signed: true, register: 5 }, 0)).toBe(0xc1);
		expect(d.access('uart', 2, { store: false, size: 2, signed: false, register: 5 }, 0)).toBe(
			0xc1
		);
		d.access('uart', 4, sb, 0x80); // MCR
		expect(d.access('uart', 4, { store: false, size: 4, signed: true, register: 5 }, 0)).toBe(0x80);
	});

	it('ends the run on the finisher’s pass and fail codes, at offset 0 only', () => {
		const sw: MemoryAccess = { store: true, size: 4, signed: false, register: 5 };
		const pass = devices();
		pass.d.access('finisher', 0, sw, 0x5555);
		expect(pass.ctx.end).toMatchObject({ kind: 'exit', exitCode: 0 });
		const fail = devices();
		fail.d.access('finisher', 0, sw, 0x3333 | (42 << 16));
		expect(fail.ctx.end).toMatchObject({ kind: 'exit', exitCode: 42 });
		const other = devices();
		other.d.access('finisher', 0, sw, 0x7777);
		other.d.access('finisher', 4, sw, 0x5555);
		expect(other.ctx.end).toBeNull();
		expect(other.d.access('finisher', 0, { ...sw, store: false, signed: true }, 0)).toBe(0);
	});
});
