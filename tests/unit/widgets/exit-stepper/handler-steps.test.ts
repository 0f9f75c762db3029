/**
 * An exit's steps as lines: under the run's own cost model the lines add up to the record's
 * modelCycles (the oracle is the exit log, which priced the record as the monitor made it), and
 * under another preset to what that log would have charged.
 */
import { describe, expect, it } from 'vitest';
import { costPreset } from '../../../../src/lib/emulator/vmm/cost.ts';
import { ExitLog, type ExitStep } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import {
	collapseRuns,
	handlerSteps,
	isRun,
	stepText,
	type StepLine
} from '../../../../src/lib/widgets/exit-stepper/handler-steps.ts';
import { english } from '../../../../src/lib/widgets/exit-stepper/messages.ts';
import { realRun, record } from './fixtures.ts';

const core2 = costPreset('core2')!;
const p4 = costPreset('p4')!;

describe('handlerSteps', () => {
	for (const mode of ['trap', 'pv', 'hw'] as const)
		it(`adds up to every record's modelCycles in a ${mode} run`, () => {
			const run = realRun('syscall', mode);
			for (const r of run.exits.records) {
				const h = handlerSteps(r, run.exits.costModel);
				expect(h.total).toBe(r.modelCycles);
				expect(h.steps.length).toBe(r.steps.length);
				expect(h.roundTrip.cycles + h.steps.reduce((s, l) => s + l.cycles, 0)).toBe(h.total);
			}
		});

	it('prices an exit under another preset as the exit log would', () => {
		const run = realRun('syscall', 'hw');
		const log = new ExitLog('hw', p4, false);
		for (const r of run.exits.records.slice(0, 50))
			expect(handlerSteps(r, p4).total).toBe(log.cost(r.steps));
		const r = run.exits.records[0];
		expect(handlerSteps(r, p4).total).toBeGreaterThan(handlerSteps(r, core2).total);
	});

	it('numbers the lines from 1 after the round trip, in the handler order', () => {
		const r = record(7, {
			mode: 'hw',
			steps: [
				{ kind: 'readState', name: 'htval', value: 0x20000000 },
				{ kind: 'installEntry', table: 'G-stage', address: 0x80000000, pte: 0x2000_0001, level: 1 }
			]
		});
		const h = handlerSteps(r, core2);
		expect(english(h.roundTrip.text)).toBe('VM exit and VM entry (hardware round trip)');
		expect(h.roundTrip.cycles).toBe(core2.vmExitRoundTrip);
		expect(h.steps.map((l) => [l.number, l.kind, english(l.text), l.cycles])).toEqual([
			[1, 'readState', 'Read htval = 0x20000000', core2.stateRead],
			[
				2,
				'installEntry',
				'Install a level-1 entry in the G-stage table at 0x80000000: 0x20000001',
				core2.tableUpdate
			]
		]);
		expect(h.total).toBe(core2.vmExitRoundTrip + core2.stateRead + core2.tableUpdate);
	});

	it('writes every kind of step with all its placeholders filled', () => {
		const steps: ExitStep[] = [
			{ kind: 'readState', name: 'virtual sstatus', value: 0x100 },
			{ kind: 'writeState', name: 'virtual sepc', before: 1, after: 0x80000010 },
			{ kind: 'readGuestTable', gpa: 0x80004000, pte: 0x200010cf, level: 0 },
			{ kind: 'installEntry', table: 'shadow', address: 0x80800000, pte: 0x1, level: 0 },
			{ kind: 'installEntry', table: 'guest', address: 0x80804000, pte: 0x1, level: 0 },
			{ kind: 'dropEntries', table: 'shadow', count: 3, why: 'SFENCE.VMA' },
			{ kind: 'decode', instruction: 0x10529073 },
			{ kind: 'device', device: 'uart', offset: 0, write: true, value: 0x41 },
			{ kind: 'device', device: 'uart', offset: 5, write: false, value: 0x60 },
			{ kind: 'inject', what: 'supervisor timer interrupt' },
			{ kind: 'firmware', call: 'sbi_set_timer' },
			{ kind: 'idle', cycles: 1200 }
		];
		const lines = steps.map((s) => english(stepText(s, 0x80000000)));
		for (const l of lines) expect(l).not.toMatch(/[{}]/);
		expect(lines[6]).toBe('Decode the guest instruction 0x10529073 (csrw stvec,t0)');
		expect(lines[7]).toBe(
			'Emulate a write of 0x00000041 to the uart register at offset 0x00000000'
		);
		expect(lines[11]).toBe('Idle 1,200 cycles until the timer fires');
	});

	it('writes every step of real runs without a placeholder left', () => {
		for (const mode of ['trap', 'pv', 'hw'] as const)
			for (const r of realRun('syscall', mode).exits.records.slice(0, 400))
				for (const l of handlerSteps(r, core2).steps) expect(english(l.text)).not.toMatch(/[{}]/);
	});
});

describe('collapseRuns', () => {
	const line = (number: number, kind: StepLine['kind']): StepLine => ({
		number,
		kind,
		text: { key: 'exitStep.inject', params: { what: 'x' } },
		cycles: 10
	});

	it('groups long stretches of one kind and keeps short ones', () => {
		const lines = [
			line(1, 'firmware'),
			...Array.from({ length: 10 }, (_, i) => line(i + 2, 'readGuestTable')),
			line(12, 'writeState'),
			line(13, 'writeState')
		];
		const out = collapseRuns(lines, 8);
		expect(out.length).toBe(4);
		expect(isRun(out[0])).toBe(false);
		const run = out[1];
		if (!isRun(run)) throw new Error('expected a run');
		expect([run.kind, run.count, run.cycles, run.first.number, run.last.number]).toEqual([
			'readGuestTable',
			10,
			100,
			2,
			11
		]);
		expect(out.slice(2)).toEqual(lines.slice(11));
	});

	it('keeps the cycles: a pv pin of a whole table collapses to a few lines', () => {
		const pin = realRun('syscall', 'pv').exits.records[0];
		const h = handlerSteps(pin, core2);
		const out = collapseRuns(h.steps);
		expect(out.length).toBeLessThan(10);
		const sum = out.reduce((s, x) => s + x.cycles, 0);
		expect(sum + h.roundTrip.cycles).toBe(h.total);
	});
});
