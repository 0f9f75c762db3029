import { describe, expect, it } from 'vitest';
import { tlbLines } from '../../../../src/cli/commands/debug-tlb.ts';
import type { TlbEntryView } from '../../../../src/lib/emulator/session/tlb-view.ts';

const rwad = { R: true, W: true, X: false, U: false, G: false, A: true, D: true };
const host: TlbEntryView = {
	index: 12,
	vpn: 0x40001,
	virtualPage: 0x40001000,
	virt: false,
	firstStage: true,
	asid: 3,
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
	asid: 0,
	vmid: 1,
	global: true,
	stage1: { ...rwad, G: true },
	stage2: { ...rwad, X: true, U: true },
	gppn: 0x400,
	guestPhysicalPage: 0x400000,
	ppn: 0x8000b,
	physicalPage: 0x8000b000
};

describe('tlbLines', () => {
	it('says so when no entry is valid', () => {
		expect(tlbLines([])).toEqual(['no valid entries']);
	});

	it('prints a heading, then one line per entry by slot, in aligned columns', () => {
		expect(tlbLines([host, guest])).toEqual([
			'entry  virtual page  V  ASID  VMID  global  stage 1  stage 2  physical page  guest physical page',
			'    2  0x40001000    1     0     1  yes     RW--GAD  RWXU-AD  0x8000b000     0x00400000',
			'   12  0x40001000    0     3     -  no      RW---AD  bare     0x80005000     -'
		]);
	});
});
