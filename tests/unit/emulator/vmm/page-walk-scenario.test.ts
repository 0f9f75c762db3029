/**
 * The page-walk scenario: the course's guest in native, trap and hw mode, one user access followed
 * through each. The three agree with one another where the architecture says they must (the same
 * guest table, the same guest physical page), every walk is the hart's own (its trace), and the
 * trap-mode fill is the monitor's real exit record.
 */
import { describe, expect, it } from 'vitest';
import {
	pageWalkScenario,
	type ModeWalks,
	type ScenarioEvent
} from '$lib/emulator/vmm/page-walk-scenario.ts';
import { twoDimensionalWalk } from '$lib/emulator/mmu/two-dimensional-walk.ts';
import type { NumberedWalk } from '$lib/emulator/mmu/numbered-walk.ts';
import { MONITOR_SIZE } from '$lib/emulator/vmm/guest-memory.ts';

type WalkEvent = Extract<ScenarioEvent, { kind: 'walk' }>;
const walks = (m: ModeWalks) => m.events.filter((e): e is WalkEvent => e.kind === 'walk');
const lastWalk = (m: ModeWalks): NumberedWalk => walks(m).at(-1)!.walk;
const cells = (w: NumberedWalk) => w.references.map((r) => [r.row, r.column]);
const modelCells = (n: number, m: number) =>
	twoDimensionalWalk(n, m).references.map((r) => [r.row, r.column]);

