/**
 * The numbers lessons 02 (Popek and Goldberg) and 03 (Trap-and-emulate) state about the course's
 * machine come from running it. This test runs the same guest and checks each of them, so that a
 * change to the kernel, the hypervisor or the cost model that moves a number fails here, naming the
 * lesson to update. Numbers written in a lesson's cells (`name = 123`) are read from the lesson
 * files, English and Chinese, and compared with the run; numbers in the prose are checked to be
 * present as written.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGuest } from '../../../src/lib/emulator/guests/build.ts';
import { disassemble } from '../../../src/lib/emulator/isa/disassemble.ts';
import { costPreset, type CostModel } from '../../../src/lib/emulator/vmm/cost.ts';
import type { ExitRecord, VmMode } from '../../../src/lib/emulator/vmm/exit-trace.ts';
import { runVm, type VmOptions, type VmRun } from '../../../src/lib/emulator/vmm/vm.ts';

const LESSON_02 = [
	'content/lessons/02-popek-goldberg.md',
	'content/lessons/02-popek-goldberg.zh.md'
];
const LESSON_03 = [
	'content/lessons/03-trap-and-emulate.md',
	'content/lessons/03-trap-and-emulate.zh.md'
];

const kernel = { image: buildGuest('syscall').image! };

function run(mode: VmMode, options: Partial<VmOptions> = {}): VmRun {
	const result = runVm({ mode, kernel, ...options });
	if (!result.ok) throw new Error(result.error);
	return result.run;
}

const preset = (id: string): CostModel => costPreset(id)!;
const console_ = (r: VmRun) => new TextDecoder().decode(r.output);

/** The value a lesson's cell gives `name` (`name = 610222`), or undefined. */
function cellNumber(file: string, name: string): number | undefined {
	const text = readFileSync(file, 'utf8');
	const cells = [...text.matchAll(/```math\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
	const match = new RegExp(`^${name} = (-?[0-9.]+)$`, 'm').exec(cells);
	return match ? Number(match[1]) : undefined;
}

/** Every lesson file states `value` in the cell named `name`. */
function expectCell(files: string[], name: string, value: number) {
	for (const file of files) expect(cellNumber(file, name), `${file}: ${name}`).toBe(value);
}

/** Every lesson file writes `text` somewhere (a number in the prose, say "35,275"). */
function expectProse(files: string[], ...texts: string[]) {
	for (const file of files) {
		const lesson = readFileSync(file, 'utf8');
		for (const text of texts) expect(lesson, `${file} should say ${text}`).toContain(text);
	}
}

/** The exits of the n-th system call of the workload: from its guestTrap up to the next one. */
function exitsOfCall(records: ExitRecord[], n: number): ExitRecord[] {
	const traps = records.flatMap((r, i) => (r.reason === 'guestTrap' ? [i] : []));
	return records.slice(traps[n], traps[n + 1]);
}

const code = (r: ExitRecord) => disassemble(r.instruction, r.guestPc).replace(/\s+/g, ' ');

describe('lesson 03: trap-and-emulate on the syscall workload', () => {
	let trap: VmRun;
	beforeAll(() => {
		trap = run('trap', { keepExits: true });
	});

	it('costs 7 exits per getpid(): the reflected ecall, five CSR accesses and an sret', () => {
		const call = exitsOfCall(trap.exits.records, 100);
		expect(call.map((r) => r.reason)).toEqual([
			'guestTrap',
			'csrAccess',
			'csrAccess',
			'csrAccess',
			'csrAccess',
			'csrAccess',
			'sret'
		]);
		expect(call.slice(1).map(code)).toEqual([
			'csrrw sp,sscratch,sp',
			'csrrw t0,sscratch,sp',
			'csrr t0,sepc',
			'csrr t0,scause',
			'csrw sepc,t0',
			'sret'
		]);
		// Every call of the run is the same: the last but one too.
		expect(exitsOfCall(trap.exits.records, 4998)).toHaveLength(7);
		expectCell(LESSON_03, 'exitsPerCall', 7);
	});

	it('prices the exits as the lesson’s cells do (core2), 6,991 model cycles a call', () => {
		const model = preset('core2');
		const call = exitsOfCall(trap.exits.records, 100);
		const [reflect, , , read] = call;
		const write = call[5];
		const sret = call[6];
		expect([read.modelCycles, write.modelCycles, sret.modelCycles, reflect.modelCycles]).toEqual([
			981, 1025, 889, 1065
		]);
		expect(call.reduce((sum, r) => sum + r.modelCycles, 0)).toBe(6991);
		for (const files of [LESSON_03]) {
			expectCell(files, 'trapRoundTrip', model.trapRoundTrip);
			expectCell(files, 'stateRead', model.stateRead);
			expectCell(files, 'stateWrite', model.stateWrite);
			expectCell(files, 'decodeCost', model.decode);
		}
		expectProse(LESSON_03, '6,991', '981', '1,025', '889');
	});

	it('runs 112 guest instructions around the loop, one model cycle each natively', () => {
		const traps = trap.exits.records.filter((r) => r.reason === 'guestTrap');
		expect(traps[101].guestInstructions - traps[100].guestInstructions).toBe(112);
		expectCell(LESSON_03, 'instructionsPerCall', 112);
		expectProse(LESSON_03, '112');
	});

	it('costs 8,510 model cycles a call with the p4 preset', () => {
		const p4 = run('trap', { keepExits: true, cost: preset('p4') });
		const call = exitsOfCall(p4.exits.records, 100);
		expect(call.reduce((sum, r) => sum + r.modelCycles, 0)).toBe(8510);
		expect(preset('p4')).toMatchObject({ stateRead: 178, stateWrite: 171, vmExitRoundTrip: 4340 });
		expectProse(LESSON_03, '8,510', '178', '171', '4,340');
		expect(p4.modelCycles).toBe(44_282_452);
		expect(run('hw', { cost: preset('p4') }).modelCycles).toBe(1_741_154);
		expectProse(LESSON_03, '44,282,452', '1,741,154');
	});

	it('gives the whole run’s totals in every mode as the lesson states them', () => {
		const native = run('native');
		const hw = run('hw', { keepExits: true });
		expect(trap.exits.count).toBe(35_275);
		expect(trap.modelCycles).toBe(36_680_617);
		expect(native.modelCycles).toBe(616_016);
		expect(hw.exits.count).toBe(234);
		expect(hw.modelCycles).toBe(1_192_632);
		expect(hw.exits.byReason.get('mmio')?.count).toBe(218);
		expect(hw.exits.byReason.get('mmio')?.modelCycles.min).toBeGreaterThan(2123);
		expectCell(LESSON_03, 'cyclesNative', 616_016);
		expectCell(LESSON_03, 'cyclesTrap', 36_680_617);
		expectCell(LESSON_03, 'cyclesHw', 1_192_632);
		expectCell(LESSON_03, 'exitsTrapRun', 35_275);
		expectCell(LESSON_03, 'exitsHwRun', 234);
		expectProse(LESSON_03, '234', '218', '2,123');
	});

	it('adds up C = I + W·m_ref + Σ exits, walks of 2 references a miss (trap) and up to 8 (hw)', () => {
		const native = run('native');
		const hw = run('hw');
		for (const r of [native, trap, hw]) {
			const { S, VS, G } = r.walk.references;
			expect(r.modelCycles).toBe(
				r.guestInstructions + (S + VS + G) * preset('core2').memoryReference + r.exits.modelCycles
			);
		}
		expect(preset('core2').memoryReference).toBe(20);
		// Natively and under shadow paging one Sv32 table: 2 references a miss (1 for a megapage).
		for (const r of [native, trap]) {
			expect(r.walk.references.VS + r.walk.references.G).toBe(0);
			expect(r.walk.perMiss).toBeLessThanOrEqual(2);
		}
		// Two-stage: more than 2 references a miss, never more than (2+1)(2+1) − 1 = 8.
		expect(hw.walk.references.S).toBe(0);
		expect(hw.walk.perMiss).toBeGreaterThan(2);
		expect(hw.walk.perMiss).toBeLessThanOrEqual(8);
		// "the page walks are at most about 2 % of a run here"
		const shares = [native, trap, hw].map((r) => r.walk.cycles / r.modelCycles);
		expect(Math.round(Math.max(...shares) * 100)).toBe(2);
		expectProse(LESSON_03, '2&nbsp;%');
	});

	it('makes no exit for a system call with hardware assistance, and two when paravirtual', () => {
		const hw = run('hw');
		for (const reason of ['guestTrap', 'csrAccess', 'sret'] as const)
			expect(hw.exits.byReason.get(reason), reason).toBeUndefined();
		const pv = run('pv', { kernel: { image: buildGuest('syscall', { pv: true }).image! } });
		const perCall = (pv.exits.count - (pv.exits.count % 5000)) / 5000;
		expect(pv.exits.byReason.get('guestTrap')?.count).toBe(5001);
		expect(perCall).toBe(2);
	});
});

describe('lesson 02: Popek and Goldberg', () => {
	it('counts the syscall workload’s guest instructions and exits as its efficiency cell does', () => {
		const trap = run('trap');
		expect(trap.guestInstructions).toBe(610_222);
		expect(trap.exits.count).toBe(35_275);
		expectCell(LESSON_02, 'guestInstructions', 610_222);
		expectCell(LESSON_02, 'exitsTrap', 35_275);
	});

	it('kills pid 1 on its first call when a read of sepc does not trap, exits 80 to 87 as told', () => {
		const broken = run('trap', { keepExits: true, nonVirtualizable: true });
		expect(console_(broken)).toContain('pid 1 killed: scause 12 stval 0x00000004');
		expect(broken.outcome).toMatchObject({ kind: 'exit', exitCode: 1 });
		expect(broken.exits.count).toBe(281);
		expectCell(LESSON_02, 'exitsBroken', 281);

		const at = (seq: number) => broken.exits.records[seq - 1];
		// 80: the process's first ecall, reflected; the virtual sepc is the ecall's address.
		expect(at(80)).toMatchObject({ reason: 'guestTrap', cause: 8, guestPc: 0x0040_0014 });
		expect(at(80).changes).toContainEqual({
			name: 'virtual sepc',
			before: 0x0040_0000,
			after: 0x0040_0014
		});
		// 81–83: the sepc read between the two sscratch swaps and scause is missing.
		expect([81, 82, 83].map((n) => code(at(n)))).toEqual([
			'csrrw sp,sscratch,sp',
			'csrrw t0,sscratch,sp',
			'csrr t0,scause'
		]);
		// 85: sepc = 0 + 4; 86: sret there; 87: the instruction page fault at 4.
		expect(code(at(85))).toBe('csrw sepc,t0');
		expect(at(85).changes).toContainEqual({ name: 'virtual sepc', before: 0x0040_0014, after: 4 });
		expect(at(86).reason).toBe('sret');
		expect(at(87)).toMatchObject({ reason: 'guestTrap', cause: 12, guestPc: 4 });
		// Not one getpid() returned: the only ecall the process made is the first.
		const ecalls = broken.exits.records.filter((r) => r.reason === 'guestTrap' && r.cause === 8);
		expect(ecalls).toHaveLength(1);
		expectCell(LESSON_02, 'callsReturnedBroken', 0);
		expectProse(LESSON_02, '80', '87', '0x00400014', 'pid 1 killed: scause 12 stval 0x00000004');
	});

	it('runs the same guest correctly with hardware assistance and paravirtualized', () => {
		const good = 'pid 1 exit 0 checksum 0x73193ef5';
		expect(console_(run('hw', { nonVirtualizable: true }))).toContain(good);
		const pvKernel = { image: buildGuest('syscall', { pv: true }).image! };
		expect(console_(run('pv', { kernel: pvKernel, nonVirtualizable: true }))).toContain(good);
		expectProse(LESSON_02, good);
	});
});
