/**
 * Trap-and-emulate (trap-and-emulate.ts) as the exit stepper sees it: each exit's record names
 * what was emulated and lists every change with before and after values, so that replaying the
 * records forwards (or backwards) reproduces the virtual supervisor's state; and the
 * `--non-virtualizable` switch breaks Popek and Goldberg's condition for exactly one instruction;
 * and each shadow synchronisation strategy (`shadowSync`) keeps the guest's output what it is
 * natively while changing which exits it takes.
 */
import { describe, expect, it } from 'vitest';
import { runVm, type VmOptions, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import type { ExitRecord } from '../../../../src/lib/emulator/vmm/exit-trace.ts';
import { WORKLOADS, buildGuest } from '../../../../src/lib/emulator/guests/build.ts';
import {
	DEFAULT_SHADOW_SYNC,
	FLOOD_WRITES,
	SHADOW_SYNCS,
	type ShadowSync
} from '../../../../src/lib/emulator/vmm/shadow-paging.ts';
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

// ---- Shadow synchronisation strategies ------------------------------------------------------

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const count = (r: VmRun, reason: string) => r.exits.byReason.get(reason as never)?.count ?? 0;

describe('every shadow synchronisation strategy keeps the guest’s output what it is natively', () => {
	for (const { name } of WORKLOADS)
		it(name, () => {
			const image = buildGuest(name, { scale: 1 }).image!;
			const native = runVm({ mode: 'native', kernel: { image } });
			if (!native.ok) throw new Error(native.error);
			expect(native.run.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
			for (const shadowSync of SHADOW_SYNCS) {
				const trap = run({ kernel: { image }, keepExits: false, maxInsns: 1e9, shadowSync });
				expect(trap.outcome, shadowSync).toMatchObject({ kind: 'exit', exitCode: 0 });
				expect(text(trap.output), shadowSync).toBe(text(native.run.output));
			}
		});
});

/** A table written in a loop: every entry of a shadowed level-0 table cleared, then one remapped. */
const TABLE_LOOP = build(`
	.text
	.globl _start
_start:
	la t0, root
	li t1, 0x200000cf         # root[0x200]: megapage 0x8000_0000, identity, V R W X A D
	li t3, 0x800
	add t3, t0, t3
	sw t1, 0(t3)
	la t2, l0
	srli t2, t2, 2
	ori t2, t2, 1
	sw t2, 4(t0)              # root[1] → l0 (0x0040_0000–0x007f_ffff)
	la t2, l0
	la t1, page_a
	srli t1, t1, 2
	ori t1, t1, 0xc7          # V R W A D
	sw t1, 0(t2)              # l0[0] → page_a
	srli t0, t0, 12
	li t1, 0x80000000
	or t0, t0, t1
	csrw satp, t0
	sfence.vma
	li s0, 0x00400000
	lw a0, 0(s0)              # through l0, which is now a shadowed table
	call puthex
	putc '\\n'
	la t0, l0                 # clear all 1,024 entries
	li t1, 1024
1:	sw zero, 0(t0)
	addi t0, t0, 4
	addi t1, t1, -1
	bnez t1, 1b
	la t2, l0
	la t1, page_b
	srli t1, t1, 2
	ori t1, t1, 0xc7
	sw t1, 0(t2)              # l0[0] → page_b
	sfence.vma s0, zero
	lw a0, 0(s0)
	call puthex
	putc '\\n'
	shutdown 0

	.data
	.balign 4096
root:	.space 4096
l0:	.space 4096
page_a:	.word 0xaaaa1111
	.balign 4096
page_b:	.word 0xbbbb2222
	.balign 4096
`);

describe('what each strategy costs', () => {
	const runs = new Map<string, VmRun>();
	const runOf = (workload: 'ptemod' | 'spawn', shadowSync: ShadowSync) => {
		const key = `${workload} ${shadowSync}`;
		if (!runs.has(key))
			runs.set(
				key,
				run({
					kernel: { image: buildGuest(workload, { scale: 1 }).image! },
					maxInsns: 1e9,
					shadowSync
				})
			);
		return runs.get(key)!;
	};
	const sfenceCycles = (r: VmRun) => r.exits.byReason.get('sfence')!.modelCycles.total;

	it('is flood by default, the behaviour trap mode always had', () => {
		expect(DEFAULT_SHADOW_SYNC).toBe('flood');
		const image = buildGuest('spawn', { scale: 1 }).image!;
		const plain = run({ kernel: { image }, keepExits: false, maxInsns: 1e9 });
		const flood = runOf('spawn', 'flood');
		expect([...plain.exits.byReason]).toEqual([...flood.exits.byReason]);
	});

	it('unsync: far fewer page-table-write exits on ptemod, more work at SFENCE.VMA', () => {
		const wp = runOf('ptemod', 'write-protect');
		const unsync = runOf('ptemod', 'unsync');
		// ptemod maps and unmaps one page 500 times: two PTE writes a round, each followed by
		// SFENCE.VMA of that page. Write protection emulates each; unsync lets the table go out
		// of sync once and re-reads the fenced entry instead.
		expect(count(wp, 'pageTableWrite')).toBeGreaterThan(1000);
		expect(count(unsync, 'pageTableWrite')).toBeLessThan(count(wp, 'pageTableWrite') / 50);
		expect(count(unsync, 'sfence')).toBe(count(wp, 'sfence'));
		expect(sfenceCycles(unsync)).toBeGreaterThan(sfenceCycles(wp));
		const fence = unsync.exits.records.find(
			(e) => e.reason === 'sfence' && e.steps.some((s) => s.kind === 'readGuestTable')
		);
		expect(fence, 'an SFENCE.VMA that re-read an out-of-sync entry').toBeDefined();
		expect(unsync.exits.count).toBeLessThan(wp.exits.count);
	});

	it('unsync records each unsync, resync and re-read as handler steps', () => {
		const unsync = runOf('ptemod', 'unsync');
		const whys = new Set(
			unsync.exits.records.flatMap((e) =>
				e.steps.flatMap((s) =>
					s.kind === 'dropEntries' ? [s.why.replace(/0x[0-9a-f]+/g, '…')] : []
				)
			)
		);
		expect(whys).toContain('guest table … out of sync: writable until SFENCE.VMA');
		expect(whys).toContain('SFENCE.VMA …: entry of out-of-sync guest table … re-read');
		expect(whys).toContain('guest table … resynchronised and write-protected again');
	});

	it('flood: far fewer page-table-write exits on spawn, whose freed tables are zeroed', () => {
		const wp = runOf('spawn', 'write-protect');
		const flood = runOf('spawn', 'flood');
		expect(count(flood, 'pageTableWrite')).toBeLessThan(count(wp, 'pageTableWrite') / 10);
		expect(
			flood.exits.records.some((e) =>
				e.steps.some((s) => s.kind === 'dropEntries' && /flooding/.test(s.why))
			)
		).toBe(true);
	});

	it('a table written in a loop: an exit per store under write-protect, a few under flood, one under unsync', () => {
		const native = runVm({ mode: 'native', kernel: { image: TABLE_LOOP } });
		if (!native.ok) throw new Error(native.error);
		expect(text(native.run.output)).toBe('aaaa1111\nbbbb2222\n');
		const writes: Record<string, number> = {};
		for (const shadowSync of SHADOW_SYNCS) {
			const r = run({ kernel: { image: TABLE_LOOP }, shadowSync });
			expect(text(r.output), shadowSync).toBe(text(native.run.output));
			writes[shadowSync] = count(r, 'pageTableWrite');
		}
		expect(writes).toEqual({ 'write-protect': 1025, flood: FLOOD_WRITES, unsync: 1 });
	});
});
