/**
 * hw mode (hardware-assisted.ts): what exits and what each exit record says. Oracles: the
 * Privileged spec §9 (guest-page faults report the guest physical address in htval, shifted right
 * by 2, §9.4.4; an injected exception writes vscause, vsepc, vstval and vsstatus as a trap into
 * VS-mode does, §9.4.2 and §4.1.1) and exit-builder.ts's contract that a record lists every change
 * an exit made, so the exit stepper can step it back exactly.
 */
import { describe, expect, it } from 'vitest';
import { runVm } from '../../../../src/lib/emulator/vmm/vm.ts';
import { build } from './kernels.ts';
import { buildGuest } from '../../../../src/lib/emulator/guests/build.ts';

function run(source: string, maxInsns = 1_000_000) {
	const r = runVm({ mode: 'hw', kernel: { image: build(source) }, maxInsns, keepExits: true });
	if (!r.ok) throw new Error(r.error);
	return r.run;
}

const TOUCH_PAGES = `
	.text
	.globl _start
_start:
	li s0, 2                  # two passes over five pages
1:	la t0, pages
	li t1, 5
2:	sw t1, 0(t0)
	li t2, 4096
	add t0, t0, t2
	addi t1, t1, -1
	bnez t1, 2b
	addi s0, s0, -1
	bnez s0, 1b
	shutdown 0

	.bss
	.balign 4096
pages:	.zero 5 * 4096
`;

describe('G-stage faults', () => {
	it('come once per guest page touched: the code page and five data pages, however often they are used', () => {
		const r = run(TOUCH_PAGES);
		expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		expect(r.exits.byReason.get('guestPageFault')?.count).toBe(6);
		const gpas = r.exits.records
			.filter((e) => e.reason === 'guestPageFault')
			.map((e) => e.steps.find((s) => s.kind === 'readState')!)
			.map((s) => (s.kind === 'readState' ? s.value * 4 : 0));
		expect(new Set(gpas.map((g) => g - (g % 4096))).size).toBe(6);
	});

	it('record htval (the GPA >> 2) and the G-stage entries installed: a pointer once per 4 MiB, then leaves', () => {
		const r = run(TOUCH_PAGES);
		const faults = r.exits.records.filter((e) => e.reason === 'guestPageFault');
		expect(faults[0].steps.map((s) => s.kind)).toEqual([
			'readState',
			'installEntry',
			'installEntry'
		]);
		for (const f of faults.slice(1))
			expect(f.steps.map((s) => s.kind)).toEqual(['readState', 'installEntry']);
		for (const f of faults) {
			const htval = f.steps[0].kind === 'readState' ? f.steps[0].value : -1;
			const leaf = f.steps[f.steps.length - 1];
			expect(leaf).toMatchObject({ kind: 'installEntry', table: 'G-stage', level: 0 });
			if (leaf.kind === 'installEntry')
				expect(leaf.address - (leaf.address % 4096)).toBe(htval * 4 - ((htval * 4) % 4096));
			expect(f.changes).toEqual([]); // the guest retries; nothing of its state changes
		}
	});
});

describe('exit records', () => {
	it('an SBI call: the firmware step, a0 (and a1) returned, pc past the ECALL', () => {
		const r = run(`
	.text
	.globl _start
_start:
	li a7, 0x10
	li a6, 0
	ecall                     # get_spec_version
	shutdown 0
`);
		const sbi = r.exits.records.filter((e) => e.reason === 'sbi');
		expect(sbi[0].steps).toEqual([{ kind: 'firmware', call: 'sbi_get_spec_version' }]);
		expect(sbi[0].changes).toEqual([
			{ name: 'a0', before: 0, after: 0 },
			{ name: 'a1', before: expect.any(Number), after: 0x02000000 },
			{ name: 'pc', before: sbi[0].guestPc, after: sbi[0].guestPc + 4 }
		]);
		expect(sbi[0].cause).toBe(10); // ECALL from VS-mode
		expect(sbi[0].instruction).toBe(0x73);
	});

	it('the timer: VSTIP set in hvip, the machine timer masked; a WFI: the idle time', () => {
		const r = run(`
	.text
	.globl _start
_start:
	li t0, 0x20
	csrs sie, t0
	set_timer_in 100
	wfi
	shutdown 0
`);
		const timer = r.exits.records.find((e) => e.reason === 'timer')!;
		expect(timer.interrupt).toBe(true);
		const hvip = timer.changes.find((c) => c.name === 'hvip')!;
		expect(hvip.after & 0x40).toBe(0x40);
		const mie = timer.changes.find((c) => c.name === 'mie')!;
		expect(mie.after & 0x80).toBe(0);
		const wfi = r.exits.records.find((e) => e.reason === 'wfi')!;
		const idle = wfi.steps.find((s) => s.kind === 'idle');
		expect(idle && idle.kind === 'idle' && idle.cycles).toBeGreaterThan(0);
		expect(wfi.instruction).toBe(0x10500073);
	});

	it('an MMIO store: the decoded instruction, the device access, pc past it', () => {
		const r = run(`
	.text
	.globl _start
_start:
	li t0, UART
	li t1, 'Z'
	sb t1, 0(t0)
	shutdown 0
`);
		const mmio = r.exits.records.find((e) => e.reason === 'mmio')!;
		expect(mmio.steps.map((s) => s.kind)).toEqual(['readState', 'decode', 'device']);
		expect(mmio.steps[2]).toEqual({
			kind: 'device',
			device: 'uart',
			offset: 0,
			write: true,
			value: 0x5a
		});
		expect(mmio.changes).toEqual([{ name: 'pc', before: mmio.guestPc, after: mmio.guestPc + 4 }]);
		expect(new TextDecoder().decode(r.output)).toBe('Z');
	});

	it('an access fault injected for a load from a hole lists every guest CSR the injection wrote', () => {
		const r = run(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	csrsi sstatus, 2
	li t0, 0x90000000         # past the end of RAM
	lw t1, 0(t0)
	shutdown 1
trap:
	shutdown 0
`);
		expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		const inject = r.exits.records.find((e) => e.steps.some((s) => s.kind === 'inject'))!;
		const names = inject.changes.map((c) => c.name);
		for (const csr of ['pc', 'vscause', 'vsepc', 'vstval', 'vsstatus'])
			expect(names, csr).toContain(csr);
		expect(inject.changes.find((c) => c.name === 'vscause')!.after).toBe(5);
		expect(inject.changes.find((c) => c.name === 'vstval')?.after).toBe(0x90000000);
	});
});

describe('G-stage megapages (gStageMegapages)', () => {
	it('map guest RAM 4 MiB at a time: the course kernel runs the same, with far fewer first-touch exits', () => {
		const image = buildGuest('pagetouch').image!;
		const runs = [false, true].map((gStageMegapages) => {
			const r = runVm({ mode: 'hw', kernel: { image }, gStageMegapages });
			if (!r.ok) throw new Error(r.error);
			return r.run;
		});
		const faults = runs.map((r) => r.exits.byReason.get('guestPageFault')?.count ?? 0);
		expect(runs[1].output).toEqual(runs[0].output);
		expect(faults[0]).toBeGreaterThan(200); // every guest page the kernel or a process touches
		expect(faults[1]).toBeLessThanOrEqual(32); // at most one per 4 MiB of 128 MiB
		// and each G-stage walk reads one PTE instead of two
		expect(runs[1].walk.references.G).toBeLessThan(0.7 * runs[0].walk.references.G);
	});
});
