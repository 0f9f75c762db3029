/**
 * runVm end to end: small kernels, assembled here, run natively, under trap-and-emulate and with
 * the H extension. A guest must not be able to tell the modes apart, so every kernel must print
 * byte-identical output in all three; what differs is who handled what, and the exit counts say
 * so where the design fixes them (native: no exits; hw: the guest's own traps and CSR accesses do
 * not exit; trap: every privileged instruction of the kernel does).
 *
 * Oracles: the Privileged spec (20211203) for what the kernel must observe — WFI §3.3.3, trap
 * entry §4.1.1, Sv32 §4.3, SUM/MXR §4.1.1, counter enables §4.1.5 — and the SBI v2.0 spec.
 */
import { describe, expect, it } from 'vitest';
import { symbolValue, type AsmImage } from '../../../../src/lib/emulator/asm/index.ts';
import { build } from './kernels.ts';
import { writeElf } from '../../../../src/lib/emulator/elf/write.ts';
import { runVm, type VmOptions, type VmRun } from '../../../../src/lib/emulator/vmm/vm.ts';
import { describeOutcome } from '../../../../src/lib/emulator/vmm/report.ts';

const MODES = ['native', 'trap', 'hw'] as const;
type Mode = (typeof MODES)[number];
const BUDGET = 500_000;

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

function run(mode: Mode, image: AsmImage, extra: Partial<VmOptions> = {}): VmRun {
	const r = runVm({ mode, kernel: { image }, maxInsns: BUDGET, ...extra });
	if (!r.ok) throw new Error(`${mode}: ${r.error}`);
	return r.run;
}

/** Runs a kernel once per mode, on first use. */
function kernel(source: string, extra: Partial<VmOptions> = {}) {
	let image: AsmImage | undefined;
	const runs = new Map<Mode, VmRun>();
	return {
		get image() {
			return (image ??= build(source));
		},
		run(mode: Mode): VmRun {
			let r = runs.get(mode);
			if (!r) runs.set(mode, (r = run(mode, this.image, extra)));
			return r;
		}
	};
}

const count = (r: VmRun, reason: string) => r.exits.byReason.get(reason as never)?.count ?? 0;
const reasons = (r: VmRun) => [...r.exits.byReason.keys()].sort();

/** The checks every kernel gets: it ends as expected and prints exactly `expected` in every mode. */
function sameEverywhere(k: ReturnType<typeof kernel>, expected: string, exitCode = 0) {
	for (const mode of MODES)
		it(`${mode}: prints the expected output and exits with ${exitCode}`, () => {
			const r = k.run(mode);
			expect(decode(r.output)).toBe(expected);
			expect(r.outcome, describeOutcome(r)).toMatchObject({ kind: 'exit', exitCode });
		});
	it('counts the same guest instructions in every mode', () => {
		const n = MODES.map((m) => k.run(m).guestInstructions);
		expect(n[1]).toBe(n[0]);
		expect(n[2]).toBe(n[0]);
	});
}

// ---- consoles and boot arguments ----------------------------------------------------------------

const CONSOLE = kernel(`
	.text
	.globl _start
_start:
	mv s0, a0                 # hart id
	mv s1, a1                 # device tree
	print msg_sbi
	li t0, UART
	la t1, msg_uart
1:	lbu t2, 0(t1)
	beqz t2, 3f
2:	lbu t3, 5(t0)             # LSR: wait for THR empty
	andi t3, t3, 0x20
	beqz t3, 2b
	sb t2, 0(t0)
	addi t1, t1, 1
	j 1b
3:	print msg_hart
	mv a0, s0
	call puthex
	print msg_fdt
	lw a0, 0(s1)              # the magic, big-endian d00dfeed, read as a little-endian word
	call puthex
	andi t0, s1, 7
	bnez t0, 4f
	print msg_aligned
4:	putc '\\n'
	shutdown 0

	.data
msg_sbi:	.asciz "SBI console\\n"
msg_uart:	.asciz "UART console\\n"
msg_hart:	.asciz "hart "
msg_fdt:	.asciz " fdt "
msg_aligned:	.asciz " aligned"
`);
const CONSOLE_OUT = 'SBI console\nUART console\nhart 00000000 fdt edfe0dd0 aligned\n';
const SBI_CHARS = CONSOLE_OUT.length - 'UART console\n'.length;

