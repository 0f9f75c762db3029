/**
 * The numbers the memory-virtualization lesson (06) states come from running the course's guest:
 * the walk lengths, ptemod's exits under two shadow synchronisations, and the sweeps' crossovers.
 * A change to the MMU, the hypervisor or the cost model that moves one fails here, with the value
 * to write instead, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { twoDimensionalWalk } from '../../../src/lib/emulator/mmu/two-dimensional-walk.ts';
import { buildGuest } from '../../../src/lib/emulator/guests/build.ts';
import type { ShadowSync } from '../../../src/lib/emulator/vmm/shadow-paging.ts';
import { runSweep, type SweepResult } from '../../../src/lib/emulator/vmm/sweep.ts';
import { runVm, type VmRun } from '../../../src/lib/emulator/vmm/vm.ts';
import { expectCell, expectProse } from './lesson-numbers.ts';

const LESSON = [
	'content/lessons/06-memory-virtualization.md',
	'content/lessons/06-memory-virtualization.zh.md'
];

function ptemod(shadowSync: ShadowSync): VmRun {
	const result = runVm({
		mode: 'trap',
		kernel: { image: buildGuest('ptemod').image! },
		shadowSync
	});
	if (!result.ok) throw new Error(result.error);
	return result.run;
}

function sweep(workload: 'wset' | 'ptrate', parameter: string, values: number[]): SweepResult {
	const result = runSweep({ workload, parameter, values, variants: ['trap', 'hw'] });
	if (!result.ok) throw new Error(result.error);
	return result.sweep;
}

const cycles = (s: SweepResult, value: number, variant: string) =>
	s.points.find((p) => p.value === value && p.variant === variant)!.modelCycles;

describe('lesson 06: memory virtualization', () => {
	it('counts the references of a TLB miss as the walk model does: 8 for Sv32x4, 24 for x86-64', () => {
		expectCell(LESSON, 'guestLevels', 2);
		expectCell(LESSON, 'hostLevels', 2);
		expect(twoDimensionalWalk(2, 2).tableReferences).toBe(8);
		expectCell(LESSON, 'x86GuestLevels', 4);
		expectCell(LESSON, 'x86HostLevels', 4);
		expect(twoDimensionalWalk(4, 4).tableReferences).toBe(24);
	});

	it('gives ptemod’s exits and model cycles under write protection and unsync tables', () => {
		const writeProtect = ptemod('write-protect');
		const unsync = ptemod('unsync');
		const writes = (r: VmRun) => r.exits.byReason.get('pageTableWrite')?.count ?? 0;
		expectCell(LESSON, 'ptemodWritesWriteProtect', writes(writeProtect));
		expectCell(LESSON, 'ptemodWritesUnsync', writes(unsync));
		expectCell(LESSON, 'ptemodExitsWriteProtect', writeProtect.exits.count);
		expectCell(LESSON, 'ptemodExitsUnsync', unsync.exits.count);
		expectCell(LESSON, 'ptemodCyclesWriteProtect', writeProtect.modelCycles);
		expectCell(LESSON, 'ptemodCyclesUnsync', unsync.modelCycles);
		const saved = writeProtect.exits.count - unsync.exits.count;
		expectProse(LESSON, (1003).toLocaleString('en-US'), saved.toLocaleString('en-US'));
		// "about 1.1 million model cycles" saved
		expect(((writeProtect.modelCycles - unsync.modelCycles) / 1e6).toFixed(1)).toBe('1.1');
	});

	it('finds shadow paging cheaper on wset from 128 pages, with the figures at 512', () => {
		const s = sweep('wset', 'WSET', [64, 128]);
		expect(cycles(s, 64, 'hw')).toBeLessThan(cycles(s, 64, 'trap'));
		expect(cycles(s, 128, 'trap')).toBeLessThan(cycles(s, 128, 'hw'));
		expectCell(LESSON, 'shadowWinsFrom', 128);
		const at512 = runSweep({
			workload: 'wset',
			parameter: 'WSET',
			values: [512],
			variants: ['trap', 'hw', 'hw+megapages', 'hw+walk-cache']
		});
		if (!at512.ok) throw new Error(at512.error);
		const point = (variant: string) => at512.sweep.points.find((p) => p.variant === variant)!;
		expectCell(LESSON, 'trapCycles512', point('trap').modelCycles);
		expectCell(LESSON, 'hwCycles512', point('hw').modelCycles);
		expectCell(LESSON, 'hwMegapagesCycles512', point('hw+megapages').modelCycles);
		expectCell(LESSON, 'hwWalkCacheCycles512', point('hw+walk-cache').modelCycles);
		const perMiss = (variant: string) => Number(point(variant).walk.perMiss!.toFixed(1));
		expectCell(LESSON, 'trapReferencesPerMiss512', perMiss('trap'));
		expectCell(LESSON, 'hwReferencesPerMiss512', perMiss('hw'));
		expectProse(LESSON, perMiss('hw+megapages').toFixed(1), perMiss('hw+walk-cache').toFixed(1));
	});

	it('finds two-stage translation cheaper on ptrate from RATE = 3', () => {
		const s = sweep('ptrate', 'RATE', [2, 3]);
		expect(cycles(s, 2, 'trap')).toBeLessThan(cycles(s, 2, 'hw'));
		expect(cycles(s, 3, 'hw')).toBeLessThan(cycles(s, 3, 'trap'));
		expectCell(LESSON, 'twoStageWinsFromRate', 3);
	});
});
