# paging.s — Sv32 virtual memory: build a two-level page table, turn paging on, use a virtual
# address, and handle a page fault by mapping the missing page ("demand paging").
#
# Sv32 (Privileged spec §4.3) splits a 32-bit virtual address into VPN[1] (bits 31:22), VPN[0]
# (bits 21:12) and a 12-bit page offset. satp holds the physical page number of the root table;
# VPN[1] picks one of its 1024 four-byte PTEs. A PTE whose R, W and X bits are all 0 points to
# the next level, where VPN[0] picks the PTE of a 4 KiB page; a PTE with R, W or X set is a leaf
# already: at the root that maps a whole 4 MiB "megapage". PTE bits (Figure 4.18):
#   31:10 PPN | 9:8 RSW | 7 D | 6 A | 5 G | 4 U | 3 X | 2 W | 1 R | 0 V
# M-mode never translates (§3.1.6.3), so M-mode builds the tables, then runs S-mode code with
# paging on. The trace shows the hart reading exactly the PTEs built here.

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333

	.equ PTE_V, 0x01                # valid
	.equ PTE_R, 0x02                # readable
	.equ PTE_W, 0x04                # writable
	.equ PTE_X, 0x08                # executable
	.equ PTE_A, 0x40                # accessed: set here already, so the hart need not set it
	.equ PTE_D, 0x80                # dirty: likewise (§4.3.1 lets hardware or software do it)
	.equ VA, 0x40000000             # the virtual page we use: VPN[1] = 0x100, VPN[0] = 0
	.equ SATP_SV32, 1 << 31         # satp.MODE = 1: Sv32
	.equ CAUSE_STORE_PAGE_FAULT, 15
	.equ CAUSE_ECALL_S, 9
	.equ MPP_S, 0x0800

	# PTE that points at the page at `label`, with `flags`, into t0: PPN = address >> 12, at bit 10.
	.macro PTE label, flags
	la t0, \label
	srli t0, t0, 12
	slli t0, t0, 10
	ori t0, t0, \flags
	.endm

	.text
	.globl _start