describe('console kernel: SBI and UART output, boot arguments', () => {
	sameEverywhere(CONSOLE, CONSOLE_OUT);

	it('native: no exits; every SBI call is a counted firmware call', () => {
		const r = CONSOLE.run('native');
		expect(r.exits.count).toBe(0);
		expect(reasons(r)).toEqual([]);
		expect(r.exits.firmwareCalls).toBe(SBI_CHARS + 1); // each character, and the shutdown
	});

	for (const mode of ['trap', 'hw'] as const)
		it(`${mode}: one sbi exit per call and one mmio exit per UART register access`, () => {
			const r = CONSOLE.run(mode);
			expect(count(r, 'sbi')).toBe(SBI_CHARS + 1);
			expect(count(r, 'mmio')).toBe(2 * 'UART console\n'.length); // LSR read, THR write
			expect(r.exits.firmwareCalls).toBe(0);
			expect(reasons(r)).toEqual(
				mode === 'hw' ? ['guestPageFault', 'mmio', 'sbi'] : ['hiddenPageFault', 'mmio', 'sbi']
			);
		});

	it('boots the same kernel from an ELF file', () => {
		for (const mode of MODES) {
			const r = runVm({ mode, kernel: { elf: writeElf(CONSOLE.image) }, maxInsns: BUDGET });
			expect(r.ok && decode(r.run.output), mode).toBe(CONSOLE_OUT);
		}
	});
});

const UART_INPUT = kernel(
	`
	.text
	.globl _start
_start:
	li s0, 3
	li t0, UART
1:	lbu t1, 5(t0)             # LSR.DR: a byte is waiting
	andi t1, t1, 1
	beqz t1, 2f
	lbu a0, 0(t0)
	j 3f
2:	li a0, '.'
3:	li a7, 1
	ecall
	addi s0, s0, -1
	bnez s0, 1b
	shutdown 0
`,
	{ input: [0x6f, 0x6b] }
);

describe('UART input', () => {
	sameEverywhere(UART_INPUT, 'ok.');
});

// ---- the timer -------------------------------------------------------------------------------

const TIMER = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	li t0, 0x20
	csrs sie, t0              # STIE
	csrci sstatus, 2          # SIE = 0: interrupts masked
	print msg_before
	csrr a0, sip
	andi a0, a0, 0x20
	call puthex
	putc '\\n'
	set_timer_in 200
	wfi                       # resumes once STIP is pending, although SIE = 0 (§3.3.3)
	print msg_after
	csrr a0, sip
	andi a0, a0, 0x20
	call puthex
	putc '\\n'
	csrsi sstatus, 2          # the interrupt is taken right after this instruction
after_enable:
	print msg_count
	lw a0, handled
	call puthex
	putc '\\n'
	set_timer_in 200
wfi_enabled:
	wfi                       # SIE = 1 now: the trap is taken from the WFI, sepc = pc + 4
	print msg_count
	lw a0, handled
	call puthex
	putc '\\n'
	shutdown 0

trap:
	print msg_trap
	csrr a0, scause
	call puthex
	putc ' '
	csrr a0, sepc
	call puthex
	putc ' '
	csrr a0, sstatus
	andi a0, a0, 0x122        # SPP, SPIE, SIE
	call puthex
	set_timer_never           # clears the pending timer interrupt
	putc ' '
	csrr a0, sip
	andi a0, a0, 0x20
	call puthex
	putc '\\n'
	la t0, handled
	lw t1, 0(t0)
	addi t1, t1, 1
	sw t1, 0(t0)
	sret

	.data
	.balign 4
