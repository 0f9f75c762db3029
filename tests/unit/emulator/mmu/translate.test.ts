/**
 * Page walks as the trace sink sees them: every PTE read with its stage, level and address, TLB
 * misses, and the guest-page-fault details (htval = GPA >> 2, htinst) of two-stage translation.
 * The programs are the Sv32 and H conformance programs (tests/fixtures/conformance).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Machine } from '../../../../src/lib/emulator/machine/machine.ts';
import type { TraceEvent } from '../../../../src/lib/emulator/machine/types.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

function traced(name: string) {
	const events: TraceEvent[] = [];
	const m = new Machine({
		ramSize: 8 << 20,
		trace: { traps: true, mmu: true, sink: (e) => events.push(e) }
	});
	const r = m.loadElf(readFileSync(join(__dirname, '../../../fixtures/conformance', name)));
	if (!r.ok) throw new Error(r.error);
	return { stop: m.run({ maxInsns: 1e6 }), events, m };
}

describe('Sv32 walks', () => {
	it('reads the level-1 then the level-0 PTE of the root for a 4 KiB page', () => {
		const { stop, events, m } = traced('sv32.elf');
		expect(stop).toEqual({ kind: 'halted', exitCode: 0 });
		const miss = events.findIndex((e) => e.kind === 'tlbMiss' && e.va === 0x40000000);
		expect(miss).toBeGreaterThanOrEqual(0);
		const walk = events.slice(miss + 1, miss + 3);
		expect(walk.map((e) => e.kind === 'walk' && [e.stage, e.level])).toEqual([
			['S', 1],
			['S', 0]
		]);
		const root = walk[0].kind === 'walk' ? walk[0].pteAddr : 0;
		expect(root % 4096).toBe(0x100 * 4); // VPN[1] of 0x40000000 indexes the root
		expect(m.stats().tlbHitRate).toBeGreaterThan(0);
	});

	it('reports page faults with tval = the virtual address', () => {
		const { events } = traced('sv32.elf');
		const faults = events.filter((e) => e.kind === 'trap' && e.trap.cause === 15);
		expect(faults.map((e) => e.kind === 'trap' && e.trap.tval)).toContain(0x40003008);
	});
});

describe('two-stage translation', () => {
	it('walks the VS-stage with G-stage reads in between, and G-stage faults carry htval and htinst', () => {
		const { stop, events } = traced('h-gstage.elf');
		expect(stop).toEqual({ kind: 'halted', exitCode: 0 });
		const stages = new Set(events.flatMap((e) => (e.kind === 'walk' ? [e.stage] : [])));
		expect(stages).toEqual(new Set(['G', 'VS']));
		const store = events.find((e) => e.kind === 'trap' && e.trap.cause === 23);
		expect(store && store.kind === 'trap' && store.trap).toMatchObject({
			tval: 0x00401008,
			htval: 0x00401008 >>> 2,
			htinst: 0x00002023,
			gva: true,
			virt: true
		});
		const pteRead = events.find(
			(e) => e.kind === 'trap' && e.trap.cause === 21 && e.trap.htinst === 0x2000
		);
		expect(pteRead && pteRead.kind === 'trap' && pteRead.trap.htval).toBe(0x00403000 >>> 2);
	});

	it('with hostTrapsHS, a guest-page fault delegated to HS stops run with its details', () => {
		const m = new Machine({ ramSize: 8 << 20, hostTrapsHS: true });
		const r = m.loadElf(
			readFileSync(join(__dirname, '../../../fixtures/conformance/h-gstage.elf'))
		);
		expect(r.ok).toBe(true);
		m.writeCsr(0x302, 1 << 23); // medeleg: store guest-page faults to HS
		const stop = m.run({ maxInsns: 1e6 });
		expect(stop.kind).toBe('hostTrap');
		if (stop.kind === 'hostTrap')
			expect(stop.trap).toMatchObject({
				cause: 23,
				tval: 0x00401008,
				htval: 0x00401008 >>> 2,
				virt: true
			});
	});
});

describe('permissions of a cached translation', () => {
	/**
	 * A U page whose PTE has all eight flag bits set (V R W X U G A D = 0xff) is loaded from U-mode,
	 * so the TLB caches it; then S-mode, with sstatus.SUM clear, loads the same address. §4.3.1: S-mode
	 * may not access a U page unless SUM is set, so the load faults (cause 13), TLB hit or not. The
	 * program exits 1 on the fault and 2 if the load wrongly succeeds.
	 */
	const program = `
	.option norvc
	.equ FINISHER, 0x00100000
_start:
	la t0, root
	li t1, 0x000000c7          # 0x00000000 megapage, R W A D: the finisher
	sw t1, 0(t0)
	li t2, 0x800
	add t2, t0, t2             # the PTEs of VPN[1] = 0x200 and 0x201
	li t1, 0x200000cf          # 0x80000000 megapage, R W X A D: M- and S-mode code
	sw t1, 0(t2)
	li t1, 0x201000ff          # 0x80400000 megapage, every flag: U code and data
	sw t1, 4(t2)
	srli t0, t0, 12
	li t1, 0x80000000
	or t0, t0, t1
	csrw satp, t0
	li t0, (1 << 8) | (1 << 13)   # ecall from U and load page faults go to S
	csrw medeleg, t0
	la t0, supervisor
	csrw stvec, t0
	li t0, 0x80400000
	csrw sepc, t0
	csrw mepc, t0
	li t0, 0x1800               # MPP = U
	csrc mstatus, t0
	mret
supervisor:
	csrr t0, scause
	li t1, 13
	beq t0, t1, faulted
	li t0, 0x80401100          # ecall from U: read the U page from S-mode, SUM clear (TLB index 1,
	                           # clear of the code pages at index 0 of the 64-entry TLB)
	lw t1, 0(t0)
	li t0, FINISHER            # the load went through: wrong
	li t1, (2 << 16) | 0x3333
	sw t1, 0(t0)
faulted:
	li t0, FINISHER
	li t1, (1 << 16) | 0x3333
	sw t1, 0(t0)
	.balign 4096
root:
	.space 4096
	.org 0x400000              # 0x80400000, the U megapage
user:
	li t0, 0x80401100
	lw t1, 0(t0)               # fills the TLB with the 0xff leaf
	ecall
`;

	it('checks a leaf with all eight flag bits set on a TLB hit (S-mode, SUM clear, U page)', () => {
		const { image, diagnostics } = assemble(program, { file: 'sum.s' });
		expect(diagnostics).toEqual([]);
		const m = new Machine({ ramSize: 8 << 20 });
		expect(m.loadImage(image!)).toEqual({ ok: true });
		expect(m.run({ maxInsns: 10_000 })).toEqual({ kind: 'halted', exitCode: 1 });
	});
});
