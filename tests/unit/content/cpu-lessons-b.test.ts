/**
 * Lessons 04 (paravirtualization) and 05 (hardware assist) state what the course's machine does:
 * exit counts, hypercalls, model cycles per preset, lines of the kernel. This test runs the machine
 * and checks every one of those numbers against both languages of each lesson, so that a change to
 * the kernel, the monitor or the cost model that makes a lesson untrue fails here, with the number
 * to write instead.
 *
 * Two kinds of check: a cell `name = 123` must hold the measured value, and a number quoted in the
 * prose (grouped as "9,850") must appear in both files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGuest, type WorkloadName } from '../../../src/lib/emulator/guests/build.ts';
import { kernelLinesByBuild } from '../../../src/lib/emulator/guests/pv-lines.ts';
import { costPreset } from '../../../src/lib/emulator/vmm/cost.ts';
import type { VmMode } from '../../../src/lib/emulator/vmm/exit-trace.ts';
import { runVm, type VmRun } from '../../../src/lib/emulator/vmm/vm.ts';

interface RunSpec {
	workload: WorkloadName;
	mode: VmMode;
	preset?: 'p4' | 'core2' | 'kvm';
	batching?: boolean;
	scale?: number;
}

/** The run as the exit stepper makes it: the course's kernel, 128 MiB, the preset's costs. */
function run(spec: RunSpec): VmRun {
	const built = buildGuest(spec.workload, {
		pv: spec.mode === 'pv',
		batching: spec.batching,
		scale: spec.scale
	});
	expect(built.diagnostics).toEqual([]);
	const result = runVm({
		mode: spec.mode,
		kernel: { image: built.image! },
		cost: costPreset(spec.preset ?? 'core2')
	});
	if (!result.ok) throw new Error(result.error);
	expect(result.run.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
	return result.run;
}

const count = (r: VmRun, reason: string) => r.exits.byReason.get(reason as never)?.count ?? 0;
const grouped = (n: number) => n.toLocaleString('en-US');

/** The lesson's English and Chinese text. */
function lessonTexts(file: string): { lang: string; text: string }[] {
	return ['.md', '.zh.md'].map((ext) => ({
		lang: ext === '.md' ? 'en' : 'zh',
		text: readFileSync(join(process.cwd(), 'content/lessons', file + ext), 'utf8')
	}));
}

/** `name = 123` lines of the lesson's math cells whose right side is a plain number. */
function cellNumbers(text: string): Map<string, number> {
	const numbers = new Map<string, number>();
	for (const block of text.matchAll(/```math\n([\s\S]*?)```/g))
		for (const line of block[1].split('\n')) {
			const m = /^\s*(\w+)\s*=\s*(-?[\d.]+)\s*$/.exec(line);
			if (m) numbers.set(m[1], Number(m[2]));
		}
	return numbers;
}

/**
 * Every cell in `cells` holds the measured value, and every prose figure (a number, grouped, or a
 * rounded percentage as the lesson writes it, "45&nbsp;%") appears, in both files.
 */
function checkLesson(
	file: string,
	cells: Record<string, number>,
	prose: number[],
	percents: number[] = []
): void {
	for (const { lang, text } of lessonTexts(file)) {
		const numbers = cellNumbers(text);
		for (const [name, value] of Object.entries(cells))
			expect(numbers.get(name), `${file} (${lang}): cell ${name}`).toBe(value);
		for (const value of prose)
			expect(text.includes(grouped(value)), `${file} (${lang}) quotes ${grouped(value)}`).toBe(
				true
			);
		for (const p of percents)
			expect(text.includes(`${p}&nbsp;%`), `${file} (${lang}) quotes ${p} %`).toBe(true);
	}
}

const GETPIDS = 5000; // workloads/syscall.s
const PTEMOD_ROUNDS = 500; // workloads/ptemod.s

describe('lesson 04: paravirtualization', () => {
	const syscallTrap = run({ workload: 'syscall', mode: 'trap' });
	const syscallPv = run({ workload: 'syscall', mode: 'pv' });
	const ptemodTrap = run({ workload: 'ptemod', mode: 'trap' });
	const ptemodPv = run({ workload: 'ptemod', mode: 'pv' });
	const ptemodUnbatched = run({ workload: 'ptemod', mode: 'pv', batching: false });
	const ptemodNative = run({ workload: 'ptemod', mode: 'native' });
	/** Exits of one more round: the run with twice the rounds, less the run, per round. */
	const perRound = (batching: boolean, once: VmRun) =>
		Math.round(
			(run({ workload: 'ptemod', mode: 'pv', batching, scale: 2 }).exits.count - once.exits.count) /
				PTEMOD_ROUNDS
		);
	const lines = kernelLinesByBuild();
	const hypercalls = (r: VmRun) => count(r, 'hypercall');

	it('a getpid costs 7 exits under trap-and-emulate and 2 under paravirtualization', () => {
		expect(Math.round(syscallTrap.exits.count / GETPIDS)).toBe(7);
		expect(Math.round(syscallPv.exits.count / GETPIDS)).toBe(2);
		checkLesson(
			'04-paravirtualization',
			{
				getpids: GETPIDS,
				exitsSyscallTrap: syscallTrap.exits.count,
				exitsSyscallPv: syscallPv.exits.count
			},
			[]
		);
	});

	it('ptemod: 6 exits a round with batching, 8 without, and the run totals the lesson quotes', () => {
		const batchedRound = perRound(true, ptemodPv);
		const unbatchedRound = perRound(false, ptemodUnbatched);
		expect([batchedRound, unbatchedRound]).toEqual([6, 8]);
		expect(new TextDecoder().decode(ptemodUnbatched.output)).toBe(
			new TextDecoder().decode(ptemodPv.output)
		);
		const extra = hypercalls(ptemodUnbatched) - hypercalls(ptemodPv);
		checkLesson(
			'04-paravirtualization',
			{
				exitsPerRoundPv: batchedRound,
				exitsPerRoundUnbatched: unbatchedRound,
				exitsPtemodTrap: ptemodTrap.exits.count,
				exitsPtemodPv: ptemodPv.exits.count,
				exitsPtemodUnbatched: ptemodUnbatched.exits.count,
				hypercallsPtemodPv: hypercalls(ptemodPv),
				hypercallsPtemodUnbatched: hypercalls(ptemodUnbatched),
				cyclesPtemodTrap: ptemodTrap.modelCycles,
				cyclesPtemodPv: ptemodPv.modelCycles,
				cyclesPtemodUnbatched: ptemodUnbatched.modelCycles
			},
			[ptemodTrap.exits.count, ptemodPv.exits.count, ptemodUnbatched.exits.count, extra]
		);
		// "about 1,000 of the 3,051 extra hypercalls" are the flushes, "the other 2,000 or so" the boot.
		expect(count(ptemodUnbatched, 'hypercall') - count(ptemodPv, 'hypercall')).toBe(extra);
		expect(extra - 2 * PTEMOD_ROUNDS).toBeGreaterThan(2000);
		expect(extra - 2 * PTEMOD_ROUNDS).toBeLessThan(2100);
		// "about 46 % more model cycles … and still fewer than trap-and-emulate"
		const costlier = Math.round((ptemodUnbatched.modelCycles / ptemodPv.modelCycles - 1) * 100);
		expect(costlier).toBe(46);
		checkLesson('04-paravirtualization', {}, [], [costlier]);
		expect(ptemodUnbatched.modelCycles).toBeLessThan(ptemodTrap.modelCycles);
		// "about three times as many exits" under trap-and-emulate
		expect(Math.round(ptemodTrap.exits.count / ptemodPv.exits.count)).toBe(3);
	});

	it('the price: the lines only the PV build assembles, and the extra instructions', () => {
		const extraPercent = (ptemodPv.guestInstructions / ptemodNative.guestInstructions - 1) * 100;
		expect(Math.round(extraPercent / 5) * 5).toBe(20); // "about a fifth more instructions"
		const total = lines.shared + lines.pvOnly;
		const changed = Math.round((lines.pvOnly / total) * 100);
		expect(changed).toBe(29);
		checkLesson('04-paravirtualization', {}, [], [changed]);
		checkLesson(
			'04-paravirtualization',
			{
				linesShared: lines.shared,
				linesPvOnly: lines.pvOnly,
				linesNativeOnly: lines.nativeOnly,
				guestInstructionsNative: ptemodNative.guestInstructions,
				guestInstructionsPv: ptemodPv.guestInstructions
			},
			[lines.pvOnly, lines.nativeOnly, total]
		);
	});
});

describe('lesson 05: hardware assist', () => {
	const syscallTrap = run({ workload: 'syscall', mode: 'trap' });
	const syscallHw = run({ workload: 'syscall', mode: 'hw' });
	const spawn = {
		trapP4: run({ workload: 'spawn', mode: 'trap', preset: 'p4' }),
		hwP4: run({ workload: 'spawn', mode: 'hw', preset: 'p4' }),
		trapKvm: run({ workload: 'spawn', mode: 'trap', preset: 'kvm' }),
		hwKvm: run({ workload: 'spawn', mode: 'hw', preset: 'kvm' })
	};
	const p4 = costPreset('p4')!;
	const core2 = costPreset('core2')!;
	const kvm = costPreset('kvm')!;

	it('a getpid costs no exit under hardware assist; the run makes 234 exits, two per console byte', () => {
		expect(Math.round(syscallHw.exits.count / GETPIDS)).toBe(0);
		expect(count(syscallHw, 'mmio')).toBe(2 * syscallHw.output.length);
		expect(count(syscallHw, 'timer')).toBe(2); // "two timer interrupts"
		checkLesson(
			'05-hardware-assist',
			{
				getpids: GETPIDS,
				exitsSyscallTrap: syscallTrap.exits.count,
				exitsSyscallHw: syscallHw.exits.count
			},
			[syscallTrap.exits.count, syscallHw.exits.count]
		);
	});

	it('the round trips of the presets are the ones the lesson quotes', () => {
		expect(p4.vmExitRoundTrip).toBe(1931 + 2409);
		expect(core2.vmExitRoundTrip).toBe(1186 + 937);
		for (const preset of [p4, core2, kvm]) expect(preset.trapRoundTrip).toBe(889);
		checkLesson(
			'05-hardware-assist',
			{
				roundTripHwP4: p4.vmExitRoundTrip,
				roundTripHwKvm: kvm.vmExitRoundTrip,
				roundTripTrap: p4.trapRoundTrip
			},
			[p4.vmExitRoundTrip, core2.vmExitRoundTrip, kvm.vmExitRoundTrip]
		);
	});

	it('spawn: hardware assist loses on the Pentium 4 preset and wins on the kvm preset', () => {
		const { trapP4, hwP4, trapKvm, hwKvm } = spawn;
		expect(hwKvm.exits.count).toBe(hwP4.exits.count);
		expect(hwP4.guestInstructions).toBe(trapP4.guestInstructions);
		// "removed more than two thirds of the exits, and still lost, by about 11 %"
		expect(hwP4.exits.count / trapP4.exits.count).toBeLessThan(1 / 3);
		const slower = Math.round((hwP4.modelCycles / trapP4.modelCycles - 1) * 100);
		expect(slower).toBe(11);
		// "The page walks do not decide it: … more entries per miss, but it misses less often here,
		// and its walks cost fewer model cycles than trap-and-emulate's."
		expect(hwP4.walk.perMiss!).toBeGreaterThan(trapP4.walk.perMiss!);
		expect(hwP4.walk.misses).toBeLessThan(trapP4.walk.misses);
		expect(hwP4.walk.cycles).toBeLessThan(trapP4.walk.cycles);
		// "about 28 % fewer model cycles"
		const faster = Math.round((1 - hwKvm.modelCycles / trapKvm.modelCycles) * 100);
		expect(faster).toBe(28);
		checkLesson('05-hardware-assist', {}, [], [slower, faster]);
		// the console report: 107 bytes, 214 UART accesses in both modes
		expect(count(hwP4, 'mmio')).toBe(2 * hwP4.output.length);
		expect(count(trapP4, 'mmio')).toBe(count(hwP4, 'mmio'));
		// "breakEvenRoundTrip … about 3,600 model cycles": a run's cycles grow by its exit count for
		// each cycle added to the round trip (the page walks do not depend on it), so this is where
		// the two lines cross.
		const breakEven =
			p4.vmExitRoundTrip - (hwP4.modelCycles - trapP4.modelCycles) / hwP4.exits.count;
		expect(Math.round(breakEven / 50) * 50).toBe(3600);
		const atBreakEven = runVm({
			mode: 'hw',
			kernel: { image: buildGuest('spawn').image! },
			cost: { ...p4, vmExitRoundTrip: Math.round(breakEven) }
		});
		if (!atBreakEven.ok) throw new Error(atBreakEven.error);
		expect(atBreakEven.run.modelCycles / trapP4.modelCycles).toBeCloseTo(1, 3);
		expect(breakEven).toBeGreaterThan(core2.vmExitRoundTrip);
		checkLesson(
			'05-hardware-assist',
			{
				exitsSpawnTrap: trapP4.exits.count,
				exitsSpawnHw: hwP4.exits.count,
				guestInstructionsSpawn: hwP4.guestInstructions,
				cyclesSpawnTrapP4: trapP4.modelCycles,
				cyclesSpawnHwP4: hwP4.modelCycles,
				cyclesSpawnTrapKvm: trapKvm.modelCycles,
				cyclesSpawnHwKvm: hwKvm.modelCycles
			},
			[trapP4.exits.count, hwP4.exits.count, count(hwP4, 'mmio'), hwP4.output.length, 3600]
		);
	});
});
