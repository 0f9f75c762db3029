/**
 * Trap-and-emulate (trap-and-emulate.ts) as the exit stepper sees it: each exit's record names
 * what was emulated and lists every change with before and after values, so that replaying the
 * records forwards (or backwards) reproduces the virtual supervisor's state; and the
 * `--non-virtualizable` switch breaks Popek and Goldberg's condition for exactly one instruction.
 */
import { describe, expect, it } from 'vitest';
import { runVm, type VmOptions } from '../../../../src/lib/emulator/vmm/vm.ts';
import type { ExitRecord } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { build } from './kernels.ts';

const CSR_FORMS = build(`
	.text
	.globl _start
_start:
	li t0, 0x80001000
	csrw stvec, t0            # csrrw x0
	csrr t1, stvec            # csrrs rs1 = x0: a read only
	csrs sscratch, t0         # csrrs
	csrc sscratch, t0         # csrrc
	csrrw t2, sepc, t0
	csrwi sie, 2              # csrrwi
	csrsi sie, 0x10           # csrrsi (bit 4 is not a supervisor interrupt: WARL keeps it clear)
	csrci sie, 2              # csrrci
	csrrs t3, sie, zero
	csrw satp, zero
	shutdown 0
`);

function run(options: Partial<VmOptions> & Pick<VmOptions, 'kernel'>) {
	const r = runVm({ mode: 'trap', maxInsns: 1_000_000, keepExits: true, ...options });
	if (!r.ok) throw new Error(r.error);
	return r.run;
}

describe('exit records of emulated CSR instructions', () => {
	it('name the CSR each instruction accessed, in every instruction form', () => {
		const r = run({ kernel: { image: CSR_FORMS } });
		const csr = r.exits.records.filter((e) => e.reason === 'csrAccess');
		const names = csr.map((e) => e.steps.find((s) => s.kind === 'readState')!);
		expect(names.map((s) => s.kind === 'readState' && s.name)).toEqual([
			'virtual stvec',
			'virtual stvec',
			'virtual sscratch',
			'virtual sscratch',
			'virtual sepc',
			'virtual sie',
			'virtual sie',
			'virtual sie',
			'virtual sie',
			'virtual satp'
		]);
	});

	it('record reads without a write step, writes with before and after', () => {
		const r = run({ kernel: { image: CSR_FORMS } });
		const csr = r.exits.records.filter((e) => e.reason === 'csrAccess');
		const writes = csr.map((e) => e.steps.filter((s) => s.kind === 'writeState').length);
		expect(writes).toEqual([1, 0, 1, 1, 1, 1, 1, 1, 0, 1]);
		const sieWrites = csr.slice(5, 8).map((e) => e.changes.find((c) => c.name === 'virtual sie'));
		expect(sieWrites).toEqual([
			{ name: 'virtual sie', before: 0, after: 2 },
			{ name: 'virtual sie', before: 2, after: 2 },
			{ name: 'virtual sie', before: 2, after: 0 }
		]);
	});
});

/** Checks that the changes recorded for state only the monitor changes form one unbroken chain. */
function checkChains(records: ExitRecord[]) {
	const last = new Map<string, number>();
	for (const r of records)
		for (const c of r.changes) {
			if (!c.name.startsWith('virtual ') && c.name !== 'mtimecmp') continue;
			if (last.has(c.name))
				expect(c.before, `exit ${r.seq} (${r.reason}): ${c.name}`).toBe(last.get(c.name));
			last.set(c.name, c.after);
		}
	return last;
}

describe('replaying the records', () => {
	const PROCESS = build(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	li t0, 0x22
	csrs sie, t0
	set_timer_in 10
	li t0, SPP
	csrc sstatus, t0
	csrsi sstatus, 2
	la t0, user
	csrw sepc, t0
	sret
trap:
	csrr t0, scause
	bltz t0, tick             # an interrupt
	csrr t0, sepc
	addi t0, t0, 4
	csrw sepc, t0
	la t1, calls
	lw t2, 0(t1)
	addi t2, t2, 1
	sw t2, 0(t1)
	li t3, 20
	blt t2, t3, 1f
	shutdown 0
1:	sret
tick:
	set_timer_in 10
	sret
user:
	li t0, 0
2:	addi t0, t0, 1
	li t1, 100
	blt t0, t1, 2b
	ecall
	j user

	.data
	.balign 4
calls:	.word 0
`);

	it('gives one unbroken chain of before/after values for each virtual CSR and mtimecmp', () => {
		const r = run({ kernel: { image: PROCESS } });
		expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		expect(r.exits.byReason.get('timer')?.count ?? 0).toBeGreaterThan(0);
		const last = checkChains(r.exits.records);
		expect(last.has('virtual sstatus')).toBe(true);
		expect(last.has('virtual sepc')).toBe(true);
	});

	it('records the pc each exception exit left from: the trapping instruction', () => {
		const r = run({ kernel: { image: PROCESS } });
		for (const e of r.exits.records) {
			const pc = e.changes.find((c) => c.name === 'pc');
			if (pc && !e.interrupt) expect(pc.before, `exit ${e.seq} (${e.reason})`).toBe(e.guestPc);
		}
	});

	it('numbers the records 1, 2, 3… with non-decreasing guest progress', () => {
		const r = run({ kernel: { image: PROCESS } });
		r.exits.records.forEach((e, i) => expect(e.seq).toBe(i + 1));
		for (let i = 1; i < r.exits.records.length; i++)
			expect(r.exits.records[i].guestInstructions).toBeGreaterThanOrEqual(
				r.exits.records[i - 1].guestInstructions
			);
	});
});

describe('--non-virtualizable', () => {
	// The switch makes a read of sepc (only) behave as on hardware that does not trap it: the guest
	// gets the real machine's sepc instead of its virtual one, and the monitor never knows.
	const READ_SEPC = build(`
	.text
	.globl _start
_start:
	li t0, 0x80001234
	csrw sepc, t0
	csrr a0, sepc
	call puthex
	putc '\\n'
	csrr a0, sscratch         # other CSR reads still trap
	shutdown 0
`);

	it('off: the guest reads its own sepc, as natively', () => {
		const native = runVm({ mode: 'native', kernel: { image: READ_SEPC }, maxInsns: 100_000 });
		const trap = run({ kernel: { image: READ_SEPC } });
		expect(native.ok && new TextDecoder().decode(native.run.output)).toBe('80001234\n');
		expect(new TextDecoder().decode(trap.output)).toBe('80001234\n');
		expect(trap.exits.byReason.get('csrAccess')?.count).toBe(3);
	});

	it('on: the sepc read does not exit and returns something else; the write and other reads still exit', () => {
		const on = run({ kernel: { image: READ_SEPC }, nonVirtualizable: true });
		const off = run({ kernel: { image: READ_SEPC } });
		expect(new TextDecoder().decode(on.output)).not.toBe('80001234\n');
		expect(on.exits.byReason.get('csrAccess')?.count).toBe(2);
		expect(
			on.exits.records.some(
				(e) =>
					e.reason === 'csrAccess' &&
					(e.instruction & 0xfff00000) >>> 20 === 0x141 &&
					((e.instruction >>> 15) & 31) === 0
			)
		).toBe(false);
		expect(on.guestInstructions).toBe(off.guestInstructions);
	});
});

describe('a trap reflected into the guest kernel', () => {
	it('lists every virtual CSR the trap entry wrote: sepc, scause, stval, sstatus, and pc', () => {
		const r = run({
			kernel: {
				image: build(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	li t0, 0x90000000         # past the end of RAM: a load access fault
	lw t1, 0(t0)
	shutdown 1
trap:
	shutdown 0
`)
			}
		});
		expect(r.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
		const reflected = r.exits.records.find((e) => e.reason === 'guestTrap')!;
		const names = reflected.changes.map((c) => c.name);
		for (const name of ['virtual sepc', 'virtual scause', 'virtual stval', 'virtual sstatus', 'pc'])
			expect(names, name).toContain(name);
		expect(reflected.changes.find((c) => c.name === 'virtual scause')!.after).toBe(5);
		expect(reflected.changes.find((c) => c.name === 'virtual stval')?.after).toBe(0x90000000);
	});
});
