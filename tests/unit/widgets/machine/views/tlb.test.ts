/**
 * The TLB rows: by slot, addresses in hex, each stage's flags as letters, VMID and the guest page
 * only for a guest's entries; and on the paging example's real TLB, the page its handler mapped.
 */
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '../../../../../src/lib/emulator/asm/index.ts';
import { Machine } from '../../../../../src/lib/emulator/machine/machine.ts';
import { tlbView } from '../../../../../src/lib/emulator/session/tlb-view.ts';
import { EXAMPLE_SOURCES } from '../../../../../src/lib/widgets/machine/examples/sources.generated.ts';
import { hex } from '../../../../../src/lib/widgets/machine/views/format.ts';
import { stageLetters, tlbRows } from '../../../../../src/lib/widgets/machine/views/tlb.ts';
import type { TlbEntryView } from '../../../../../src/lib/widgets/machine/views/types.ts';

const rwad = { R: true, W: true, X: false, U: false, G: false, A: true, D: true };
const host: TlbEntryView = {
	index: 5,
	vpn: 0x40001,
	virtualPage: 0x40001000,
	virt: false,
	firstStage: true,
	asid: 0,
	vmid: 0,
	global: false,
	stage1: rwad,
	stage2: 'bare',
	ppn: 0x80005,
	physicalPage: 0x80005000
};
const guest: TlbEntryView = {
	...host,
	index: 2,
	virt: true,
	vmid: 1,
	stage2: { ...rwad, X: true, U: true },
	gppn: 0x400,
	guestPhysicalPage: 0x400000,
	ppn: 0x80200,
	physicalPage: 0x80200000
};

describe('stageLetters', () => {
	it('writes R to D in bit order with dashes, or bare', () => {
		expect(stageLetters(rwad)).toBe('RW---AD');
		expect(stageLetters({ ...rwad, X: true, U: true, G: true })).toBe('RWXUGAD');
		expect(stageLetters('bare')).toBe('bare');
	});
});

describe('tlbRows', () => {
	it('orders entries by slot and writes addresses in hex', () => {
		const rows = tlbRows([host, guest]);
		expect(rows.map((r) => r.index)).toEqual([2, 5]);
		expect(rows[1]).toMatchObject({
			vaHex: '0x40001000',
			paHex: '0x80005000',
			stage1: 'RW---AD',
			stage2: 'bare'
		});
	});

	it('gives a guest entry its VMID and guest physical page, and a host entry neither', () => {
		const [g, h] = tlbRows([host, guest]);
		expect(g).toMatchObject({ virt: true, vmid: 1, gpaHex: '0x00400000', stage2: 'RWXU-AD' });
		expect(h).not.toHaveProperty('vmid');
		expect(h).not.toHaveProperty('gpaHex');
	});

	it('has no rows for an empty TLB', () => {
		expect(tlbRows([])).toEqual([]);
	});

	it('shows the paging example’s mapping of 0x40001000 from the machine’s own TLB', () => {
		const { image } = assemble(EXAMPLE_SOURCES['paging.s'], { file: 'paging.s' });
		const m = new Machine({ ramSize: 4 << 20 });
		m.loadImage(image!);
		expect(m.run({ maxInsns: 1_000_000 }).kind).toBe('halted');
		const row = tlbRows(tlbView(m)).find((r) => r.vaHex === '0x40001000');
		expect(row).toMatchObject({ paHex: hex(symbolValue(image!, 'spare_page')!), virt: false });
		expect(row?.stage1.slice(0, 2)).toBe('RW');
	});
});
