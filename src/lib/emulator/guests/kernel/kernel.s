# kernel.s — VirtLab's teaching kernel: boot.
#
# A small operating system for one RV32 hart, written to be read. It has what a hypervisor has to
# cope with in a real kernel, and little else:
#
#   trap.s     the trap vector: system calls, page faults and timer interrupts all enter here
#   vm.s       Sv32 paging: the page allocator, the kernel's page table, one table per process
#   proc.s     processes: create, exit, wait, and a round-robin scheduler driven by the timer
#   syscall.s  the system calls of abi.s
#   console.s  printing through the UART
#   sbi.s      the firmware calls: the timer and shutdown
#   priv.s     every privileged instruction, as macros (what a paravirtual port replaces)
#   pv.s       the paravirtual build's helpers (vmm/pv-abi.md; its PTE queue: pv-queue.s), only with PV
#
# The user programs it runs (a workload, workloads/*.s) are part of the same image: a table
# `programs` lists them and `boot_programs` says which to start.
#
# Calling convention inside the kernel: the standard RISC-V one (a0–a7 arguments and results,
# t0–t6 scratch, s0–s11 and ra preserved by whoever uses them). There is one kernel stack: the
# kernel never blocks in the middle of a call, it only ever returns to a user process.

.include "kernel/abi.s"
.include "kernel/defs.s"
.include "kernel/priv.s"

	.text
	.globl _start
# The firmware (or hypervisor) enters here in S-mode with the MMU off, a0 = hart id and
# a1 = the address of a device tree. (The PV build is entered in U-mode with paging on, on the
# monitor's boot table, and a2 = the shared page: vmm/pv-abi.md.) This kernel knows the QEMU virt memory map and does not
# read the device tree.
_start:
	la sp, kernel_stack_top
.ifdef PV
	mv a0, a2                       # the shared page (pv-abi.md), before any macro of priv.s
	call pv_init                    # pv.s
.endif

	# 1. Where traps go: stvec = trap_vector, direct mode (§4.1.2: the low two bits are MODE = 0,
	#    so every trap, interrupt or exception, jumps to the same address). Until a process runs,
	#    sscratch points at a spare frame, so that a kernel bug during boot still reaches the
	#    vector's panic message (trap.s) instead of trapping again and again.
	la t0, trap_vector
	csr_write stvec, t0
	la t0, boot_frame
	csr_write sscratch, t0

	# 2. Turn on paging with the kernel's page table (vm.s).
	call vm_init

	la a0, banner                  # "kernel: workload <name>"
	call kputs
	la a0, workload_name
	call kputs
	li a0, '\n'
	call kputc

	# 3. Start the workload's first processes.
	la s0, boot_programs            # pairs of (program index, argument), ending with -1
1:	lw a0, 0(s0)
	bltz a0, 2f
	lw a1, 4(s0)
	li a2, 0                        # parent 0: the kernel
	call proc_create
	bltz a0, boot_failed
	addi s0, s0, 8
	j 1b

	# 4. Interrupts: let the supervisor timer interrupt in (sie.STIE, §4.1.3). It is taken only
	#    in U-mode, since the kernel keeps sstatus.SIE = 0. And make SRET go to U-mode: SPP = 0.
2:	li t0, SIE_STIE
	csr_set sie, t0
	li t0, SSTATUS_SPP
	csr_clear sstatus, t0

	# 5. Arm the timer and run the first process (proc.s); the kernel never comes back here.
	call timer_arm
	j schedule

boot_failed:
	la a0, boot_failed_msg
	j panic

	.data
banner:          .asciz "kernel: workload "
boot_failed_msg: .asciz "cannot start the boot processes"

.include "kernel/trap.s"
.include "kernel/syscall.s"
.include "kernel/proc.s"
.include "kernel/vm.s"
.include "kernel/console.s"
.include "kernel/sbi.s"
.ifdef PV
.include "kernel/pv.s"
.endif

	.bss
	.balign 16
boot_frame:
	.space FRAME_SIZE
kernel_stack:
	.space 4096
kernel_stack_top:
