/**
 * The `vm` model of model tasks (src/lib/labs/vm-model.ts): the course's guest run in two modes,
 * a baseline subtracted, and the ratio of their model cycles.
 */
import { describe, expect, it } from 'vitest';
import { runVmModel, type VmModeFigures } from '../../../src/lib/labs/vm-model.ts';

const wset = (WSET: number, more: Record<string, unknown> = {}) =>
	runVmModel({
		workload: 'wset',
		tlbEntries: 16,
		WSET,
		ROUNDS: 4,
		baseline: { ROUNDS: 2 },
		...more
	});

describe('runVmModel', () => {
	it('above the TLB reach shadow paging is cheaper: 2 references a miss against 8', () => {
		const result = wset(64);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { trap, hw, ratio } = result.value as {
			trap: VmModeFigures;
			hw: VmModeFigures;
			ratio: number;
		};
		expect(trap.referencesPerMiss).toBeCloseTo(2, 1);
		expect(hw.referencesPerMiss).toBeCloseTo(8, 1);
		expect(ratio).toBeLessThan(0.9);
		expect(ratio).toBeCloseTo(trap.modelCycles / hw.modelCycles, 12);
	});

	it('within the TLB reach the extra rounds cost both modes the same', () => {
		const result = wset(8);
		expect(result.ok && (result.value.ratio as number)).toBe(1);
	});

	it('subtracts the baseline: the difference of two runs', () => {
		const whole = runVmModel({ workload: 'wset', tlbEntries: 16, WSET: 64, ROUNDS: 4 });
		const setup = runVmModel({ workload: 'wset', tlbEntries: 16, WSET: 64, ROUNDS: 2 });
		const diff = wset(64);
		if (!whole.ok || !setup.ok || !diff.ok) throw new Error('a run failed');
		const cycles = (r: typeof whole, mode: string) =>
			((r as { value: Record<string, VmModeFigures> }).value[mode] as VmModeFigures).modelCycles;
		expect(cycles(diff, 'hw')).toBe(cycles(whole, 'hw') - cycles(setup, 'hw'));
	});

	it('names a bad input', () => {
		expect(runVmModel({ workload: 'nope' })).toMatchObject({
			ok: false,
			error: { param: 'workload' }
		});
		expect(runVmModel({ workload: 'wset', WSET: 'many' })).toMatchObject({
			ok: false,
			error: { param: 'WSET' }
		});
		expect(runVmModel({ workload: 'wset', WSET: 5000 })).toMatchObject({
			ok: false,
			error: { message: expect.stringMatching(/WSET 5000 must be a whole number/) }
		});
	});
});
