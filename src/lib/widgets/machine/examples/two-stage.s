# two-stage.s — the hypervisor extension: run a guest in VS-mode with two-stage translation,
# and handle a guest-page fault in HS-mode the way KVM does, by backing the guest's memory on
# first touch.
#
# With the H extension (Privileged spec chapter 9), S-mode becomes HS-mode, the hypervisor's,
# and a guest kernel runs in VS-mode (V = 1). A guest's address goes through two translations
# (§9.5): the VS-stage, the guest's own Sv32 table (root in vsatp), turns a guest virtual address
# (GVA) into a guest physical address (GPA); the G-stage, the hypervisor's table (hgatp, "Sv32x4"),
# turns that GPA into a real (host) physical address. The VS-stage's own PTE reads are GPAs too,
# so they go through the G-stage as well. Sv32x4 is Sv32 with a 16 KiB root (2048 … 4096 PTEs:
# GPAs have 34 bits, and bits 33:22 index the root), and all G-stage leaves must have U set,
# since the G-stage treats every access as a user access (§9.5.1).
#
# M-mode delegates to HS-mode and enters it; HS-mode (the hypervisor) builds the tables and enters
# the guest with SRET and hstatus.SPV = 1. The guest loads from a GVA whose GPA the hypervisor
# has not backed yet: a load guest-page fault (cause 21) to HS-mode, with htval = GPA >> 2. The
# hypervisor maps the page and returns; the load runs again and works. The guest then ecalls
# (cause 10) and the hypervisor powers off.

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333

	.equ PTE_V, 0x01
	.equ PTE_R, 0x02
	.equ PTE_W, 0x04
	.equ PTE_X, 0x08
	.equ PTE_U, 0x10
	.equ PTE_A, 0x40
	.equ PTE_D, 0x80
	.equ MODE_ON, 1 << 31           # satp/vsatp MODE = Sv32, hgatp MODE = Sv32x4 (bit 31 on RV32)

	.equ GVA, 0x40000000            # the guest's virtual page…
	.equ GPA, 0x00400000            # …its guest physical page (G-stage root index 1, then 0)
	.equ CAUSE_ECALL_VS, 10
	.equ CAUSE_LOAD_GUEST_PAGE_FAULT, 21
	.equ HSTATUS_SPV, 1 << 7        # hstatus.SPV: SRET enters V = 1 (§9.2.1)
	.equ SSTATUS_SPP, 1 << 8        # sstatus.SPP: … in VS-mode (1) rather than VU-mode (0)

	# PTE that points at the page at `label`, with `flags`, into t0.
	.macro PTE label, flags
	la t0, \label
	srli t0, t0, 12
	slli t0, t0, 10
	ori t0, t0, \flags
	.endm

	.text
	.globl _start
# ---- M-mode: delegate the guest's traps to HS-mode and enter HS-mode.
_start:
	li t0, -1                       # PMP: let HS and VS reach all memory (for QEMU; §3.7)
	csrw pmpaddr0, t0
	li t0, 0x1f
	csrw pmpcfg0, t0
	la t0, fail
	csrw mtvec, t0                  # M-mode expects no trap at all
	li t0, (1 << CAUSE_ECALL_VS) | (1 << 20) | (1 << CAUSE_LOAD_GUEST_PAGE_FAULT) | (1 << 23)
	csrw medeleg, t0                # the guest's ecalls and guest-page faults go to HS-mode
	li t0, 0x1800                   # MPP = S and MPV = 0 (its reset value): MRET enters HS-mode
	csrc mstatus, t0
	li t0, 0x0800
	csrs mstatus, t0
	la t0, hs_main
	csrw mepc, t0
	mret

# ---- HS-mode: the hypervisor.
hs_main:
	la sp, hs_stack_top
	la t0, hs_trap
	csrw stvec, t0                  # at V = 0, stvec and sscratch are the hypervisor's own
	csrw sscratch, sp               # (hs_main's stack is free again once the guest runs)

	# The G-stage table (Sv32x4), the hypervisor's map of guest memory. GPA 0x80000000 (where the
	# guest's code is) and the UART's GPA are backed by the same host addresses, as megapages;
	# GPA 0x00400000 gets a second-level table with nothing in it yet.
	la s0, groot
	li t0, (0x80000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
	li t1, 0x200 * 4
	add t1, s0, t1
	sw t0, 0(t1)                    # groot[0x200]: GPA 0x80000000 → 0x80000000
	li t0, (UART >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
	sw t0, 0x040 * 4(s0)            # groot[0x040]: the UART, passed through to the guest
	PTE gl0, PTE_V
	sw t0, (GPA >> 22) * 4(s0)      # groot[1] → gl0, whose PTEs are all 0 (invalid)

	# The guest's own table (VS-stage). A guest kernel builds it itself, as paging.s does; here the
	# hypervisor writes it for the guest to keep the example short. Its addresses are GPAs.
	la s1, vroot
	li t0, (0x80000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
	li t1, 0x200 * 4
	add t1, s1, t1
	sw t0, 0(t1)                    # vroot[0x200]: GVA 0x80000000 → GPA 0x80000000
	li t0, (UART >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	sw t0, 0x040 * 4(s1)            # vroot[0x040]: the UART
	PTE vl0, PTE_V
	sw t0, (GVA >> 22) * 4(s1)      # vroot[0x100] → vl0
	la t1, vl0
	li t0, (GPA >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	sw t0, 0(t1)                    # vl0[0]: GVA 0x40000000 → GPA 0x00400000

	srli t0, s0, 12                 # hgatp = Sv32x4 | VMID 0 | groot's page number
	li t1, MODE_ON
	or t0, t0, t1
	csrw hgatp, t0
	srli t0, s1, 12                 # vsatp = Sv32 | vroot's guest physical page number
	or t0, t0, t1
	csrw vsatp, t0
	hfence.gvma                     # forget cached G-stage and guest translations (§9.3.2)

	la a0, hs_text
	call puts
	li t0, HSTATUS_SPV              # SRET enters the guest: V = 1 from hstatus.SPV,
	csrs hstatus, t0
	li t0, SSTATUS_SPP              # privilege S from sstatus.SPP, so VS-mode,
	csrs sstatus, t0
	la t0, guest_main               # at sepc
	csrw sepc, t0
	sret

# The hypervisor's trap handler: its own stack (swapped in from sscratch), its registers saved.
hs_trap:
	csrrw sp, sscratch, sp
	addi sp, sp, -16
	sw ra, 12(sp)
	sw t0, 8(sp)
	sw t1, 4(sp)
	sw a0, 0(sp)
	csrr t0, scause
	li t1, CAUSE_LOAD_GUEST_PAGE_FAULT
	beq t0, t1, guest_page_fault
	li t1, CAUSE_ECALL_VS
	bne t0, t1, fail
	la a0, exit_text                # the guest's ecall: done
	call puts
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

guest_page_fault:
	la a0, gpf_text                 # stval = the GVA; htval = the GPA shifted right by 2 (§9.2.9)
	call puts
	csrr a0, stval
	call print_hex
	la a0, gpa_text
	call puts
	csrr a0, htval
	slli a0, a0, 2
	call print_hex
	li a0, '\n'
	call putc
	csrr t0, htval                  # only GPA's page is ours to back
	slli t0, t0, 2
	li t1, GPA
	bne t0, t1, fail

	la t0, guest_page               # back the page: fill it, then map it in the G-stage
	li t1, 0x600dc0de
	sw t1, 0(t0)
	PTE guest_page, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
	la t1, gl0
	sw t0, 0(t1)                    # gl0[0]: GPA 0x00400000 → guest_page
	hfence.gvma                     # the G-stage changed: flush (§9.3.2)
	lw a0, 0(sp)
	lw t1, 4(sp)
	lw t0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	csrrw sp, sscratch, sp
	sret                            # hstatus.SPV = 1 still: back into the guest, at the load

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# ---- VS-mode: the guest. It sees only its own address space; it does not know about the G-stage.
guest_main:
	la sp, guest_stack_top
	li t0, GVA
	lw s1, 0(t0)                    # a guest-page fault the first time; then it reads 0x600dc0de
	la a0, guest_text
	call puts
	mv a0, s1
	call print_hex
	li a0, '\n'
	call putc
	ecall                           # cause 10: ecall from VS-mode, delegated to HS-mode

# ---- Printing, for every mode (the UART and this code have the same address in all of them).
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
	li s1, 28
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
hs_text:	.asciz "HS-mode: tables built; entering the guest with sret (hstatus.SPV = 1)\n"
guest_text:	.asciz "VS-mode: load from guest virtual 0x40000000 = "
gpf_text:	.asciz "HS-mode: guest-page fault (cause 21) at GVA "
gpa_text:	.asciz ", GPA "
exit_text:	.asciz "HS-mode: ecall from VS-mode (cause 10); powering off\n"

	.bss
	.align 14                       # the Sv32x4 root is 16 KiB and 16 KiB aligned (§9.5.1)
groot:		.space 16384
gl0:		.space 4096
vroot:		.space 4096
vl0:		.space 4096
guest_page:	.space 4096
		.space 1024
hs_stack_top:
		.space 1024
guest_stack_top:
