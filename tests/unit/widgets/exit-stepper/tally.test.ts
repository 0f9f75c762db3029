/**
 * The table and the bars: re-pricing the records and the page walks under the run's own model gives
 * back exactly what the run reported (the oracle is vmm's own tally, `exitRows` and
 * `VmRun.modelCycles`); another preset, or another memoryReference, changes the bars by what its
 * constants say.
 */
import { describe, expect, it } from 'vitest';
import { COST_PRESETS, costPreset } from '../../../../src/lib/emulator/vmm/cost.ts';
import { exitRows } from '../../../../src/lib/emulator/vmm/report.ts';
import type { VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import { english } from '../../../../src/lib/widgets/exit-stepper/messages.ts';
import {
	COST_CONSTANTS,
	modeBars,
	resolveCost,
	tally
} from '../../../../src/lib/widgets/exit-stepper/tally.ts';
import { realRun } from './fixtures.ts';

const input = (run: VmRun) => ({
	mode: run.mode,
	records: run.exits.records,
	guestInstructions: run.guestInstructions,
	firmwareCalls: run.exits.firmwareCalls,
	walk: run.walk
});

describe('tally', () => {
	for (const mode of ['native', 'trap', 'pv', 'hw'] as const)
		it(`gives back the run's own table and totals under its model (${mode})`, () => {
			const run = realRun('syscall', mode);
			const t = tally(input(run), run.exits.costModel);
			expect(t.rows).toEqual(exitRows(run));
			expect(t.exits).toBe(run.exits.count);
			expect(t.exitCycles).toBe(run.exits.modelCycles);
			expect(t.walk).toEqual(run.walk);
			expect(t.walk!.cycles).toBeGreaterThan(0);
			expect(t.modelCycles).toBe(run.modelCycles);
			expect(t.firmwareCalls).toBe(run.exits.firmwareCalls);
			expect(t.costModel).toBe('core2');
		});

	for (const id of ['p4', 'kvm'])
		for (const mode of ['native', 'trap', 'pv', 'hw'] as const)
			it(`re-prices under ${id} as a run made with ${id} would have (${mode})`, () => {
				const model = costPreset(id)!;
				const made = realRun('syscall', mode, model);
				const t = tally(input(realRun('syscall', mode)), model);
				expect(t.rows).toEqual(exitRows(made));
				expect(t.walk).toEqual(made.walk);
				expect(t.modelCycles).toBe(made.modelCycles);
			});

	it('re-prices the page walks when memoryReference changes, as a run made so would', () => {
		const r = resolveCost('core2', { memoryReference: 100 });
		if (!r.ok) throw new Error('expected a model');
		const made = realRun('syscall', 'hw', r.model);
		const t = tally(input(realRun('syscall', 'hw')), r.model);
		expect(t.walk!.cycles).toBe(made.walk.cycles);
		expect(t.modelCycles).toBe(made.modelCycles);
		// Two-stage walks: a TLB miss reads the guest's table and the G-stage's.
		expect(t.walk!.references.VS).toBeGreaterThan(0);
		expect(t.walk!.references.G).toBeGreaterThan(0);
	});

	it('leaves the walks out when they were not counted (a range of the timeline)', () => {
		const run = realRun('syscall', 'hw');
		const t = tally({ ...input(run), walk: undefined }, run.exits.costModel);
		expect(t.walk).toBeUndefined();
		expect(t.modelCycles).toBe(run.guestInstructions + run.exits.modelCycles);
	});

	it('does not change the records it prices', () => {
		const run = realRun('syscall', 'hw');
		const copy = structuredClone(run.exits.records);
		tally(input(run), costPreset('p4')!);
		expect(run.exits.records).toEqual(copy);
	});
});

describe('resolveCost', () => {
	it('gives a preset, and names the constants an override changed', () => {
		const r = resolveCost('kvm', { decode: 400, stateRead: costPreset('kvm')!.stateRead });
		if (!r.ok) throw new Error('expected a model');
		expect(r.model).toMatchObject({ id: 'kvm+decode', decode: 400 });
		expect(costPreset('kvm')!.decode).toBe(40);
		expect(resolveCost('core2')).toEqual({ ok: true, model: costPreset('core2') });
	});

	it('refuses an unknown preset or a bad constant with a line to show', () => {
		const a = resolveCost('pentium');
		expect(a.ok).toBe(false);
		if (!a.ok)
			expect(english(a.error)).toBe('Unknown cost preset “pentium”; choose one of p4, core2, kvm.');
		for (const bad of [-1, Number.NaN, Infinity]) {
			const b = resolveCost('p4', { decode: bad });
			expect(b.ok).toBe(false);
		}
		expect(resolveCost('p4', { id: 3 } as never).ok).toBe(false);
	});

	it('knows every number of a cost model', () => {
		for (const p of COST_PRESETS)
			expect(
				Object.keys(p)
					.filter((k) => typeof p[k as keyof typeof p] === 'number')
					.sort()
			).toEqual([...COST_CONSTANTS].sort());
	});
});

describe('modeBars', () => {
	it('stacks the guest, its page walks and each reason, on one scale, and changes with the preset', () => {
		const runs = [realRun('syscall', 'trap'), realRun('syscall', 'hw')];
		const core2 = modeBars(runs.map((r) => tally(input(r), costPreset('core2')!)));
		for (const [i, bar] of core2.bars.entries()) {
			expect(bar.total).toBe(runs[i].modelCycles);
			expect(bar.segments.slice(0, 2)).toEqual([
				{ part: 'guest', start: 0, cycles: runs[i].guestInstructions },
				{ part: 'walk', start: runs[i].guestInstructions, cycles: runs[i].walk.cycles }
			]);
			for (let k = 1; k < bar.segments.length; k++)
				expect(bar.segments[k].start).toBe(bar.segments[k - 1].start + bar.segments[k - 1].cycles);
		}
		expect(core2.max).toBe(Math.max(...runs.map((r) => r.modelCycles)));
		expect(Math.min(...core2.bars.map((b) => b.relative))).toBe(1);

		const p4 = modeBars(runs.map((r) => tally(input(r), costPreset('p4')!)));
		// p4's VM exit round trip is twice core2's; its trap round trip is the same.
		expect(p4.bars[1].total).toBeGreaterThan(core2.bars[1].total);
		expect(p4.bars).not.toEqual(core2.bars);
	});

	it('shows native firmware calls as their own segment', () => {
		const run = realRun('syscall', 'native');
		const bar = modeBars([tally(input(run), costPreset('core2')!)]).bars[0];
		expect(bar.segments.map((s) => s.part)).toEqual(['guest', 'walk', 'firmware']);
		expect(bar.total).toBe(run.modelCycles);
	});
});
