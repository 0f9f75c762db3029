# proc.s — processes and the scheduler.
#
# A process is an address space (its own page table, vm.s) plus a saved register set (its trap
# frame) plus a state. The table has NPROC entries; `current` points at the one whose registers
# the hardware holds (or held, when the kernel runs).
#
# Scheduling is round robin: on every timer interrupt, yield, exit or blocking wait the kernel
# picks the next RUNNABLE entry after the current one, cyclically. Switching to a process is
# three privileged operations: satp (its address space), sscratch (its frame, for the next trap)
# and, in trap_leave, sepc and SRET.
#
# ASIDs (§4.1.11): satp carries a 9-bit address-space identifier, and the TLB keeps translations
# of different ASIDs apart, so a switch needs no TLB flush. Each process's ASID is its pid
# (mod 512); the TLB is flushed when a process is created, in case an earlier process with the
# same ASID left translations behind, and its ASID's translations when it exits.

	.text
# proc_create(program in a0, argument in a1, parent pid in a2) → pid in a0, or -1
proc_create:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	sw s3, 16(sp)
	sw s4, 20(sp)
	sw s5, 24(sp)
	sw s6, 28(sp)
	mv s1, a1                       # s1 = argument
	mv s2, a2                       # s2 = parent
	la t0, programs                 # the program: programs[0] = how many, then (start, end)
	lw t1, 0(t0)
	bgeu a0, t1, create_fail
	slli a0, a0, 3
	add t0, t0, a0
	lw s3, 4(t0)                    # s3 = start of the program in the kernel image
	lw s4, 8(t0)                    # s4 = its end

	la s0, proc_table               # s0 = a FREE entry
	li t1, NPROC * PROC_SIZE
	add t1, s0, t1
1:	lw t0, P_STATE(s0)
	beqz t0, 2f                     # FREE = 0
	addi s0, s0, PROC_SIZE
	bltu s0, t1, 1b
	j create_fail                   # the table is full

2:	mv a0, s0                       # clear the entry: frame, pid, parent, everything
	li a1, PROC_SIZE
	call memzero
	call vm_create                  # vm.s: a root page table holding the kernel's mappings
	beqz a0, create_fail
	sw a0, P_ROOT(s0)

	# Copy the program, page by page, into fresh pages mapped from USER_TEXT up.
	li s5, USER_TEXT                # s5 = where the next page goes
3:	bgeu s3, s4, 4f
	call page_alloc
	beqz a0, create_undo
	mv s6, a0                       # s6 = the page
	mv a1, s3                       # copy up to a page (the rest of a last, short page stays 0)
	sub a2, s4, s3
	li t0, PAGE_SIZE
	bleu a2, t0, 5f
	mv a2, t0
5:	call memcopy                    # memcopy(to a0, from a1, bytes a2)
	mv a0, s0
	mv a1, s5
	mv a2, s6
	li a3, USER_RWX                 # code and data share pages: readable, writable, executable
	call vm_map
	bnez a0, create_undo_page
	li t0, PAGE_SIZE
	add s3, s3, t0
	add s5, s5, t0
	j 3b

4:	call page_alloc                 # the top page of the stack; the rest comes on demand
	beqz a0, create_undo
	mv s6, a0
	mv a2, a0
	mv a0, s0
	li a1, USER_STACK_TOP - PAGE_SIZE
	li a3, USER_RW
	call vm_map
	bnez a0, create_undo_page

	la t0, next_pid                 # give it a pid and an ASID …
	lw a0, 0(t0)
	addi t1, a0, 1
	sw t1, 0(t0)
	sw a0, P_PID(s0)
	sw s2, P_PARENT(s0)
	andi t0, a0, 0x1ff              # … satp = Sv32 | ASID << 22 | root PPN
	slli t0, t0, 22
	lw t1, P_ROOT(s0)
	srli t1, t1, 12
	or t0, t0, t1
	li t1, SATP_SV32
	or t0, t0, t1
	sw t0, P_SATP(s0)
	# Fence before it first runs: order all the stores to its new tables before the MMU walks
	# them, and drop whatever an earlier process with the same ASID left in the TLB. It must be
	# a full fence: the root's copies of the kernel's entries are global, and a fence for one
	# ASID does not order global mappings (§4.2.1).
	tlb_flush_all

	li t0, USER_TEXT                # the first return to user mode enters the program
	sw t0, FRAME_PC(s0)
	li t0, USER_STACK_TOP
	sw t0, FRAME_SP(s0)
	sw s1, FRAME_A0(s0)             # with a0 = the argument
	li t0, RUNNABLE
	sw t0, P_STATE(s0)
	j create_done                   # a0 = pid

