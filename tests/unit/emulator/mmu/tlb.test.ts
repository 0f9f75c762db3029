import { describe, expect, it } from 'vitest';
import { Tlb, contextTag } from '../../../../src/lib/emulator/mmu/tlb.ts';

describe('architectural TLB', () => {
	const ctx = (asid: number) => contextTag(0, 1, asid, 0);
	it('matches by page and ASID; global entries match any ASID', () => {
		const t = new Tlb(16);
		t.insert(0x40000, ctx(1), false, 0xcf, 0xff, 0x80001, 0);
		t.insert(0x40001, ctx(1), true, 0xcf, 0xff, 0x80002, 0);
		expect(t.lookup(0x40000, ctx(1))).toBeGreaterThanOrEqual(0);
		expect(t.lookup(0x40000, ctx(2))).toBe(-1);
		expect(t.lookup(0x40001, ctx(2))).toBeGreaterThanOrEqual(0);
	});
	it('SFENCE.VMA with an ASID keeps global entries; by address drops one page', () => {
		const t = new Tlb(16);
		t.insert(0x40000, ctx(1), false, 0xcf, 0xff, 1, 0);
		t.insert(0x40001, ctx(1), true, 0xcf, 0xff, 2, 0);
		t.insert(0x40002, ctx(1), false, 0xcf, 0xff, 3, 0);
		t.flush(0, undefined, undefined, 1);
		expect(t.lookup(0x40000, ctx(1))).toBe(-1);
		expect(t.lookup(0x40001, ctx(1))).toBeGreaterThanOrEqual(0);
		t.flush(0, undefined, 0x40001);
		expect(t.lookup(0x40001, ctx(1))).toBe(-1);
	});
	it('flushNonGlobal drops the non-global entries of one regime (a TLB without ASIDs)', () => {
		const t = new Tlb(16);
		const guest = contextTag(1, 1, 1, 5);
		t.insert(0x40000, ctx(1), false, 0xcf, 0xff, 1, 0);
		t.insert(0x40001, ctx(1), true, 0xcf, 0xff, 2, 0);
		t.insert(0x40002, guest, false, 0xcf, 0xdf, 3, 7);
		t.flushNonGlobal(0);
		expect(t.lookup(0x40000, ctx(1))).toBe(-1);
		expect(t.lookup(0x40001, ctx(2))).toBeGreaterThanOrEqual(0);
		expect(t.lookup(0x40002, guest)).toBeGreaterThanOrEqual(0);
		t.flushNonGlobal(1, 4);
		expect(t.lookup(0x40002, guest)).toBeGreaterThanOrEqual(0);
		t.flushNonGlobal(1, 5);
		expect(t.lookup(0x40002, guest)).toBe(-1);
	});
	it('V=1 entries are separate and flushed by VMID', () => {
		const t = new Tlb(16);
		const guest = contextTag(1, 1, 1, 5);
		t.insert(0x40000, guest, false, 0xcf, 0xdf, 1, 7);
		expect(t.lookup(0x40000, ctx(1))).toBe(-1);
		t.flush(0);
		expect(t.lookup(0x40000, guest)).toBeGreaterThanOrEqual(0);
		t.flush(1, 6);
		expect(t.lookup(0x40000, guest)).toBeGreaterThanOrEqual(0);
		t.flush(1, 5);
		expect(t.lookup(0x40000, guest)).toBe(-1);
	});
});