handled:	.word 0
msg_before:	.asciz "STIP before: "
msg_after:	.asciz "STIP after wfi: "
msg_trap:	.asciz "trap "
msg_count:	.asciz "handled "
`);

describe('timer kernel: a timer interrupt after WFI with interrupts masked', () => {
	const hex = (v: number) => v.toString(16).padStart(8, '0');
	const expected = () => {
		const img = TIMER.image;
		const afterEnable = symbolValue(img, 'after_enable')!;
		const afterWfi = symbolValue(img, 'wfi_enabled')! + 4;
		return [
			'STIP before: 00000000',
			'STIP after wfi: 00000020',
			`trap 80000005 ${hex(afterEnable)} 00000120 00000000`, // SPP = 1, SPIE = 1, SIE = 0; STIP cleared
			'handled 00000001',
			`trap 80000005 ${hex(afterWfi)} 00000120 00000000`,
			'handled 00000002',
			''
		].join('\n');
	};
	for (const mode of MODES)
		it(`${mode}: prints the expected output and exits with 0`, () => {
			const r = TIMER.run(mode);
			expect(decode(r.output)).toBe(expected());
			expect(r.outcome, describeOutcome(r)).toMatchObject({ kind: 'exit', exitCode: 0 });
		});
	it('counts the same guest instructions in every mode', () => {
		const n = MODES.map((m) => TIMER.run(m).guestInstructions);
		expect(n[1]).toBe(n[0]);
		expect(n[2]).toBe(n[0]);
	});

	const sbiCalls = (r: VmRun) => decode(r.output).length + 4 + 1; // characters, 4 set_timer, shutdown

	it('native: no exits; SBI calls and the two machine timer interrupts are firmware calls', () => {
		const r = TIMER.run('native');
		expect(r.exits.count).toBe(0);
		expect(r.exits.firmwareCalls).toBe(sbiCalls(r) + 2);
	});

	it('hw: two timer exits and two WFI exits; CSR accesses and SRET do not exit', () => {
		const r = TIMER.run('hw');
		expect(count(r, 'timer')).toBe(2);
		expect(count(r, 'wfi')).toBe(2);
		expect(count(r, 'sbi')).toBe(sbiCalls(r));
		for (const reason of ['csrAccess', 'sret', 'guestTrap'])
			expect(count(r, reason), reason).toBe(0);
	});

	it('trap: every privileged CSR access of the kernel exits (rdtime does not), as do both SRETs and WFIs', () => {
		const r = TIMER.run('trap');
		// _start: stvec, sie, sstatus, sip, sip, sstatus, sstatus… counted from the source:
		// main path 6 (csrw stvec, csrs sie, csrci sstatus, csrr sip ×2, csrsi sstatus), each trap 4.
		expect(count(r, 'csrAccess')).toBe(6 + 2 * 4);
		expect(count(r, 'sret')).toBe(2);
		expect(count(r, 'wfi')).toBe(2);
		expect(count(r, 'timer')).toBe(2);
		expect(count(r, 'sbi')).toBe(sbiCalls(r));
	});
});

// ---- Sv32, a user process, system calls, page faults, SUM ---------------------------------------

const PAGING = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	la t0, save
	csrw sscratch, t0

	# Page tables, written with paging off (physical addresses).
	la t0, root
	li t1, 0x200000cf         # megapage 0x8000_0000 → 0x8000_0000: V R W X A D, kernel only
	li t3, 0x800
	add t3, t0, t3
	sw t1, 0(t3)
	la t2, l0_user
	srli t2, t2, 2
	ori t2, t2, 1
	sw t2, 4(t0)              # root[1] → l0_user (0x0040_0000–0x007f_ffff)
	la t2, l0_io
	srli t2, t2, 2
	ori t2, t2, 1
	sw t2, 0x100(t0)          # root[0x40] → l0_io (0x1000_0000–0x103f_ffff)
	li t1, 0x040000c7         # the UART page: V R W A D
	la t2, l0_io
	sw t1, 0(t2)
	la t2, l0_user
	la t1, user_code
	srli t1, t1, 2
	ori t1, t1, 0x1b          # V R X U, A clear
	sw t1, 0(t2)
	la t1, user_data
	srli t1, t1, 2
	ori t1, t1, 0x17          # V R W U, A and D clear
	sw t1, 4(t2)
	la t0, root
	srli t0, t0, 12
	li t1, 0x80000000
	or t0, t0, t1
	csrw satp, t0
	sfence.vma

	la a0, msg_paging         # through the UART's page mapping
	li t1, UART
1:	lbu t2, 0(a0)
	beqz t2, 2f
	sb t2, 0(t1)
	addi a0, a0, 1
	j 1b
2:
	li t0, 0x00401000         # user memory with SUM clear: a load page fault, skipped
	lw t1, 0(t0)
	li t0, SUM
	csrs sstatus, t0
	li t0, 0x00401000         # with SUM set: readable
	lbu a0, 0(t0)
	li a7, 1
	ecall
	putc '\\n'
	li t0, SUM
	csrc sstatus, t0

	li t0, SPP                # enter the user program in U-mode
	csrc sstatus, t0
	li t0, 0x00400000
	csrw sepc, t0
	sret

trap:
	csrrw t6, sscratch, t6    # t6 = save area; sscratch = the interrupted t6
	sw ra, 0(t6)
	sw t0, 4(t6)
	sw t1, 8(t6)
	sw t2, 12(t6)
	sw a0, 16(t6)
	sw a1, 20(t6)
	sw t3, 24(t6)
	sw a7, 28(t6)
	sw t4, 32(t6)
	sw t5, 36(t6)
	csrr t0, scause
	li t1, 8
	beq t0, t1, syscall
	li t1, 13
	beq t0, t1, load_fault
	li t1, 15
	beq t0, t1, store_fault
unexpected:
	print msg_unexpected
	csrr a0, scause
	call puthex
	putc ' '
	csrr a0, sepc
	call puthex
	putc '\\n'
	shutdown 1

load_fault:
	csrr t0, sstatus
	andi t0, t0, SPP
	beqz t0, 1f
	print msg_sum0            # from S-mode: the SUM test
	j skip
1:	print msg_denied          # from U-mode: a kernel page
	csrr a0, stval
	call puthex
	putc '\\n'
	j skip

store_fault:
	csrr t0, stval
	li t1, 0x00402000
	bne t0, t1, unexpected
	la t0, l0_user
	la t1, spare
	srli t1, t1, 2
	ori t1, t1, 0xd7          # V R W U A D
	sw t1, 8(t0)              # l0_user[2]: map a fresh page, then retry the store
	sfence.vma
	print msg_mapped
	j restore

syscall:
	lw t0, 28(t6)             # the caller's a7
	li t1, 1
	beq t0, t1, sys_write
	li t1, 2
	beq t0, t1, sys_exit
	j unexpected
sys_write:                    # write(a0 = buffer, a1 = length) → length
	lw t3, 16(t6)
	lw t4, 20(t6)
	li t0, SUM
	csrs sstatus, t0
1:	beqz t4, 2f
	lbu a0, 0(t3)
	li a7, 1
	ecall
	addi t3, t3, 1
	addi t4, t4, -1
	j 1b
2:	li t0, SUM
	csrc sstatus, t0
	lw t0, 20(t6)
	sw t0, 16(t6)
	j skip
sys_exit:
	print msg_exit
	lw a0, 16(t6)
	call puthex
	print msg_ad              # the A and D bits the hardware (or monitor) set for the user
	la t0, l0_user
	lw a0, 0(t0)
	andi a0, a0, 0xc0
	call puthex
	putc ' '
	la t0, l0_user
	lw a0, 4(t0)
	andi a0, a0, 0xc0
	call puthex
	putc '\\n'
	shutdown 0

skip:
	csrr t0, sepc
	addi t0, t0, 4
	csrw sepc, t0
restore:
	lw ra, 0(t6)
	lw t0, 4(t6)
	lw t1, 8(t6)
	lw t2, 12(t6)
	lw a0, 16(t6)
	lw a1, 20(t6)
	lw t3, 24(t6)
	lw a7, 28(t6)
	lw t4, 32(t6)
	lw t5, 36(t6)
	csrrw t6, sscratch, t6
	sret

	.balign 4096
user_code:                    # runs at 0x0040_0000 in U-mode
	li a0, 0x00401000
	li a1, 16
	li a7, 1
	ecall                     # write(user_data, 16)
	mv s0, a0
	li t0, 0x00401800
	li t1, 0x55
	sb t1, 0(t0)              # dirties the data page
	li t0, 0x00402000
	li t1, 42
	sw t1, 0(t0)              # not mapped yet: the kernel maps a page and the store is retried
	lw s1, 0(t0)
	li t0, 0x80000000
	lw t1, 0(t0)              # kernel memory: refused, and skipped by the kernel
	add a0, s0, s1            # 16 + 42
	li a7, 2
	ecall                     # exit(58)
1:	j 1b
	.balign 4096

	.data
	.balign 4096
user_data:
	.ascii "hello from user\\n"
	.balign 4096
msg_paging:	.asciz "paging on\\n"
msg_sum0:	.asciz "sum=0 fault\\n"
msg_denied:	.asciz "denied "
msg_mapped:	.asciz "mapped\\n"
msg_exit:	.asciz "exit "
msg_ad:		.asciz " A/D "
msg_unexpected:	.asciz "unexpected trap "

	.bss
	.balign 4096
root:		.zero 4096
l0_user:	.zero 4096
l0_io:		.zero 4096
spare:		.zero 4096
save:		.zero 64
`);
const PAGING_OUT = [
	'paging on',
	'sum=0 fault',
	'h',
	'hello from user',
	'mapped',
	'denied 80000000',
	'exit 0000003a A/D 00000040 000000c0',
	''
].join('\n');

describe('paging kernel: Sv32, a user process, system calls, a demand-paged store, SUM', () => {
	sameEverywhere(PAGING, PAGING_OUT);

	const sbiCalls = PAGING_OUT.length - 'paging on\n'.length + 1;

	it('native: no exits', () => {
		const r = PAGING.run('native');
		expect(r.exits.count).toBe(0);
		expect(r.exits.firmwareCalls).toBe(sbiCalls);
	});

	it('hw: the user’s system calls and page faults, the kernel’s CSR accesses and SRETs make no exit', () => {
		const r = PAGING.run('hw');
		for (const reason of [
			'guestTrap',
			'csrAccess',
			'sret',
			'sfence',
			'hiddenPageFault',
			'pageTableWrite'
		])
			expect(count(r, reason), reason).toBe(0);
		expect(count(r, 'sbi')).toBe(sbiCalls);
		expect(count(r, 'mmio')).toBe('paging on\n'.length);
		expect(count(r, 'guestPageFault')).toBeGreaterThan(0);
	});

	it('trap: user traps are reflected, every privileged instruction of the kernel exits', () => {
		const r = PAGING.run('trap');
		// Reflected: the kernel's SUM fault, write, the store fault, the refused load, exit.
		expect(count(r, 'guestTrap')).toBe(5);
		// The first entry to user mode, then a return from each trap but exit.
		expect(count(r, 'sret')).toBe(5);
		expect(count(r, 'sfence')).toBe(2);
		// _start: stvec, sscratch, satp, sstatus ×3, sepc = 7. Each trap: csrrw + csrr scause on
		// entry, csrrw on return; plus SUM fault: sstatus, sepc ×2 (6 in all); write: sstatus ×2,
		// sepc ×2 (7); store fault: stval (4); refused load: sstatus, stval, sepc ×2 (7); exit: 2.
		expect(count(r, 'csrAccess')).toBe(7 + 6 + 7 + 4 + 7 + 2);
		expect(count(r, 'pageTableWrite')).toBe(1); // the kernel's store to l0_user[2]
		expect(count(r, 'mmio')).toBe('paging on\n'.length);
		expect(count(r, 'sbi')).toBe(sbiCalls);
		expect(count(r, 'hiddenPageFault')).toBeGreaterThan(0);
	});
});

