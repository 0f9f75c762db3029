/**
 * The worker's handler, driven directly as the worker drives it. Oracles: runVm (the records a
 * sliced, streamed run delivers are exactly those of one whole run), the exit cursor (exact steps
 * back and forth over the streamed records), the cost presets (p4's VM exit costs more than
 * core2's) and structuredClone (every message must cross to the page unchanged).
 */
import { describe, expect, it } from 'vitest';
import { buildGuest } from '../../../src/lib/emulator/guests/build.ts';
import type { ExitRecord, VmMode } from '../../../src/lib/emulator/vmm/exit-trace.ts';
import { runVm } from '../../../src/lib/emulator/vmm/vm.ts';
import { slice } from '../../../src/lib/emulator/vmm/exit-series.ts';
import { ExitCursor } from '../../../src/lib/widgets/exit-stepper/cursor.ts';
import { english } from '../../../src/lib/widgets/exit-stepper/messages.ts';
import { modeBars } from '../../../src/lib/widgets/exit-stepper/tally.ts';
import {
	VmSession,
	type SessionRequest,
	type SessionResponse
} from '../../../src/lib/worker/vm-session.ts';
import { PackedExitLog } from '../../../src/lib/worker/packed-exits.ts';

type Of<T extends SessionResponse['type']> = Extract<SessionResponse, { type: T }>;

function session() {
	const messages: SessionResponse[] = [];
	// What the page receives is a structured clone: every message must be cloneable, and the clone
	// must equal what was sent. A clone differs in shape, not in values (a class instance loses its
	// methods, a getter its value), so one message of each shape is compared in full: comparing every
	// record of every progress message took two thirds of this file's time.
	const compared = new Set<string>();
	const s = new VmSession((m) => {
		const clone = structuredClone(m);
		const shape = `${m.type}:${Object.keys(m).sort().join(',')}`;
		if (!compared.has(shape)) {
			compared.add(shape);
			expect(clone).toEqual(m);
		}
		messages.push(m);
	});
	const of = <T extends SessionResponse['type']>(type: T) =>
		messages.filter((m): m is Of<T> => m.type === type);
	return { s, messages, of };
}

const start = (
	fields: Partial<Extract<SessionRequest, { type: 'start' }>> = {}
): SessionRequest => ({
	type: 'start',
	id: 1,
	workload: 'syscall',
	modes: ['trap', 'hw'],
	costPreset: 'core2',
	slice: 100_000,
	...fields
});

/** A mode's packed batches, appended as the page appends them. */
function received(progress: Of<'progress'>[], mode: VmMode): PackedExitLog {
	const log = new PackedExitLog();
	for (const p of progress) if (p.mode === mode) log.append(p.records);
	return log;
}

function streamed(progress: Of<'progress'>[], mode: VmMode): ExitRecord[] {
	return slice(received(progress, mode));
}

describe('VmSession: syscall in trap and hw', () => {
	const { s, messages, of } = session();
	const ran = s.handle(start());

	it('builds, runs each mode in slices with progress, and ends', async () => {
		await ran;
		expect(messages[0]).toMatchObject({ type: 'started', id: 1, modes: ['trap', 'hw'] });
		const started = of('started')[0];
		expect(started.cost.id).toBe('core2');
		expect(started.guests.map((g) => [g.pv, g.modes])).toEqual([[false, ['trap', 'hw']]]);
		expect(started.guests[0].files['kernel/trap.s']).toContain('trap_leave');
		for (const mode of ['trap', 'hw'] as const) {
			const p = of('progress').filter((m) => m.mode === mode);
			expect(p.length).toBeGreaterThan(3);
			for (let i = 1; i < p.length; i++) {
				expect(p[i].guestInstructions).toBeGreaterThanOrEqual(p[i - 1].guestInstructions);
				expect(p[i].spent).toBeGreaterThan(p[i - 1].spent);
			}
		}
		expect(messages.at(-1)!.type).toBe('done');
		expect(of('modeDone').map((m) => m.summary.mode)).toEqual(['trap', 'hw']);
		for (const m of of('modeDone')) {
			expect(m.summary.finished).toBe(true);
			expect(english(m.summary.message)).toBe(
				'The guest finished with exit code 0 (SBI system reset).'
			);
			expect(m.summary.output.length).toBeGreaterThan(0);
		}
	});

	it('streams records in batches: together exactly those of one whole run', async () => {
		await ran;
		for (const mode of ['trap', 'hw'] as const) {
			const records = streamed(of('progress'), mode);
			const batches = of('progress').filter((p) => p.mode === mode && p.records.starts.length > 0);
			expect(batches.length).toBeGreaterThan(1);
			const whole = runVm({
				mode,
				kernel: { image: buildGuest('syscall').image! },
				keepExits: true
			});
			if (!whole.ok) throw new Error(whole.error);
			expect(records).toEqual(whole.run.exits.records);
			const last = of('progress')
				.filter((p) => p.mode === mode)
				.at(-1)!;
			expect(last.exits).toBe(records.length);
			expect(last.guestInstructions).toBe(whole.run.guestInstructions);
			// The summary prices the page walks too: its total is the whole run's.
			const summary = of('modeDone').find((m) => m.summary.mode === mode)!.summary;
			expect(summary.tally.walk).toEqual(whole.run.walk);
			expect(summary.tally.modelCycles).toBe(whole.run.modelCycles);
		}
	});

	it('shows fewer exits for hw than for trap', async () => {
		await ran;
		const [trap, hw] = of('modeDone').map((m) => m.summary.tally);
		expect(hw.exits).toBeLessThan(trap.exits);
		expect(streamed(of('progress'), 'hw').length).toBeLessThan(
			streamed(of('progress'), 'trap').length
		);
	});

	it('steps 5 exits forward and 5 back to the same exit and state view', async () => {
		await ran;
		for (const mode of ['trap', 'hw'] as const) {
			const c = new ExitCursor(received(of('progress'), mode));
			c.jump(Math.floor(c.length / 2));
			const exit = c.current;
			const view = c.view();
			for (let i = 0; i < 5; i++) c.next();
			expect(c.position).toBe(exit!.seq + 5);
			for (let i = 0; i < 5; i++) c.previous();
			expect(c.current).toEqual(exit);
			expect(c.view()).toEqual(view);
		}
	});

	it('re-prices the stored records with p4 without running again, and the bars change', async () => {
		await ran;
		const before = of('modeDone').map((m) => m.summary.tally);
		const count = messages.length;
		await s.handle({ type: 'recost', id: 2, preset: 'p4' });
		expect(messages.length).toBe(count + 1);
		const answer = messages.at(-1) as Of<'recosted'>;
		expect(answer).toMatchObject({ type: 'recosted', id: 2, cost: { id: 'p4' } });
		const after = answer.tallies;
		expect(after.map((t) => t.exits)).toEqual(before.map((t) => t.exits));
		// p4: VM exit round trip 4,340 against core2's 2,123; the trap round trip is the same.
		expect(after[1].exitCycles).toBeGreaterThan(before[1].exitCycles);
		const [b0, b1] = [modeBars(before), modeBars(after)];
		expect(b1.bars).not.toEqual(b0.bars);
		expect(b1.bars[1].total).toBeGreaterThan(b0.bars[1].total);

		await s.handle({ type: 'recost', id: 3, preset: 'p4', overrides: { trapRoundTrip: 2000 } });
		const changed = messages.at(-1) as Of<'recosted'>;
		expect(changed.cost.id).toBe('p4+trapRoundTrip');
		expect(changed.tallies[0].exitCycles).toBeGreaterThan(after[0].exitCycles);
		expect(changed.tallies[1].exitCycles).toBe(after[1].exitCycles);

		// memoryReference prices the hardware's page walks as well as the monitor's PTE reads.
		await s.handle({ type: 'recost', id: 4, preset: 'p4', overrides: { memoryReference: 21 } });
		const dearer = (messages.at(-1) as Of<'recosted'>).tallies;
		for (const [i, t] of dearer.entries()) {
			const refs = t.walk!.references.S + t.walk!.references.VS + t.walk!.references.G;
			expect(refs).toBeGreaterThan(0);
			expect(t.walk!.cycles - after[i].walk!.cycles).toBe(refs);
			expect(t.modelCycles - t.exitCycles).toBe(after[i].modelCycles - after[i].exitCycles + refs);
		}
	});
});

describe('VmSession: stopping', () => {
	it('stops a run that does not finish at the budget, with a clear message', async () => {
		const { s, of } = session();
		await s.handle(start({ modes: ['trap'], budget: 150_000, slice: 40_000 }));
		const summary = of('modeDone')[0].summary;
		expect(summary.finished).toBe(false);
		expect(summary.outcome).toEqual({ kind: 'budget', budget: 150_000 });
		expect(english(summary.message)).toBe(
			'Stopped: the budget of 150000 guest instructions, traps and exits is spent and the guest has not finished.'
		);
		expect(of('progress').at(-1)!.spent).toBe(150_000);
		expect(of('done')).toHaveLength(1);
	});

	it('stops when the kept records reach their limit', async () => {
		const { s, of } = session();
		await s.handle(start({ modes: ['trap'], maxRecords: 1000, slice: 20_000 }));
		const summary = of('modeDone')[0].summary;
		expect(summary.outcome).toEqual({ kind: 'records', limit: 1000 });
		expect(summary.tally.exits).toBeGreaterThanOrEqual(1000);
		// Its page walks as far as it went: some misses, each walk one or two references (trap mode).
		const walk = summary.tally.walk!;
		expect(walk.misses).toBeGreaterThan(0);
		expect(walk.references.S).toBeGreaterThanOrEqual(walk.misses);
		expect(walk.references.S).toBeLessThanOrEqual(2 * walk.misses);
		expect(english(summary.message)).toMatch(/^Stopped: the run made 1000 exits/);
	});

	it('hears a cancel between slices', async () => {
		const { s, messages, of } = session();
		const running = s.handle(start({ slice: 20_000 }));
		// The handler yields after each slice: the cancel arrives then, as a worker message would.
		await new Promise((r) => setTimeout(r, 0));
		await s.handle({ type: 'cancel', id: 1 });
		await running;
		expect(messages.at(-1)).toEqual({ type: 'cancelled', id: 1 });
		expect(of('done')).toHaveLength(0);
		expect(of('progress').length).toBeLessThan(5);
		// What ran so far can still be priced.
		await s.handle({ type: 'recost', id: 9, preset: 'kvm' });
		expect(messages.at(-1)!.type).toBe('recosted');
	});

	it('lets a newer start supersede a running one', async () => {
		const { s, messages, of } = session();
		const first = s.handle(start({ id: 1, slice: 20_000 }));
		await new Promise((r) => setTimeout(r, 0));
		const second = s.handle(start({ id: 2, modes: ['hw'] }));
		await Promise.all([first, second]);
		expect(messages).toContainEqual({ type: 'cancelled', id: 1 });
		expect(of('done').map((m) => m.id)).toEqual([2]);
		expect(of('done')[0].summaries.map((x) => x.mode)).toEqual(['hw']);
	});

	it('ignores a cancel for a request that is not running', async () => {
		const { s, messages } = session();
		await s.handle({ type: 'cancel', id: 5 });
		expect(messages).toEqual([]);
	});
});

describe('VmSession: mistakes', () => {
	const one = async (request: unknown) => {
		const { s, messages } = session();
		await s.handle(request as SessionRequest);
		expect(messages).toHaveLength(1);
		const m = messages[0];
		if (m.type !== 'error') throw new Error(`expected an error, got ${m.type}`);
		return english(m.message);
	};

	it('answers each with one error line', async () => {
		expect(await one(start({ workload: 'nope' as never }))).toMatch(/^Unknown workload “nope”/);
		expect(await one(start({ costPreset: 'p5' }))).toMatch(/^Unknown cost preset “p5”/);
		expect(await one(start({ costOverrides: { decode: -3 } }))).toBe(
			'The cost constant decode must be a number of cycles from 0 up.'
		);
		expect(await one(start({ modes: [] }))).toMatch(/^Choose one to four/);
		expect(await one(start({ modes: ['hw', 'hw'] }))).toMatch(/^Choose one to four/);
		expect(await one(start({ modes: ['vt-x' as never] }))).toMatch(/^Choose one to four/);
		expect(await one(start({ budget: 0 }))).toMatch(/^The budget must be/);
		expect(await one(start({ budget: 1.5 }))).toMatch(/^The budget must be/);
		expect(await one(start({ shadowSync: 'lazy' as never }))).toBe(
			'Unknown shadow page table synchronisation “lazy”; choose one of write-protect, unsync, flood.'
		);
		expect(await one({ type: 'recost', id: 1, preset: 'p4' })).toBe(
			'There is no run to re-price yet.'
		);
		expect(await one({ type: 'recost', id: 1, preset: 'x' })).toMatch(/^Unknown cost preset/);
		expect(await one({ type: 'launch', id: 4 })).toBe(
			'The worker does not understand the request “launch”.'
		);
	});
});

describe('VmSession: pv', () => {
	it('runs pv on the paravirtual build and sends both builds’ sources', async () => {
		const { s, of } = session();
		await s.handle(start({ modes: ['native', 'pv'], slice: 500_000 }));
		expect(of('started')[0].guests.map((g) => [g.pv, g.modes])).toEqual([
			[false, ['native']],
			[true, ['pv']]
		]);
		const [native, pv] = of('modeDone').map((m) => m.summary);
		expect(native.finished && pv.finished).toBe(true);
		expect(pv.output).toBe(native.output);
		expect(native.tally.exits).toBe(0);
		expect(native.tally.firmwareCalls).toBeGreaterThan(0);
	});
});

describe('VmSession: the two switches', () => {
	it('nonVirtualizable: trap mode no longer traps the sepc read and the guest goes wrong', async () => {
		const plain = session();
		// A short workload: 40 write() calls; the first system call already goes wrong.
		const workload = 'console';
		await plain.s.handle(start({ workload, modes: ['trap'], slice: 500_000 }));
		const broken = session();
		await broken.s.handle(
			start({ workload, modes: ['trap'], slice: 500_000, nonVirtualizable: true })
		);
		const ok = plain.of('modeDone')[0].summary;
		const bad = broken.of('modeDone')[0].summary;
		expect(english(ok.message)).toContain('exit code 0');
		// The kernel returns to the wrong place after its first system call: the process dies.
		expect(english(bad.message)).toContain('exit code 1');
		expect(bad.output).toContain('killed');
		expect(bad.tally.exits).toBeLessThan(ok.tally.exits);
	});

	it('batching: the pv kernel without it makes one hypercall per page-table update', async () => {
		const hypercalls = async (batching?: boolean) => {
			const { s, of } = session();
			await s.handle(start({ workload: 'ptemod', modes: ['pv'], slice: 500_000, batching }));
			const summary = of('modeDone')[0].summary;
			expect(summary.finished).toBe(true);
			return summary.tally.rows.find((r) => r.reason === 'hypercall')!.count;
		};
		const batched = await hypercalls(undefined);
		expect(await hypercalls(true)).toBe(batched);
		expect(await hypercalls(false)).toBeGreaterThan(2 * batched);
	});
});

describe('VmSession: shadow synchronisation', () => {
	it('shadowSync re-runs trap mode with other exits and the same output; other modes are unchanged', async () => {
		const summaries = async (shadowSync?: 'write-protect' | 'unsync') => {
			const { s, of } = session();
			await s.handle(
				start({ workload: 'ptemod', modes: ['trap', 'hw'], slice: 500_000, shadowSync })
			);
			return of('modeDone').map((m) => m.summary);
		};
		const count = (t: { rows: { reason: string; count: number }[] }, reason: string) =>
			t.rows.find((r) => r.reason === reason)?.count ?? 0;
		const [wpTrap, wpHw] = await summaries('write-protect');
		const [unsyncTrap, unsyncHw] = await summaries('unsync');
		expect(unsyncTrap.finished && wpTrap.finished).toBe(true);
		expect(unsyncTrap.output).toBe(wpTrap.output);
		expect(count(unsyncTrap.tally, 'pageTableWrite')).toBeLessThan(
			count(wpTrap.tally, 'pageTableWrite') / 50
		);
		expect(unsyncHw.tally.rows).toEqual(wpHw.tally.rows);
	});
});
