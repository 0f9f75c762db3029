# trap.s — the single door into the kernel.
#
# After boot the kernel runs only because of a trap (§4.1.2, §3.1.6.1): a user process executed
# ECALL, touched a page it may not, or the timer interrupted it. The hardware then
#   - saves the user pc in sepc, the reason in scause and the faulting address in stval,
#   - sets sstatus.SPP = 0 (it came from U-mode), SPIE = SIE and SIE = 0,
#   - and jumps to stvec in S-mode, with every register still holding user values.
# The vector saves the registers in the process's frame and dispatches on scause. Every path out
# ends in trap_leave (through return_to_user or switch_to), which restores a frame and executes
# SRET. The handlers it jumps to (syscall, page_fault, kill, schedule) are not functions: each
# starts on an empty kernel stack, may use any register, and never returns.

	.text
	.balign 4                       # stvec needs a 4-byte-aligned address
trap_vector:
	trap_enter                      # priv.s: sp = the frame, all user registers saved in it
	mv a0, sp                       # a0 = the frame = the current process's table entry
	la sp, kernel_stack_top         # a fresh kernel stack for every trap

	# A trap whose pc lies in the kernel (0x8000_0000 and up, negative as a signed number)
	# came from the kernel itself: a kernel bug, since it never takes interrupts or faults.
	lw t0, FRAME_PC(a0)
	bltz t0, kernel_trap

	csr_read t0, scause
	bltz t0, interrupt              # bit 31 set: an interrupt (§4.1.8)
	li t1, EXC_ECALL_U
	bne t0, t1, 1f
	j syscall                       # syscall.s (a jump: the PV build puts it out of a branch's reach)
1:	li t1, EXC_LOAD_PAGE_FAULT
	beq t0, t1, 2f
	li t1, EXC_STORE_PAGE_FAULT
	beq t0, t1, 2f
	mv a1, t0                       # anything else (an illegal instruction, a misaligned
	j kill                          # access, an instruction page fault): the process dies
2:	j page_fault                    # vm.s: demand paging

interrupt:
	slli t0, t0, 1                  # drop the interrupt bit
	srli t0, t0, 1
	li t1, IRQ_S_TIMER
	bne t0, t1, unexpected          # the kernel enables no other interrupt
	# The time slice is over. Ask for the next timer interrupt (which also withdraws this one)
	# and run the next process in turn; the current one stays RUNNABLE.
	call timer_arm                  # sbi.s
	j schedule                      # proc.s

# kill(frame in a0, scause in a1): a process did something the kernel will not fix. Its exit
# code becomes -1, and the fault is kept for the final report (printing it now would put the
# line wherever the scheduler happened to be, and the output must not depend on timing).
kill:
	mv s0, a0
	mv s1, a1
	csr_read s2, stval
	sw s1, P_CAUSE(s0)
	sw s2, P_TVAL(s0)
	li t0, 1
	sw t0, P_KILLED(s0)
	li a1, -1                       # exit code
	li a2, 0                        # checksum
	call proc_exit
	j schedule

# A trap from S-mode. trap_enter has saved the kernel's registers over the current process's
# frame, which is lost; print what happened and stop the machine.
kernel_trap:
	la a0, kernel_trap_msg
	call kputs
	csr_read a0, scause
	call kput_hex
	la a0, kernel_trap_sepc
	call kputs
	csr_read a0, sepc
	call kput_hex
	la a0, kernel_trap_stval
	call kputs
	csr_read a0, stval
	call kput_hex
	li a0, '\n'
	call kputc
	li a0, 1
	call sbi_shutdown               # does not return

unexpected:
	la a0, unexpected_msg
	j panic

# panic(message): the kernel cannot go on.
panic:
	mv s0, a0
	la a0, panic_msg
	call kputs
	mv a0, s0
	call kputs
	li a0, '\n'
	call kputc
	li a0, 1
	call sbi_shutdown

# return_to_user(process in a0): resume the process (the current one) where its frame says.
return_to_user:
	trap_leave a0

	.data
kernel_trap_msg:   .asciz "kernel panic: trap in the kernel, scause "
kernel_trap_sepc:  .asciz " sepc "
kernel_trap_stval: .asciz " stval "
panic_msg:         .asciz "kernel panic: "
unexpected_msg:    .asciz "an interrupt the kernel did not enable"