// ---- counters: scounteren governs the user's rdtime (§4.1.5) ----------------------------------

const COUNTERS = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	csrw scounteren, zero     # the user may not read cycle, time or instret
	li t0, SPP
	csrc sstatus, t0
	la t0, user
	csrw sepc, t0
	sret                      # paging off: the user runs on physical addresses
trap:
	csrr t0, scause
	li t1, 8
	beq t0, t1, done
	print msg_trap
	csrr a0, scause
	call puthex
	putc '\\n'
	li t0, 2                  # TM: now the user may read time; the rdtime is retried
	csrw scounteren, t0
	sret
done:
	print msg_done
	shutdown 0
user:
	rdtime a0
	ecall
1:	j 1b

	.data
msg_trap:	.asciz "trap "
msg_done:	.asciz "time read\\n"
`);

describe('counter kernel: scounteren.TM clear makes the user’s rdtime an illegal instruction', () => {
	sameEverywhere(COUNTERS, 'trap 00000002\ntime read\n');
});

// ---- sstatus.MXR applies to user loads too (§4.1.1) --------------------------------------------

const MXR_KERNEL = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	la t0, root
	li t1, 0x200000cf         # kernel megapage, as in the paging kernel
	li t3, 0x800
	add t3, t0, t3
	sw t1, 0(t3)
	la t2, l0_user
	srli t2, t2, 2
	ori t2, t2, 1
	sw t2, 4(t0)
	la t2, l0_user
	la t1, user_code
	srli t1, t1, 2
	ori t1, t1, 0x5b          # V R X U A
	sw t1, 0(t2)
	la t1, xonly
	srli t1, t1, 2
	ori t1, t1, 0x59          # V X U A: execute-only
	sw t1, 4(t2)
	la t0, root
	srli t0, t0, 12
	li t1, 0x80000000
	or t0, t0, t1
	csrw satp, t0
	sfence.vma
	li t0, MXR
	csrs sstatus, t0          # first round: MXR set
	j to_user
trap:
	csrr t0, scause
	li t1, 8
	beq t0, t1, ecall_from_user
	print msg_fault
	csrr a0, scause
	call puthex
	putc '\\n'
	shutdown 0
ecall_from_user:
	print msg_read
	li t0, MXR
	csrc sstatus, t0          # second round: MXR clear, the same load must fault
to_user:
	li t0, SPP
	csrc sstatus, t0
	li t0, 0x00400000
	csrw sepc, t0
	sret

	.balign 4096
user_code:
	li t0, 0x00401000
	lw a0, 0(t0)              # loads from an execute-only page: allowed only with MXR
	ecall
1:	j 1b
	.balign 4096
xonly:
	.word 0x12345678
	.balign 4096

	.data
msg_read:	.asciz "read with MXR\\n"
msg_fault:	.asciz "fault without MXR: "

	.bss
	.balign 4096
root:		.zero 4096
l0_user:	.zero 4096
`);

describe('MXR kernel: a user load from an execute-only page succeeds with MXR and faults once it is cleared', () => {
	sameEverywhere(MXR_KERNEL, 'read with MXR\nfault without MXR: 0000000d\n');
});

