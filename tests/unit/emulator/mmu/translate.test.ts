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
