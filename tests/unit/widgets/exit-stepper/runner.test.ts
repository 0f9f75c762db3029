/**
 * The stepper's controller, without a browser: where there is no Worker (here, Node) it runs the
 * session on the main thread in slices. Oracles: the session's own counts (a trap run of `syscall`
 * makes more exits than hw), the cost presets, and a fake worker for answers that arrive late.
 */
import { describe, expect, it } from 'vitest';
import { slice } from '../../../../src/lib/emulator/vmm/exit-series.ts';
import type { SessionResponse } from '../../../../src/lib/worker/vm-session.ts';
import {
	StepperRunner,
	WORKER_SLICE
} from '../../../../src/lib/widgets/exit-stepper/runner.svelte.ts';

async function until(condition: () => boolean, ms = 60_000): Promise<void> {
	const end = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe('StepperRunner on the main thread', () => {
	const runner = new StepperRunner();

	it('runs both modes, filling each cursor with its exits, and tallies them', async () => {
		runner.start({ workload: 'syscall', modes: ['trap', 'hw'], costPreset: 'core2' });
		expect(runner.status).toBe('running');
		await until(() => runner.status === 'done');
		const [trap, hw] = runner.runs;
		expect(trap.records.length).toBe(trap.exits);
		expect(trap.cursor.length).toBe(trap.records.length);
		expect(hw.records.length).toBeLessThan(trap.records.length);
		// The reasons are kept as the records arrive: the same as counting them afterwards.
		expect(trap.reasons).toEqual(new Set(slice(trap.records).map((r) => r.reason)));
		expect(runner.tallies.map((t) => [t.mode, t.exits])).toEqual([
			['trap', trap.exits],
			['hw', hw.exits]
		]);
		expect(trap.summary?.finished).toBe(true);
		expect(runner.guests[0].files['kernel/trap.s']).toBeTruthy();
	});

	it('re-prices under another preset without running again', async () => {
		const before = runner.tallies;
		const records = runner.runs[0].records.length;
		runner.recost('p4');
		await until(() => runner.cost?.id === 'p4');
		expect(runner.runs[0].records.length).toBe(records);
		expect(runner.tallies[1].exitCycles).not.toBe(before[1].exitCycles);
		expect(runner.tallies[1].exits).toBe(before[1].exits);
	});

	it('re-prices with one constant changed: only the exits that pay it cost more', async () => {
		const before = runner.tallies;
		runner.recost('p4', { vmExitRoundTrip: 100_000 });
		await until(() => runner.cost?.id === 'p4+vmExitRoundTrip');
		expect(runner.cost?.vmExitRoundTrip).toBe(100_000);
		// hw exits are hardware VM exits: dearer; trap mode's exits are traps: unchanged.
		expect(runner.tallies[1].exitCycles).toBeGreaterThan(before[1].exitCycles);
		expect(runner.tallies[0].exitCycles).toBe(before[0].exitCycles);
	});

	it('lets a newer experiment replace a running one', async () => {
		runner.start({ workload: 'syscall', modes: ['trap'], costPreset: 'core2' });
		runner.start({ workload: 'compute', modes: ['hw'], costPreset: 'kvm' });
		await until(() => runner.status === 'done');
		expect(runner.runs.map((r) => r.mode)).toEqual(['hw']);
		expect(runner.cost?.id).toBe('kvm');
	});
});

describe('StepperRunner with a worker', () => {
	it('sends start, recost and cancel, and drops answers to an older request', () => {
		const sent: unknown[] = [];
		const fake = { postMessage: (m: unknown) => sent.push(m), terminate() {} } as unknown as Worker;
		const runner = new StepperRunner(() => fake);
		// Node has no Worker global: make the runner believe it has one.
		(globalThis as { Worker?: unknown }).Worker ??= function () {};
		try {
			runner.start({ workload: 'syscall', modes: ['trap'], costPreset: 'core2' });
			runner.start({
				workload: 'syscall',
				modes: ['hw'],
				costPreset: 'core2',
				shadowSync: 'unsync'
			});
			expect(sent).toMatchObject([
				{ type: 'start', id: 1, modes: ['trap'], slice: WORKER_SLICE },
				{ type: 'cancel', id: 1 },
				{ type: 'start', id: 2, modes: ['hw'], shadowSync: 'unsync' }
			]);
			const late: SessionResponse = { type: 'done', id: 1, summaries: [] };
			fake.onmessage!({ data: late } as MessageEvent);
			expect(runner.status).toBe('running');
			fake.onmessage!({ data: { type: 'done', id: 2, summaries: [] } } as MessageEvent);
			expect(runner.status).toBe('done');
			runner.recost('p4');
			expect(sent.at(-1)).toEqual({ type: 'recost', id: 2, preset: 'p4', overrides: {} });
		} finally {
			delete (globalThis as { Worker?: unknown }).Worker;
		}
	});
});