// ---- an AMO on a page-table entry (Linux updates PTEs with AMOs) ---------------------------------

const AMO_PTE = kernel(`
	.text
	.globl _start
_start:
	la t0, root
	li t1, 0x200000cf
	li t3, 0x800
	add t3, t0, t3
	sw t1, 0(t3)
	srli t0, t0, 12
	li t1, 0x80000000
	or t0, t0, t1
	csrw satp, t0
	sfence.vma
	la t0, root
	addi t0, t0, 0x7fc        # root[0x1ff], an unused entry
	li t1, 0x40
	amoor.w t2, t1, (t0)      # an atomic read-modify-write of a root PTE
	lw a0, 0(t0)
	call puthex
	putc ' '
	la t0, root
	addi t0, t0, 0x7f8        # root[0x1fe], with LR/SC
1:	lr.w t2, (t0)
	ori t2, t2, 0x80
	sc.w t3, t2, (t0)
	bnez t3, 1b
	lw a0, 0(t0)
	call puthex
	putc '\\n'
	shutdown 0

	.bss
	.balign 4096
root:		.zero 4096
`);

describe('AMO kernel: atomics on the kernel’s own root page table complete', () => {
	sameEverywhere(AMO_PTE, '00000040 00000080\n');
});

// ---- a page table outside RAM: an access fault, not a page fault (§4.3.2 step 2) ---------------

const PT_OUTSIDE_RAM = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	la t0, root
	li t1, 0x200000cf
	li t3, 0x800
	add t3, t0, t3
	sw t1, 0(t3)
	li t1, 0x00100001         # root[1] → a level-0 table at 0x0040_0000, where there is no memory
	sw t1, 4(t0)
	srli t0, t0, 12
	li t1, 0x80000000
	or t0, t0, t1
	csrw satp, t0
	sfence.vma
	li t0, 0x00400000
	lw t1, 0(t0)
	print msg_none
	shutdown 1
trap:
	print msg_trap
	csrr a0, scause
	call puthex
	putc ' '
	csrr a0, stval
	call puthex
	putc '\\n'
	shutdown 0

	.data
msg_trap:	.asciz "trap "
msg_none:	.asciz "no trap\\n"

	.bss
	.balign 4096
root:		.zero 4096
`);

describe('a page-table walk that reads outside RAM raises a load access fault', () => {
	sameEverywhere(PT_OUTSIDE_RAM, 'trap 00000005 00400000\n');
});

// ---- interrupt priority: SSI before STI (§4.1.3) ------------------------------------------------

const SOFT_AND_TIMER = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	li t0, 0x22
	csrs sie, t0              # SSIE and STIE; SIE stays clear
	set_timer_in 1
	wfi                       # until STIP is pending
	csrsi sip, 2              # SSIP, written by the kernel itself
	csrr a0, sip
	andi a0, a0, 0x222
	call puthex
	putc '\\n'
	csrsi sstatus, 2          # both pending: SSI is taken first, then STI
	print msg_done
	shutdown 0
trap:
	csrr a0, scause
	call puthex
	putc '\\n'
	csrr t0, scause
	li t1, 0x80000001
	bne t0, t1, 1f
	csrci sip, 2              # acknowledge the software interrupt
	sret
1:	set_timer_never           # acknowledge the timer
	sret

	.data
msg_done:	.asciz "done\\n"
`);

describe('interrupt kernel: a pending software and timer interrupt are taken SSI first', () => {
	sameEverywhere(SOFT_AND_TIMER, '00000022\n80000001\n80000005\ndone\n');
});

// ---- a user process's WFI is illegal when S-mode exists (§3.3.3) --------------------------------

const USER_WFI = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	set_timer_in 1000         # armed, so a WFI that were executed would not wait forever
	li t0, SPP
	csrc sstatus, t0
	la t0, user
	csrw sepc, t0
	sret
trap:
	csrr t0, scause
	li t1, 8
	beq t0, t1, done
	print msg_trap
	csrr a0, scause
	call puthex
	putc '\\n'
	csrr t0, sepc
	addi t0, t0, 4
	csrw sepc, t0
	sret
done:
	print msg_done
	shutdown 0
user:
	wfi
	ecall
1:	j 1b

	.data
msg_trap:	.asciz "trap "
msg_done:	.asciz "done\\n"
`);

describe('user WFI kernel: WFI in a user process raises an illegal instruction in the kernel', () => {
	sameEverywhere(USER_WFI, 'trap 00000002\ndone\n');
});

// ---- device registers read with every load width ------------------------------------------------

const UART_WIDTHS = kernel(`
	.text
	.globl _start
_start:
	li s0, UART
	lb a0, 2(s0)              # IIR = 0xc1 (FIFOs enabled, no interrupt)
	call puthex
	putc ' '
	lbu a0, 2(s0)
	call puthex
	putc ' '
	lh a0, 2(s0)
	call puthex
	putc ' '
	lhu a0, 2(s0)
	call puthex
	putc ' '
	li t0, 0x80
	sb t0, 4(s0)              # MCR = 0x80
	lw a0, 4(s0)
	call puthex
	putc '\\n'
	shutdown 0
`);

describe('UART widths kernel: byte, halfword and word loads of UART registers', () => {
	// A byte register read with a wider load gives that byte, zero-extended, then sign-extended
	// from the width of the load (as the machine's bus does natively).
	sameEverywhere(UART_WIDTHS, 'ffffffc1 000000c1 000000c1 000000c1 00000080\n');
});

// ---- holes in the physical map ----------------------------------------------------------------

const HOLES = kernel(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	li t0, 0x90000000         # past the end of 128 MiB of RAM
	lw t1, 0(t0)
	li t0, 0x00200000         # no device there
	sw t1, 0(t0)
	shutdown 0
trap:
	csrr a0, scause
	call puthex
	putc ' '
	csrr a0, stval
	call puthex
	putc '\\n'
	csrr t0, sepc
	addi t0, t0, 4
	csrw sepc, t0
	sret
`);

describe('holes kernel: loads and stores where there is neither RAM nor a device are access faults', () => {
	sameEverywhere(HOLES, '00000005 90000000\n00000007 00200000\n');
});

// ---- runs that do not finish -------------------------------------------------------------------

describe('guests that never finish', () => {
	const LOOP = `
	.text
	.globl _start
_start:
1:	j 1b
`;
	for (const mode of MODES) {
		it(`${mode}: a guest that loops forever stops at the budget`, () => {
			const r = run(mode, build(LOOP), { maxInsns: 50_000 });
			expect(r.outcome).toEqual({ kind: 'budget', budget: 50_000 });
			expect(r.guestInstructions).toBeLessThanOrEqual(50_000);
		});

		it(`${mode}: a budget of 0 runs nothing`, () => {
			const r = run(mode, build(LOOP), { maxInsns: 0 });
			expect(r.outcome).toEqual({ kind: 'budget', budget: 0 });
			expect(r.guestInstructions).toBe(0);
		});

		it(`${mode}: a guest that WFIs with no timer armed ends with an error naming WFI`, () => {
			const r = run(
				mode,
				build(`
	.text
	.globl _start
_start:
	li t0, 0x20
	csrs sie, t0
1:	wfi
	j 1b
`),
				{ maxInsns: 100_000 }
			);
			expect(r.outcome.kind).not.toBe('budget');
			expect(describeOutcome(r)).toMatch(/WFI/);
		});

		it(`${mode}: a guest that disarms its timer with set_timer(-1) ("infinitely far", SBI §6.1) and WFIs waits forever, with no timer interrupt`, () => {
			const r = run(
				mode,
				build(`
	.text
	.globl _start
_start:
	la t0, trap
	csrw stvec, t0
	li t0, 0x20
	csrs sie, t0
	csrsi sstatus, 2
	set_timer_never
1:	wfi
	j 1b
trap:
	putc 'T'
	shutdown 1
`),
				{ maxInsns: 100_000 }
			);
			expect(decode(r.output)).toBe('');
			expect(r.outcome.kind === 'exit' && r.outcome.exitCode === 0).toBe(false);
			expect(describeOutcome(r)).toMatch(/WFI/);
		});
	}
});

// ---- bad input -------------------------------------------------------------------------------

describe('bad input is refused with one line, never an exception', () => {
	const good = () => build('\t.text\n\t.globl _start\n_start:\n\tshutdown 0\n');
	const refused = (options: Partial<VmOptions>) => {
		const r = runVm({ mode: 'trap', kernel: { image: good() }, maxInsns: 1000, ...options });
		expect(r.ok).toBe(false);
		if (r.ok) return '';
		expect(r.error).not.toMatch(/\n/);
		expect(r.error.length).toBeGreaterThan(10);
		return r.error;
	};

	it('non-ELF bytes', () => {
		for (const mode of MODES) {
			expect(
				refused({
					mode,
					kernel: {
						elf: new TextEncoder().encode('#!/bin/sh\necho this is not a kernel\n'.repeat(4))
					}
				})
			).toMatch(/ELF/);
			expect(refused({ mode, kernel: { elf: new Uint8Array(0) } })).toMatch(/ELF/);
		}
	});

	it('a 64-bit ELF', () => {
		const h = new Uint8Array(64);
		h.set([0x7f, 0x45, 0x4c, 0x46, 2 /* ELFCLASS64 */, 1 /* little-endian */, 1 /* EV_CURRENT */]);
		const dv = new DataView(h.buffer);
		dv.setUint16(16, 2, true); // ET_EXEC
		dv.setUint16(18, 243, true); // EM_RISCV
		dv.setUint32(20, 1, true); // e_version
		dv.setBigUint64(24, 0x80000000n, true); // e_entry
		dv.setBigUint64(32, 64n, true); // e_phoff
		dv.setUint16(52, 64, true); // e_ehsize
		dv.setUint16(54, 56, true); // e_phentsize
		dv.setUint16(56, 0, true); // e_phnum
		for (const mode of MODES)
			expect(refused({ mode, kernel: { elf: h } })).toMatch(/ELF32|class|64/i);
	});

	it('a kernel outside guest RAM, or whose entry point is not in it', () => {
		const low = build('\t.text\n\t.globl _start\n_start:\n\tj _start\n');
		for (const s of low.sections) s.address = s.address - 0x80000000 + 0x1000;
		for (const mode of MODES) {
			expect(refused({ mode, kernel: { image: { ...low, entry: 0x1000 } } })).toMatch(
				/outside|RAM/
			);
			expect(refused({ mode, kernel: { image: { ...good(), entry: 0x90000000 } } })).toMatch(
				/entry/
			);
			expect(refused({ mode, kernel: { image: { ...good(), entry: 0x80000002 } } })).toMatch(
				/entry/
			);
		}
		// Past the end of a small guest's RAM.
		const high = build('\t.text\n\t.globl _start\n_start:\n\tj _start\n');
		for (const s of high.sections) s.address += 4 << 20;
		expect(
			refused({ mode: 'hw', ramSize: 4 << 20, kernel: { image: { ...high, entry: 0x80400000 } } })
		).toMatch(/outside|RAM/);
	});

	it('a kernel that leaves no room for the device tree', () => {
		const big = build('\t.text\n\t.globl _start\n_start:\n\tj _start\n\t.zero 0x3ff000\n');
		expect(refused({ mode: 'native', ramSize: 4 << 20, kernel: { image: big } })).toMatch(
			/device tree/
		);
	});

	it('a bad RAM size', () => {
		for (const ramSize of [
			0,
			1 << 20,
			3 << 20,
			(4 << 20) + 4096,
			6 << 20,
			-(4 << 20),
			1.5,
			NaN,
			Infinity,
			2 ** 31
		])
			for (const mode of MODES)
				expect(refused({ mode, ramSize }), `${ramSize}`).toMatch(/memory|RAM/i);
	});

	it('a bad budget', () => {
		for (const maxInsns of [-1, 1.5, NaN, Infinity, 2 ** 53])
			expect(refused({ maxInsns }), `${maxInsns}`).toMatch(/budget/);
	});

	it('accepts the largest RAM size', () => {
		const r = runVm({
			mode: 'native',
			ramSize: 2 ** 31 - (8 << 20),
			kernel: { image: good() },
			maxInsns: 1000
		});
		expect(r.ok && r.run.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
	});

	it('accepts the smallest RAM size (4 MiB) with a small kernel', () => {
		for (const mode of MODES) {
			const r = runVm({ mode, ramSize: 4 << 20, kernel: { image: good() }, maxInsns: 1000 });
			expect(r.ok ? r.run.outcome : r.error, mode).toMatchObject({ kind: 'exit', exitCode: 0 });
		}
	});
});

// ---- the test finisher and SRST end the run with the guest's status ------------------------------

describe('how a guest ends', () => {
	for (const mode of MODES) {
		it(`${mode}: the test finisher's fail code and SRST's system failure become the exit code`, () => {
			const finisher = run(
				mode,
				build(
					'\t.text\n\t.globl _start\n_start:\n\tli t0, 0x100000\n\tli t1, 0x00073333\n\tsw t1, 0(t0)\n1:\tj 1b\n'
				)
			);
			expect(finisher.outcome).toMatchObject({ kind: 'exit', exitCode: 7 });
			const pass = run(
				mode,
				build(
					'\t.text\n\t.globl _start\n_start:\n\tli t0, 0x100000\n\tli t1, 0x5555\n\tsw t1, 0(t0)\n1:\tj 1b\n'
				)
			);
			expect(pass.outcome).toMatchObject({ kind: 'exit', exitCode: 0 });
			const failure = run(mode, build('\t.text\n\t.globl _start\n_start:\n\tshutdown 1\n'));
			expect(failure.outcome).toMatchObject({ kind: 'exit', exitCode: 1 });
		});
	}
});
