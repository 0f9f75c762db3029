/**
 * The CSR field tables: known values decode as Volume II draws them, and the tables agree with the
 * machine — the sstatus view of mstatus, the delegable bits, the interrupt bits, the access rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Csr, csrNumber } from '../../../../src/lib/emulator/isa/csr.ts';
import { Cause, Irq, MSTATUS_WRITABLE } from '../../../../src/lib/emulator/machine/constants.ts';
import { csrAccessCause } from '../../../../src/lib/emulator/machine/csr-access.ts';
import { Hart } from '../../../../src/lib/emulator/machine/hart.ts';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import {
	CSR_FIELDS,
	DECODED_CSRS,
	csrAccess,
	decodeCsr,
	trapCauseName
} from '../../../../src/lib/widgets/machine/csr-fields.ts';

/** The decoded field `name` of `csr` = `value`. */
const fieldOf = (csr: string, value: number, name: string) =>
	decodeCsr(csr, value).find((f) => f.field === name)!;

const bitsOf = (csr: string) =>
	CSR_FIELDS[csr].reduce(
		(m, f) => (m | (((2 ** (f.hi - f.lo + 1) - 1) * 2 ** f.lo) >>> 0)) >>> 0,
		0
	);

describe('decodeCsr', () => {
	it('reads mstatus.MPP as the mode a trap came from', () => {
		expect(fieldOf('mstatus', 3 << 11, 'MPP')).toMatchObject({
			bits: '12:11',
			value: 3,
			meaning: 'M'
		});
		expect(fieldOf('mstatus', 1 << 11, 'MPP').meaning).toBe('S');
		expect(fieldOf('mstatus', 0, 'MPP').meaning).toBe('U');
		expect(fieldOf('mstatus', 1 << 3, 'MIE')).toMatchObject({
			bits: '3',
			value: 1,
			meaning: 'enabled'
		});
	});

	it('splits satp into MODE, ASID and the root table', () => {
		const satp = (0x80000000 | (5 << 22) | 0x80123) >>> 0;
		expect(decodeCsr('satp', satp).map((f) => [f.field, f.bits, f.value, f.meaning])).toEqual([
			['MODE', '31', 1, 'Sv32'],
			['ASID', '30:22', 5, '5'],
			['PPN', '21:0', 0x80123, 'root table at 0x80123000']
		]);
		expect(fieldOf('satp', 0, 'MODE').meaning).toMatch(/^Bare/);
		expect(fieldOf('vsatp', satp, 'PPN').value).toBe(0x80123);
	});

	it('splits hgatp into Sv32x4, the VMID and a root table above 4 GiB', () => {
		const hgatp = (0x80000000 | (3 << 22) | 0x300004) >>> 0;
		expect(decodeCsr('hgatp', hgatp).map((f) => [f.field, f.bits, f.value, f.meaning])).toEqual([
			['MODE', '31', 1, 'Sv32x4'],
			['VMID', '28:22', 3, '3'],
			['PPN', '21:0', 0x300004, 'root table at 0x300004000']
		]);
	});

	it('names the cause in mcause, scause and vscause', () => {
		expect(fieldOf('mcause', 0x80000007, 'Code').meaning).toBe('machine timer interrupt');
		expect(fieldOf('mcause', 0x80000007, 'Interrupt').meaning).toBe('interrupt');
		expect(fieldOf('scause', 13, 'Code').meaning).toBe('load page fault');
		expect(fieldOf('vscause', 0x80000005, 'Code').meaning).toBe('supervisor timer interrupt');
		expect(trapCauseName(Cause.storeGuestPageFault)).toBe('store/AMO guest-page fault');
		expect(trapCauseName(14)).toMatch(/not defined/);
	});

	it('reads the trap vector base and mode', () => {
		expect(decodeCsr('mtvec', 0x80000101).map((f) => f.meaning)).toEqual([
			'handler at 0x80000100',
			'Vectored'
		]);
	});

	it('gives no fields for a CSR without a table', () => {
		expect(decodeCsr('mscratch', 5)).toEqual([]);
		expect(decodeCsr('toString', 5)).toEqual([]);
	});

	it('lays out each table within 32 bits, most significant first, without overlap', () => {
		for (const [csr, fields] of Object.entries(CSR_FIELDS)) {
			let used = 0;
			fields.forEach((f, i) => {
				expect(f.lo <= f.hi && f.hi <= 31 && f.lo >= 0, `${csr}.${f.name}`).toBe(true);
				if (i > 0) expect(fields[i - 1].lo, `${csr}.${f.name} order`).toBeGreaterThan(f.hi);
				const mask = ((2 ** (f.hi - f.lo + 1) - 1) * 2 ** f.lo) >>> 0;
				expect((used & mask) >>> 0, `${csr}.${f.name} overlaps`).toBe(0);
				used = (used | mask) >>> 0;
			});
		}
	});

	it('decodes every field value back into the register value', () => {
		fc.assert(
			fc.property(fc.constantFrom(...Object.keys(CSR_FIELDS)), fc.nat(0xffffffff), (csr, value) => {
				const rebuilt = decodeCsr(csr, value).reduce((v, f) => v + f.value * 2 ** f.lo, 0);
				expect(rebuilt).toBe((value & bitsOf(csr)) >>> 0);
			}),
			{ numRuns: 100 }
		);
	});
});

describe('the field tables and the machine', () => {
	const machine = () => new Machine({ ramSize: 1 << 16 });

	it('decodes sstatus, which the machine derives from mstatus, as the same fields', () => {
		fc.assert(
			fc.property(fc.nat(0xffffffff), (value) => {
				const m = machine();
				m.writeCsr(Csr.mstatus, value & MSTATUS_WRITABLE);
				const full = decodeCsr('mstatus', m.readCsr(Csr.mstatus)!);
				for (const f of decodeCsr('sstatus', m.readCsr(Csr.sstatus)!))
					expect(f, f.field).toEqual(full.find((g) => g.field === f.field));
			}),
			{ numRuns: 50 }
		);
	});

	it('lists exactly the bits the machine lets each delegation register set', () => {
		for (const csr of ['medeleg', 'mideleg', 'hedeleg', 'hideleg'] as const) {
			const m = machine();
			m.writeCsr(Csr[csr], 0xffffffff);
			expect(bitsOf(csr), csr).toBe(m.readCsr(Csr[csr]));
		}
	});

	it('names the interrupt bits of mip and mie as the machine numbers them', () => {
		for (const [name, bit] of Object.entries(Irq)) {
			expect(fieldOf('mip', 1 << bit, `${name}P`)).toMatchObject({ bits: String(bit), value: 1 });
			expect(fieldOf('mie', 1 << bit, `${name}E`).meaning).toBe('enabled');
		}
	});

	it('reads who may access a CSR from its number as the machine checks it', () => {
		const hart = new Hart(4096, 16, 100, () => {});
		const counters = (n: number) => n >>> 8 === 0xc || n >>> 8 === 0xb;
		const implemented = [...csrNumber.values()].filter((n) => !counters(n));
		const rank = { U: 0, S: 1, HS: 1, M: 3 } as const;
		fc.assert(
			fc.property(
				fc.constantFrom(...implemented),
				fc.constantFrom(0, 1, 3),
				fc.boolean(),
				(csr, priv, write) => {
					hart.priv = priv;
					const access = csrAccess(csr);
					const allowed = priv >= rank[access.lowest] && !(write && access.readOnly);
					expect(csrAccessCause(hart, csr, write) === 0).toBe(allowed);
				}
			),
			{ numRuns: 100 }
		);
	});

	it('says it in words', () => {
		expect(csrAccess(Csr.mstatus).summary).toBe('read/write, in M-mode only');
		expect(csrAccess(Csr.cycle).summary).toBe('read-only, from U-mode up');
		expect(csrAccess(Csr.hgeip)).toMatchObject({ readOnly: true, lowest: 'HS' });
		expect(csrAccess(Csr.vsatp).lowest).toBe('HS');
		expect(csrAccess(Csr.sstatus).lowest).toBe('S');
	});

	it('has a table for each CSR the machine views decode, each one the machine implements', () => {
		for (const name of ['mstatus', 'sstatus', 'satp', 'hgatp', 'hstatus', 'mip', 'mie', 'sip'])
			expect(CSR_FIELDS).toHaveProperty(name);
		for (const name of ['sie', 'medeleg', 'mideleg', 'hedeleg', 'hideleg', 'mcause', 'scause'])
			expect(CSR_FIELDS).toHaveProperty(name);
		for (const name of ['vsstatus', 'vsatp']) expect(CSR_FIELDS).toHaveProperty(name);
		for (const { name, number } of DECODED_CSRS) expect(csrNumber.get(name), name).toBe(number);
	});
});