describe('pageWalkScenario', () => {
	const scenario = pageWalkScenario();
	if (!scenario.ok) throw new Error(scenario.error);
	const [native, trap, hw] = scenario.modes;

	it('follows the first user data access in native, trap and hw mode to the same guest progress', () => {
		expect(scenario.modes.map((m) => [m.mode, m.found])).toEqual([
			['native', true],
			['trap', true],
			['hw', true]
		]);
		expect(scenario.access === 'load' || scenario.access === 'store').toBe(true);
		expect(trap.guestInstructions).toBe(native.guestInstructions);
		expect(hw.guestInstructions).toBe(native.guestInstructions);
		// Every walk shown is the walk the hart made, read for read.
		for (const mode of scenario.modes)
			for (const w of walks(mode)) expect(w.traceAgrees, `${mode.mode} walk`).toBe(true);
		// It is plain data, for a worker to post.
		expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
	});

	it('natively: the guest’s own table, 2 references, after the kernel’s demand fault', () => {
		const [fault] = walks(native);
		expect(fault.walk.outcome.ok).toBe(false); // pagetouch's heap page is not mapped yet
		const w = lastWalk(native);
		expect(w).toMatchObject({ guestLevels: 2, hostLevels: 0, outcome: { ok: true } });
		expect(w.references.map((r) => r.stage)).toEqual(['S', 'S', null]);
		expect(cells(w)).toEqual(modelCells(2, 0));
		expect(native.events.some((e) => e.kind === 'exit')).toBe(false);
	});

	it('in trap mode: the hidden page fault reads the guest’s table, fills the shadow, and the walk then hits it', () => {
		const exits = trap.events.filter((e) => e.kind === 'exit').map((e) => e.exit);
		const fill = exits.find((e) => e.reason === 'hiddenPageFault')!;
		expect(fill).toBeDefined();
		// The monitor reads exactly the guest PTEs the native hardware read.
		const nativeReads = lastWalk(native)
			.references.filter((r) => r.kind === 'guest')
			.map((r) => ({ gpa: r.address, pte: r.pte!.raw, level: r.level }));
		expect(fill.steps.filter((s) => s.kind === 'readGuestTable')).toEqual(
			nativeReads.map((r) => ({ kind: 'readGuestTable', ...r }))
		);
		// First the guest's own fault, reflected; then its kernel's store to the write-protected
		// root table, emulated: the root entry the native walk then reads.
		expect(exits.map((e) => e.reason)).toEqual(['guestTrap', 'pageTableWrite', 'hiddenPageFault']);
		const rootEntry = lastWalk(native).references[0];
		expect(exits[1].steps).toContainEqual(
			expect.objectContaining({ kind: 'writeState', before: 0, after: rootEntry.pte!.raw })
		);
		const installed = fill.steps.filter((s) => s.kind === 'installEntry');
		expect(installed.at(-1)).toMatchObject({ table: 'shadow', level: 0 });
		// Before the fill the shadow walk misses; after it, it reads the entry the fill installed.
		const fillAt = trap.events.findIndex((e) => e.kind === 'exit' && e.exit === fill);
		const before = trap.events.slice(0, fillAt).filter((e): e is WalkEvent => e.kind === 'walk');
		expect(before.length).toBeGreaterThan(0);
		expect(before.every((w) => !w.walk.outcome.ok)).toBe(true);
		const w = lastWalk(trap);
		expect(w.references.map((r) => r.stage)).toEqual(['S', 'S', null]);
		expect(w.references[1].pte!.raw).toBe(
			installed.at(-1)!.kind === 'installEntry' && installed.at(-1)!.pte
		);
		// The shadow maps straight to the host frame that backs the guest's page.
		const nativePa = (lastWalk(native).outcome as { pa: number }).pa;
		expect(w.outcome).toMatchObject({ ok: true, pa: nativePa + MONITOR_SIZE });
	});

	it('in hw mode: the full two-dimensional walk, 8 references and the data, in the model’s order', () => {
		const w = lastWalk(hw);
		expect(w).toMatchObject({ guestLevels: 2, hostLevels: 2, virt: true });
		expect(w.references.length).toBe(9);
		expect(cells(w)).toEqual(modelCells(2, 2));
		// Its VS-stage reads are the guest's table, as natively; the GPA is the native address.
		const vs = w.references.filter((r) => r.stage === 'VS').map((r) => [r.address, r.pte!.raw]);
		const s = lastWalk(native).references.filter((r) => r.stage === 'S');
		expect(vs).toEqual(s.map((r) => [r.address, r.pte!.raw]));
		const nativePa = (lastWalk(native).outcome as { pa: number }).pa;
		expect(w.outcome).toMatchObject({ ok: true, gpa: nativePa, pa: nativePa + MONITOR_SIZE });
	});

	it('follows a given address: the page of the second heap page pagetouch touches', () => {
		const given = pageWalkScenario({ workload: 'pagetouch', va: scenario.va + 0x1010 });
		if (!given.ok) throw new Error(given.error);
		expect(given.va).toBe(scenario.va + 0x1010);
		for (const mode of given.modes) {
			expect(mode.found).toBe(true);
			expect(lastWalk(mode).va >>> 12).toBe((scenario.va + 0x1000) >>> 12);
		}
	});

	it('follows the kernel too: its megapage is 1 reference natively, 4 KiB shadow entries in trap mode', () => {
		const kernel = pageWalkScenario({ workload: 'syscall', by: 'kernel' });
		if (!kernel.ok) throw new Error(kernel.error);
		const [n, t, h] = kernel.modes.map(lastWalk);
		expect(n.references.map((r) => [r.stage, r.level, r.pte?.kind])).toEqual([
			['S', 1, 'leaf'],
			[null, null, undefined]
		]);
		expect(n.outcome).toMatchObject({ ok: true, pageSize: 4 << 20 });
		// The monitor splits the guest's megapage: its shadow walk goes down to a 4 KiB leaf.
		expect(t.references.map((r) => [r.stage, r.level, r.pte?.kind])).toEqual([
			['S', 1, 'pointer'],
			['S', 0, 'leaf'],
			[null, null, undefined]
		]);
		expect(t.outcome).toMatchObject({ ok: true, pageSize: 4096 });
		// Two-stage: the guest's megapage leaves out the guest's level-0 row of the grid.
		expect(cells(h)).toEqual(modelCells(2, 2).filter(([row]) => row !== 1));
		for (const mode of kernel.modes) for (const w of walks(mode)) expect(w.traceAgrees).toBe(true);
	});

	it('says so when the access does not happen within the budget, and refuses bad input', () => {
		// A given address no mode saw accessed: nothing to show, and the address named (the CLI
		// printed "a undefined by a user process" before).
		expect(pageWalkScenario({ va: scenario.va, maxInsns: 1000 })).toEqual({
			ok: false,
			error:
				'no user process made a data access to the page of 0x00800000 with paging on within 1000 instructions'
		});
		expect(pageWalkScenario({ maxInsns: 1000 })).toMatchObject({
			ok: false,
			error: expect.stringMatching(/no user process made a data access with paging on within 1000/)
		});
		expect(pageWalkScenario({ va: 2 ** 32 })).toMatchObject({ ok: false });
		expect(pageWalkScenario({ maxInsns: 0 })).toMatchObject({ ok: false });
		expect(pageWalkScenario({ by: 'guest' as never })).toMatchObject({ ok: false });
	});
});
