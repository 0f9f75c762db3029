/**
 * A run's summary (report.ts): exit rows in the layout of `perf kvm stat report` and the object
 * `virtlab vm --json` prints.
 */
import { describe, expect, it } from 'vitest';
import { describeOutcome, exitRows, runJson } from '../../../../src/lib/emulator/vmm/report.ts';
import { ExitLog, type ExitStep } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { costPreset } from '../../../../src/lib/emulator/vmm/cost.ts';
import { EXIT_REASONS, type ExitReason } from '../../../../src/lib/emulator/vmm/exit-reasons.ts';
import { runVm, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

const core2 = costPreset('core2')!;

function logWith(exits: [ExitReason, ExitStep[]][], mode: 'trap' | 'hw' = 'trap'): ExitLog {
	const log = new ExitLog(mode, core2, false);
	for (const [reason, steps] of exits)
		log.add({
			seq: 0,
			mode,
			modelCycles: 0,
			reason,
			cause: 0,
			interrupt: false,
			guestPc: 0,
			instruction: 0,
			guestInstructions: 0,
			steps,
			changes: []
		});
	return log;
}

function fakeRun(log: ExitLog, over: Partial<VmRun> = {}): VmRun {
	return {
		mode: log.mode,
		outcome: { kind: 'exit', exitCode: 0, how: 'test finisher' },
		output: new TextEncoder().encode('hi\n'),
		guestInstructions: 1000,
		exits: log,
		walk: { misses: 0, references: { S: 0, VS: 0, G: 0 }, perMiss: null, cycles: 0 },
		modelCycles: 1000 + log.modelCycles,
		seconds: 0.5,
		...over
	};
}

const decode: ExitStep = { kind: 'decode', instruction: 0 };
const device: ExitStep = { kind: 'device', device: 'uart', offset: 0, write: true, value: 0 };

describe('exitRows', () => {
	it('sorts by count, most frequent first, ties by reason name', () => {
		const log = logWith([
			['sbi', []],
			['mmio', []],
			['wfi', []],
			['mmio', []],
			['csrAccess', []],
			['sbi', []],
			['sret', []],
			['mmio', []]
		]);
		expect(exitRows(fakeRun(log)).map((r) => [r.reason, r.count])).toEqual([
			['mmio', 3],
			['sbi', 2],
			['csrAccess', 1],
			['sret', 1],
			['wfi', 1]
		]);
	});

	it('gives shares of all exits and of all exit time that each sum to 1', () => {
		const log = logWith([
			['mmio', [decode, device]],
			['mmio', [decode]],
			['sbi', []],
			['timer', [{ kind: 'inject', what: 'x' }]]
		]);
		const rows = exitRows(fakeRun(log));
		expect(rows.find((r) => r.reason === 'mmio')!.share).toBe(0.5);
		expect(rows.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 12);
		expect(rows.reduce((a, r) => a + r.timeShare, 0)).toBeCloseTo(1, 12);
		const mmio = rows.find((r) => r.reason === 'mmio')!;
		const rt = core2.trapRoundTrip;
		expect(mmio.modelCycles).toEqual({
			min: rt + core2.decode,
			max: rt + core2.decode + core2.deviceAccess,
			avg: rt + core2.decode + core2.deviceAccess / 2,
			total: 2 * (rt + core2.decode) + core2.deviceAccess
		});
		expect(mmio.timeShare).toBeCloseTo(mmio.modelCycles.total / log.modelCycles, 12);
	});

	it('names each reason with its RISC-V event and its x86 analogue', () => {
		const rows = exitRows(fakeRun(logWith([['guestPageFault', []]], 'hw')));
		expect(rows[0]).toMatchObject({
			riscv: EXIT_REASONS.guestPageFault.riscv,
			x86: 'EPT violation'
		});
	});

	it('is empty for a run without exits', () => {
		expect(exitRows(fakeRun(new ExitLog('native', core2, false)))).toEqual([]);
	});
});

describe('describeOutcome', () => {
	it('says how the run ended in one line', () => {
		const log = new ExitLog('trap', core2, false);
		const lines = [
			describeOutcome(
				fakeRun(log, { outcome: { kind: 'exit', exitCode: 3, how: 'SBI system reset' } })
			),
			describeOutcome(fakeRun(log, { outcome: { kind: 'budget', budget: 1234 } })),
			describeOutcome(fakeRun(log, { outcome: { kind: 'error', message: 'trap loop: …' } }))
		];
		expect(lines[0]).toMatch(/exit 3/);
		expect(lines[0]).toMatch(/SBI system reset/);
		expect(lines[1]).toMatch(/1234/);
		expect(lines[2]).toMatch(/trap loop/);
		for (const l of lines) expect(l).not.toMatch(/\n/);
	});
});

describe('runJson', () => {
	const image = assemble(`
	.option norvc
	.text
	.globl _start
_start:
	li t0, 0x10000000
	li t1, 'A'
	sb t1, 0(t0)
	li a0, 'B'
	li a7, 1
	ecall
	li a7, 0x53525354
	li a6, 0
	li a0, 0
	li a1, 0
	ecall
`).image!;

	it('has every field of `virtlab vm --json`, consistent with the run', () => {
		let t = 0;
		const now = () => (t += 2); // 2 ms between the start and the end of the run
		const result = runVm({ mode: 'hw', kernel: { image }, maxInsns: 10_000, clock: now });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const run = result.run;
		const json = runJson(run, { workload: 'demo' });
		expect(json).toMatchObject({
			mode: 'hw',
			workload: 'demo',
			exitCode: 0,
			stop: 'exit',
			output: 'AB',
			instructions: run.guestInstructions,
			exits: run.exits.count,
			firmwareCalls: 0,
			modelCycles: run.modelCycles,
			costPreset: 'core2',
			seconds: 0.002
		});
		expect(json).not.toHaveProperty('error');
		expect(json.mips).toBe(Number((run.guestInstructions / 0.002 / 1e6).toFixed(2)));
		expect(Object.keys(json.exitsByReason).sort()).toEqual(['guestPageFault', 'mmio', 'sbi']);
		expect(json.exitsByReason.sbi.count).toBe(2);
		expect(json.exitsByReason.mmio.count).toBe(1);
		for (const r of Object.values(json.exitsByReason)) {
			expect(Object.keys(r.modelCycles).sort()).toEqual(['avg', 'max', 'min', 'total']);
			expect(r.modelCycles.min).toBeLessThanOrEqual(r.modelCycles.avg);
			expect(r.modelCycles.avg).toBeLessThanOrEqual(r.modelCycles.max);
			expect(r.modelCycles.total).toBeCloseTo(r.modelCycles.avg * r.count, 9);
		}
		const totals = Object.values(json.exitsByReason).reduce((a, r) => a + r.modelCycles.total, 0);
		// one cycle per instruction, plus exits, plus the page walks' references
		expect(json.modelCycles).toBe(json.instructions + totals + json.walk.cycles);
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
	});

	it('counts native firmware calls, with no exits', () => {
		const result = runVm({ mode: 'native', kernel: { image }, maxInsns: 10_000, clock: () => 0 });
		if (!result.ok) throw new Error(result.error);
		const json = runJson(result.run, { kernel: 'k.elf' });
		expect(json).toMatchObject({
			mode: 'native',
			kernel: 'k.elf',
			exits: 0,
			firmwareCalls: 2,
			exitsByReason: {},
			seconds: 0,
			mips: null
		});
		expect(json.modelCycles).toBe(json.instructions + 2 * core2.firmwareCall);
	});

	it('reports a budget stop with exitCode null, and an error with its message', () => {
		const log = new ExitLog('trap', core2, false);
		const budget = runJson(fakeRun(log, { outcome: { kind: 'budget', budget: 5 } }), {});
		expect(budget).toMatchObject({ exitCode: null, stop: 'budget' });
		expect(budget).not.toHaveProperty('error');
		const error = runJson(fakeRun(log, { outcome: { kind: 'error', message: 'boom' } }), {});
		expect(error).toMatchObject({ exitCode: null, stop: 'error', error: 'boom' });
	});
});
