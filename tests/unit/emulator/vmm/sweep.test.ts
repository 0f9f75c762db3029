/**
 * The memory-virtualization crossovers (vmm/sweep.ts), asserted on model-cycle counts: shadow
 * paging (trap) beats two-stage translation (hw) on a TLB-miss-heavy working set, two-stage beats
 * shadow paging at a high page-table update rate, and megapages and the walk cache shrink
 * two-stage's walk references. A handful of points at small sizes, to stay fast.
 */
import { describe, expect, it } from 'vitest';
import {
	findCrossovers,
	runSweep,
	type SweepPoint,
	type SweepResult
} from '../../../../src/lib/emulator/vmm/sweep.ts';

function sweep(options: Parameters<typeof runSweep>[0]): SweepResult {
	const result = runSweep(options);
	if (!result.ok) throw new Error(result.error);
	return result.sweep;
}

const at = (s: SweepResult, value: number, variant: SweepPoint['variant']) =>
	s.points.find((p) => p.value === value && p.variant === variant)!;

describe('working-set sweep (wset)', () => {
	const s = sweep({ workload: 'wset', parameter: 'WSET', values: [32, 256] });

	it('every variant of a point prints the same output (the guest cannot tell the modes apart)', () => {
		for (const value of s.values) {
			const outputs = new Set(s.points.filter((p) => p.value === value).map((p) => p.output));
			expect(outputs.size).toBe(1);
			expect([...outputs][0]).toContain('pid 1 exit 0 checksum');
		}
		expect(s.points.map((p) => p.variant)).toEqual([
			'trap',
			'hw',
			'hw+megapages',
			'hw+walk-cache',
			'trap',
			'hw',
			'hw+megapages',
			'hw+walk-cache'
		]);
	});

	it('while the pages fit in the TLB, two-stage is cheaper; past it, shadow paging is', () => {
		expect(at(s, 32, 'hw').modelCycles).toBeLessThan(at(s, 32, 'trap').modelCycles);
		expect(at(s, 256, 'trap').modelCycles).toBeLessThan(at(s, 256, 'hw').modelCycles);
		expect(s.crossover).toEqual({
			variant: 'hw',
			value: 256,
			previous: 32,
			before: 'hw',
			after: 'trap'
		});
	});

	it('past the TLB, nearly every touch misses: about 2 references a miss under shadow paging, near 8 under two-stage', () => {
		const trap = at(s, 256, 'trap').walk;
		const hw = at(s, 256, 'hw').walk;
		expect(trap.references.VS + trap.references.G).toBe(0);
		expect(trap.perMiss!).toBeGreaterThan(1.9);
		expect(trap.perMiss!).toBeLessThanOrEqual(2);
		expect(hw.references.S).toBe(0);
		expect(hw.perMiss!).toBeGreaterThan(7);
		expect(hw.perMiss!).toBeLessThanOrEqual(8);
		// 256 pages, 200 rounds: at least one miss per touch.
		expect(hw.misses).toBeGreaterThan(256 * 200);
	});

	it('megapages and the walk cache shrink two-stage walks and close the gap', () => {
		const hw = at(s, 256, 'hw');
		for (const variant of ['hw+megapages', 'hw+walk-cache'] as const) {
			const faster = at(s, 256, variant);
			expect(faster.walkReferences).toBeLessThan(0.7 * hw.walkReferences);
			// The guest's own table is walked as before (timer ticks land elsewhere: within 2%).
			expect(Math.abs(faster.walk.references.VS / hw.walk.references.VS - 1)).toBeLessThan(0.02);
			expect(faster.modelCycles).toBeLessThan(hw.modelCycles);
		}
		// A G-stage walk reads 1 PTE with megapages: at most 2 VS + 3 G per miss.
		expect(at(s, 256, 'hw+megapages').walk.perMiss!).toBeLessThanOrEqual(5);
		// The walk cache leaves the final G-stage walk: at most 2 VS + 2 G once it is warm.
		expect(at(s, 256, 'hw+walk-cache').walk.perMiss!).toBeLessThan(4.1);
	});

	it('model cycles are guest instructions, exits and walk references at their prices', () => {
		for (const p of s.points)
			expect(p.modelCycles).toBe(p.guestInstructions + p.exitCycles + p.walkReferences * 20);
	});
});

describe('update-rate sweep (ptrate)', () => {
	const s = sweep({
		workload: 'ptrate',
		parameter: 'RATE',
		values: [0, 8],
		params: { BLOCKS: 50 },
		variants: ['trap', 'hw']
	});

	it('with no page-table updates shadow paging is cheaper; at a high rate two-stage is', () => {
		expect(at(s, 0, 'trap').modelCycles).toBeLessThan(at(s, 0, 'hw').modelCycles);
		expect(at(s, 8, 'hw').modelCycles).toBeLessThan(at(s, 8, 'trap').modelCycles);
		expect(s.crossover).toMatchObject({ value: 8, before: 'trap', after: 'hw' });
		expect(at(s, 0, 'trap').output).toBe(at(s, 0, 'hw').output);
		expect(at(s, 8, 'trap').output).toBe(at(s, 8, 'hw').output);
	});

	it('because every guest PTE write exits under shadow paging and none does under two-stage', () => {
		const trapMore = at(s, 8, 'trap').exits - at(s, 0, 'trap').exits;
		const hwMore = at(s, 8, 'hw').exits - at(s, 0, 'hw').exits;
		// 50 blocks × 8 map/unmap pairs: at least two PTE writes each.
		expect(trapMore).toBeGreaterThan(2 * 50 * 8);
		expect(hwMore).toBeLessThan(50);
	});
});

describe('sweep helpers', () => {
	it('findCrossovers lists every change of the cheaper mode; a tie is no crossover', () => {
		const point = (value: number, variant: 'trap' | 'hw', modelCycles: number) =>
			({ value, variant, modelCycles }) as SweepPoint;
		const points = [
			point(1, 'trap', 10),
			point(1, 'hw', 12),
			point(2, 'trap', 20),
			point(2, 'hw', 20),
			point(3, 'trap', 30),
			point(3, 'hw', 25),
			point(4, 'trap', 30),
			point(4, 'hw', 35)
		];
		expect(findCrossovers(points, [1, 2, 3, 4], 'hw')).toEqual([
			{ variant: 'hw', value: 3, previous: 2, before: 'trap', after: 'hw' },
			{ variant: 'hw', value: 4, previous: 3, before: 'hw', after: 'trap' }
		]);
	});

	it('refuses a parameter the workload does not have, and values out of range', () => {
		expect(runSweep({ workload: 'wset', parameter: 'RATE', values: [1] })).toMatchObject({
			ok: false,
			error: expect.stringContaining('has no parameter RATE')
		});
		expect(runSweep({ workload: 'wset', parameter: 'WSET', values: [0] })).toMatchObject({
			ok: false,
			error: expect.stringContaining('WSET 0 must be a whole number from 1')
		});
	});
});