create_undo_page:                       # out of memory half-way: give back what we took
	mv a0, s6
	call page_free
create_undo:
	lw a0, P_ROOT(s0)
	call vm_destroy
create_fail:
	li a0, -1
create_done:
	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	lw s3, 16(sp)
	lw s4, 20(sp)
	lw s5, 24(sp)
	lw s6, 28(sp)
	addi sp, sp, 32
	ret

# proc_exit(process in a0, code in a1, checksum in a2): the process ends. Its memory goes back
# to the free list at once; the entry stays, as a ZOMBIE, until its parent's wait() or the final
# report reads the exit code.
proc_exit:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	mv s0, a0
	sw a1, P_CODE(s0)
	sw a2, P_CHECKSUM(s0)

	# Leave the address space before freeing it: run on the kernel's own table, then flush the
	# process's ASID so that no translation into its pages survives their reuse.
	la t0, kernel_satp
	lw t0, 0(t0)
	satp_write t0
	lw t0, P_PID(s0)
	andi t0, t0, 0x1ff
	tlb_flush_asid t0
	lw a0, P_ROOT(s0)
	call vm_destroy                 # vm.s: free every page and table
	li t0, ZOMBIE
	sw t0, P_STATE(s0)

	# Its children become the kernel's (parent 0), and its parent wakes up if it waits for it.
	lw t2, P_PID(s0)
	lw t3, P_PARENT(s0)
	la t0, proc_table
	li t1, NPROC * PROC_SIZE
	add t1, t0, t1
1:	lw t4, P_PARENT(t0)
	bne t4, t2, 2f
	sw zero, P_PARENT(t0)
2:	lw t4, P_PID(t0)
	bne t4, t3, 3f
	lw t4, P_STATE(t0)
	li t5, WAITING
	bne t4, t5, 3f
	lw t4, P_WAITFOR(t0)
	bne t4, t2, 3f
	li t4, RUNNABLE                 # it will run its wait() again and find us a ZOMBIE
	sw t4, P_STATE(t0)
3:	addi t0, t0, PROC_SIZE
	bltu t0, t1, 1b
	lw ra, 0(sp)
	lw s0, 4(sp)
	addi sp, sp, 16
	ret

# proc_wait(process in a0, child pid in a1): the wait() system call.
# A child that has exited is reaped: the caller gets 0, its exit code in a1 and checksum in a2,
# and the entry becomes FREE. A child still running blocks the caller: it becomes WAITING, its pc
# goes back onto the ECALL, and another process runs; when the child exits, proc_exit makes the
# caller RUNNABLE and it executes the same wait() again, which now succeeds. (Restarting the
# call this way spares the kernel from keeping a blocked call's state on a kernel stack.)
proc_wait:
	la t0, proc_table
	li t1, NPROC * PROC_SIZE
	add t1, t0, t1
	lw t2, P_PID(a0)
1:	lw t3, P_STATE(t0)              # find an entry in use with pid a1 whose parent is us
	beqz t3, 2f
	lw t4, P_PID(t0)
	bne t4, a1, 2f
	lw t4, P_PARENT(t0)
	beq t4, t2, 3f
2:	addi t0, t0, PROC_SIZE
	bltu t0, t1, 1b
	li a0, -1                       # no such child
	ret
3:	li t4, ZOMBIE
	bne t3, t4, 4f
	lw t4, P_CODE(t0)               # reap it
	sw t4, FRAME_A1(a0)
	lw t4, P_CHECKSUM(t0)
	sw t4, FRAME_A2(a0)
	sw zero, P_STATE(t0)            # FREE
	li a0, 0
	ret
4:	li t4, WAITING                  # block until it exits
	sw t4, P_STATE(a0)
	sw a1, P_WAITFOR(a0)
	lw t4, FRAME_PC(a0)
	addi t4, t4, -4                 # back onto the ECALL
	sw t4, FRAME_PC(a0)
	j schedule

# schedule: run the next RUNNABLE process after the current one (round robin). Never returns.
# With none left, every process has exited: print the report and power off.
schedule:
	la t0, proc_table
	li t1, NPROC * PROC_SIZE
	add t1, t0, t1                  # t1 = end of the table
	la t2, current
	lw t2, 0(t2)
	mv t3, t2                       # t3 = the entry to start after: the current one, or
	bnez t3, 1f                     # before the first process ran, the last one (so that
	addi t3, t1, -PROC_SIZE         # the search starts at the first)
1:	li t4, NPROC                    # look at every entry once, the current one last
2:	addi t3, t3, PROC_SIZE
	bltu t3, t1, 3f
	mv t3, t0                       # wrap around
3:	lw t5, P_STATE(t3)
	li t6, RUNNABLE
	beq t5, t6, switch_to
	addi t4, t4, -1
	bnez t4, 2b
	j report                        # nobody can run

# switch_to(process in t3, current in t2): make it the current process and resume it.
switch_to:
	beq t3, t2, 1f                  # the same one again: nothing to switch
	la t0, current
	sw t3, 0(t0)
	lw t0, P_SATP(t3)
	satp_write t0                   # its address space (no flush: ASIDs keep them apart)
	csr_write sscratch, t3          # its frame, for the next trap
1:	mv a0, t3
	j return_to_user                # trap.s

# report: the end. One line per process still in the table, in pid order:
#   "pid 1 exit 0 checksum 0x1234abcd", or "pid 2 killed: scause 15 stval 0x00000000"
# then shut down: exit status 0 if every process exited with code 0, else 1 (SBI SRST
# "system failure"). A process that is WAITING here waits for a child that cannot exit: a bug.
report:
	li s0, 1                        # s0 = pid
	li s3, 0                        # s3 = exit status of the machine
1:	la t0, next_pid
	lw t0, 0(t0)
	bgeu s0, t0, 9f
	la s1, proc_table               # find the entry with pid s0, if it is still there
	li t1, NPROC * PROC_SIZE
	add t1, s1, t1
2:	lw t0, P_STATE(s1)
	beqz t0, 3f
	lw t2, P_PID(s1)
	beq t2, s0, 4f
3:	addi s1, s1, PROC_SIZE
	bltu s1, t1, 2b
	j 8f                            # reaped by its parent: the parent reported on it
4:	li t2, WAITING
	beq t0, t2, deadlock
	la a0, report_pid
	call kputs
	mv a0, s0
	call kput_dec
	lw s2, P_CODE(s1)
	lw t0, P_KILLED(s1)
	bnez t0, 5f
	la a0, report_exit             # " exit "
	call kputs
	mv a0, s2
	call kput_dec
	la a0, report_checksum         # " checksum "
	call kputs
	lw a0, P_CHECKSUM(s1)
	call kput_hex
	j 6f
5:	la a0, report_killed           # " killed: scause "
	call kputs
	lw a0, P_CAUSE(s1)
	call kput_dec
	la a0, report_stval            # " stval "
	call kputs
	lw a0, P_TVAL(s1)
	call kput_hex
6:	li a0, '\n'
	call kputc
	beqz s2, 8f
	li s3, 1
8:	addi s0, s0, 1
	j 1b
9:	la a0, report_done             # "kernel: all processes have exited, pages in use: 0"
	call kputs
	la a0, pages_used               # (every process's memory was freed when it exited:
	lw a0, 0(a0)                    # anything but 0 is a leak)
	call kput_dec
	li a0, '\n'
	call kputc
	mv a0, s3
	call sbi_shutdown               # sbi.s: does not return

deadlock:
	la a0, deadlock_msg
	j panic

	.data
	.balign 4
current:  .word 0                       # the running process's entry (0 before the first)
next_pid: .word 1
report_pid:      .asciz "pid "
report_exit:     .asciz " exit "
report_checksum: .asciz " checksum "
report_killed:   .asciz " killed: scause "
report_stval:    .asciz " stval "
report_done:     .asciz "kernel: all processes have exited, pages in use: "
deadlock_msg:    .asciz "a process waits for a child that cannot exit"

	.bss
	.balign 4
proc_table:
	.space NPROC * PROC_SIZE