# ---- M-mode: build the page table.
_start:
	li t0, -1                       # PMP: let S-mode reach all memory (for QEMU; §3.7)
	csrw pmpaddr0, t0
	li t0, 0x1f
	csrw pmpcfg0, t0
	la sp, stack_top
	la t0, m_trap
	csrw mtvec, t0
	la t0, s_trap
	csrw stvec, t0
	li t0, (1 << 12) | (1 << 13) | (1 << CAUSE_STORE_PAGE_FAULT)
	csrw medeleg, t0                # page faults (fetch, load, store) go to S-mode (§3.1.8)

	la s0, root
	# root[0x200]: the megapage 0x80000000–0x803fffff, mapped to itself, so the code, data and
	# stack keep their addresses once paging is on. A megapage's PPN[0] must be 0 (§4.3.2 step 6).
	li t0, (0x80000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
	li t1, 0x200 * 4
	add t1, s0, t1
	sw t0, 0(t1)
	# root[0x040]: the megapage of the UART, 0x10000000, also mapped to itself (not executable).
	li t0, (0x10000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	sw t0, 0x040 * 4(s0)
	# root[0x100]: a pointer (R = W = X = 0) to the second-level table l0, for VA's 4 MiB.
	PTE l0, PTE_V
	sw t0, 0x100 * 4(s0)
	# l0[0]: VA 0x40000000 → data_page, readable and writable. l0[1] (VA + 0x1000) stays 0:
	# invalid, so the first access there faults.
	PTE data_page, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	la t1, l0
	sw t0, 0(t1)

	la t0, data_page                # something to find at VA, stored by its physical address
	li t1, 0x600dcafe
	sw t1, 0(t0)

	srli t0, s0, 12                 # satp = Sv32 | root's physical page number (ASID 0)
	li t1, SATP_SV32
	or t0, t0, t1
	csrw satp, t0
	sfence.vma                      # forget any translation cached before (§4.2.1)

	li t0, 0x1800                   # enter S-mode at s_main (MPP = S, then MRET)
	csrc mstatus, t0
	li t0, MPP_S
	csrs mstatus, t0
	la t0, s_main
	csrw mepc, t0
	mret

# M-mode's trap handler: S-mode's ecall at the end asks to power off.
m_trap:
	csrr t0, mcause
	li t1, CAUSE_ECALL_S
	bne t0, t1, fail
	la a0, m_text                   # M-mode reads the page the fault handler mapped, by its
	call puts                       # physical address: the store through VA + 0x1000 is there
	la t0, spare_page
	lw a0, 0(t0)
	call print_hex
	li a0, '\n'
	call putc
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# ---- S-mode: from here on every fetch, load and store is translated.
s_main:
	la a0, load_text
	call puts
	li t0, VA
	lw a0, 0(t0)                    # walk: root[0x100] → l0[0] → data_page
	call print_hex
	li a0, '\n'
	call putc

	li t0, VA + 0x1000
	li t1, 0x12345678
	sw t1, 0(t0)                    # l0[1] is invalid: store page fault, then the store again
	lw a0, 0(t0)
	mv s1, a0
	la a0, again_text
	call puts
	mv a0, s1
	call print_hex
	li a0, '\n'
	call putc
	ecall                           # done: ask M-mode to power off
	j fail

# S-mode's trap handler. The fault came from S-mode itself, so it can keep using the same stack.
s_trap:
	addi sp, sp, -16
	sw ra, 12(sp)
	sw t0, 8(sp)
	sw t1, 4(sp)
	sw a0, 0(sp)
	csrr t0, scause
	li t1, CAUSE_STORE_PAGE_FAULT
	bne t0, t1, fail
	csrr t0, stval                  # the virtual address that faulted (§4.1.9)
	li t1, VA + 0x1000
	bne t0, t1, fail                # only that page may fault in this program
	la a0, fault_text
	call puts
	csrr a0, stval
	call print_hex
	li a0, '\n'
	call putc

	PTE spare_page, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	la t1, l0
	sw t0, 4(t1)                    # l0[1]: VA + 0x1000 → spare_page
	sfence.vma                      # make the new PTE visible to the hart's translation (§4.2.1)
	lw a0, 0(sp)
	lw t1, 4(sp)
	lw t0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	sret                            # sepc still points at the store: it runs again, and works

# ---- Printing (works with paging on or off: the UART and this code are mapped to themselves).
print_hex:                          # print_hex(value in a0): "0x" and eight hex digits
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	sw s1, 4(sp)
	mv s0, a0
	li a0, '0'
	call putc
	li a0, 'x'
	call putc
	li s1, 28                       # shift for the top digit; then 24, 20, … 0
1:	srl t0, s0, s1
	andi t0, t0, 15
	la t1, hex_digits
	add t1, t1, t0
	lbu a0, 0(t1)
	call putc
	addi s1, s1, -4
	bgez s1, 1b
	lw s1, 4(sp)
	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

puts:                               # puts(zero-terminated string in a0)
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call putc
	addi s0, s0, 1
	j 1b
2:	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

putc:                               # putc(byte in a0); uses t0 and t1 only
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
hex_digits:	.ascii "0123456789abcdef"
load_text:	.asciz "S-mode, paging on: load from virtual 0x40000000 = "
fault_text:	.asciz "page fault (scause 15, a store); mapping the page at stval = "
again_text:	.asciz "the store ran again; load from virtual 0x40001000 = "
m_text:		.asciz "M-mode: the page mapped on demand holds (physical address) "

	.bss
	.align 12                       # page tables and pages: 4 KiB aligned (§4.3.1)
root:		.space 4096
l0:		.space 4096
data_page:	.space 4096
spare_page:	.space 4096
		.space 1024
stack_top:
