# traps.s — privilege modes, system calls and trap delegation.
#
# Three programs share this file, one per privilege level (Privileged spec §1.2):
#   M-mode  "firmware": sets up, hands exceptions from U-mode to S-mode, powers off at the end;
#   S-mode  a tiny kernel: serves system calls;
#   U-mode  a user program: may only compute and ask the kernel for services with ECALL.
# ECALL raises an exception, "environment call from U-mode" (cause 8), "from S-mode" (cause 9),
# and so on (Table 3.6). Every trap goes to M-mode unless medeleg delegates it (§3.1.8): here
# medeleg bit 8 sends U-mode's ecalls straight to S-mode, and M-mode sees only S-mode's.
# The run takes exactly three traps: ecall from U (to S), again (to S), ecall from S (to M).

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333      # exit code in bits 31:16, here 1

	.equ CAUSE_ECALL_U, 8
	.equ CAUSE_ECALL_S, 9
	.equ MSTATUS_MPP, 0x1800        # mstatus bits 12:11: the mode MRET returns to
	.equ MPP_S, 0x0800              # … 01 = S-mode
	.equ SSTATUS_SPP, 0x100         # sstatus bit 8: the mode SRET returns to (0 = U-mode)

	.equ SYS_WRITE, 1               # our system calls: number in a7, argument in a0
	.equ SYS_EXIT, 2

	.text
	.globl _start
# ---- M-mode: the machine starts here.
_start:
	li t0, -1                       # PMP: let S and U reach all memory (one NAPOT region, RWX).
	csrw pmpaddr0, t0               # This machine does not check PMP, but real hardware and
	li t0, 0x1f                     # QEMU do (§3.7): without it, S-mode could not even fetch.
	csrw pmpcfg0, t0

	la sp, m_stack_top
	la t0, m_trap
	csrw mtvec, t0                  # where traps into M-mode go
	li t0, 1 << CAUSE_ECALL_U
	csrw medeleg, t0                # U-mode ecalls go to S-mode instead (§3.1.8)
	la t0, s_trap
	csrw stvec, t0                  # where traps into S-mode go
	la t0, s_stack_top
	csrw sscratch, t0               # the kernel's stack, for its trap handler

	li t0, MSTATUS_MPP              # MRET "returns" to the mode in mstatus.MPP, at mepc:
	csrc mstatus, t0                # that is how M-mode enters a less privileged mode (§3.3.2)
	li t0, MPP_S
	csrs mstatus, t0
	la t0, s_main
	csrw mepc, t0
	mret

# M-mode's trap handler: the only trap it expects is the kernel's ecall asking to power off.
m_trap:
	csrr t0, mcause
	li t1, CAUSE_ECALL_S
	bne t0, t1, fail
	la a0, m_text
	call puts
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# ---- S-mode: the kernel. It enters U-mode the same way, with SRET (sepc, sstatus.SPP).
s_main:
	la a0, s_start_text
	call puts                       # S-mode may touch the UART: paging is off (satp = 0)
	li t0, SSTATUS_SPP
	csrc sstatus, t0                # SPP = 0: SRET goes to U-mode
	la t0, u_main
	csrw sepc, t0
	sret

# The kernel's trap handler. It must not disturb the user program, so it switches to its own
# stack (sscratch holds the kernel stack pointer; CSRRW swaps it with the user's sp in one
# instruction) and saves every register it uses.
s_trap:
	csrrw sp, sscratch, sp
	addi sp, sp, -32
	sw ra, 0(sp)
	sw t0, 4(sp)
	sw t1, 8(sp)
	sw a0, 12(sp)
	sw s0, 16(sp)

	csrr t0, scause                 # why are we here? (§4.1.8)
	li t1, CAUSE_ECALL_U
	bne t0, t1, fail                # (fail is M-mode code, but nothing stops S-mode running it)
	li t1, SYS_WRITE
	beq a7, t1, sys_write
	li t1, SYS_EXIT
	beq a7, t1, sys_exit
	j fail

sys_write:                          # write(string in a0): print it for the user
	call puts
	csrr t0, sepc                   # sepc points at the ecall itself: return past it,
	addi t0, t0, 4                  # or the user would call again, forever
	csrw sepc, t0
	lw ra, 0(sp)
	lw t0, 4(sp)
	lw t1, 8(sp)
	lw a0, 12(sp)
	lw s0, 16(sp)
	addi sp, sp, 32
	csrrw sp, sscratch, sp          # the user's sp back, the kernel's back in sscratch
	sret

sys_exit:                           # exit(): the kernel asks M-mode to switch off, with its own
	la a0, s_exit_text              # ecall (cause 9, not delegated: M-mode handles it). An SBI
	call puts                       # firmware offers the same service (SBI SRST).
	ecall
	j fail                          # M-mode never returns here

# ---- U-mode: the user program. It cannot touch devices or CSRs; it asks the kernel.
u_main:
	la a0, u_text
	li a7, SYS_WRITE
	ecall                           # trap 1: cause 8, delegated to S-mode
	li a7, SYS_EXIT
	ecall                           # trap 2: cause 8 again; the kernel then takes trap 3 to M
1:	j 1b

# ---- Printing, shared by all three modes (it only touches the UART and its own stack frame).
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

putc:                               # putc(byte in a0)
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
s_start_text:	.asciz "S-mode: kernel started; entering U-mode with sret\n"
u_text:		.asciz "U-mode: hello, through the write system call\n"
s_exit_text:	.asciz "S-mode: exit from U-mode; asking M-mode to power off\n"
m_text:		.asciz "M-mode: ecall from S-mode (cause 9); powering off\n"

	.bss
	.align 4
		.space 1024
m_stack_top:
		.space 1024
s_stack_top:
