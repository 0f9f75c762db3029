# syscall.s — the system calls (their numbers and arguments: abi.s).
#
# An ECALL from U-mode arrives as exception 8 with sepc pointing at the ECALL itself (§4.1.7):
# the kernel must move the saved pc past it, or the process would call again forever. Each
# handler is an ordinary function: a0 = the calling process, a1–a3 = the user's a0–a2; the value
# it returns goes back to the user in a0. Handlers that switch processes (yield, exit, a wait
# that blocks) jump to schedule instead of returning.

	.text
syscall:                                # a0 = the current process
	lw t0, FRAME_PC(a0)
	addi t0, t0, 4                  # resume after the ECALL
	sw t0, FRAME_PC(a0)
	lw t0, FRAME_A7(a0)             # the call number
	li a1, -1
	li t1, NSYSCALLS
	bgeu t0, t1, 1f                 # unknown: return -1
	slli t0, t0, 2
	la t1, syscall_table
	add t1, t1, t0
	lw t1, 0(t1)
	lw a1, FRAME_A0(a0)             # the user's arguments
	lw a2, FRAME_A1(a0)
	lw a3, FRAME_A2(a0)
	jalr t1                         # a0 = handler(process, arg0, arg1, arg2)
	mv a1, a0
1:	la t0, current                  # the result goes into the caller's a0
	lw a0, 0(t0)
	sw a1, FRAME_A0(a0)
	j return_to_user

	.data
	.balign 4
syscall_table:
	.word sys_bad, sys_write, sys_getpid, sys_yield, sys_exit
	.word sys_map, sys_unmap, sys_spawn, sys_wait

	.text
sys_bad:
	li a0, -1
	ret

sys_getpid:
	lw a0, P_PID(a0)
	ret

sys_yield:
	sw zero, FRAME_A0(a0)           # yield returns 0
	j schedule

sys_exit:                               # exit(code, checksum)
	call proc_exit                  # proc.s: a0 = process, a1 = code, a2 = checksum
	j schedule

# write(buf, len): copy the user's bytes into the kernel, then print them.
#
# The kernel may not trust a user pointer. It checks that the buffer lies in user space and that
# every page of it is mapped readable for U-mode, by walking the page table in software. Then it
# reads the bytes with sstatus.SUM = 1: without SUM, an S-mode access to a U page faults
# (§4.1.1, "Memory Privilege in sstatus"), which catches kernel bugs that follow user pointers by
# mistake, so the kernel sets SUM only around the copy.
.equ KBUF_SIZE, 128
sys_write:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	sw s3, 16(sp)
	sw s4, 20(sp)
	sw s5, 24(sp)
	mv s0, a0                       # s0 = process
	mv s1, a1                       # s1 = buf
	mv s2, a2                       # s2 = len
	mv s3, zero                     # s3 = bytes written so far
	add s5, s1, s2                  # s5 = end = buf + len, which must not wrap around
	bltu s5, s1, write_fault
	li t0, USER_TOP
	bgtu s5, t0, write_fault
	srli s4, s1, 12                 # s4 = each page from buf's up to end
	slli s4, s4, 12
1:	bgeu s4, s5, write_copy
	mv a0, s0
	mv a1, s4
	call vm_lookup                  # vm.s: a0 = the PTE that maps va a1, or 0
	andi a0, a0, PTE_V | PTE_R | PTE_U
	li t0, PTE_V | PTE_R | PTE_U
	bne a0, t0, write_fault
	li t0, PAGE_SIZE
	add s4, s4, t0
	j 1b

write_copy:                             # copy and print up to KBUF_SIZE bytes at a time
	sub t0, s2, s3                  # t0 = bytes left
	beqz t0, write_done
	li t1, KBUF_SIZE
	bleu t0, t1, 2f
	mv t0, t1
2:	add t1, s1, s3                  # t1 = user source
	la t2, kbuf                     # t2 = kernel destination
	add t3, t2, t0                  # t3 = its end
	li t4, SSTATUS_SUM
	csr_set sstatus, t4             # open the window on user memory …
3:	lbu t5, 0(t1)
	sb t5, 0(t2)
	addi t1, t1, 1
	addi t2, t2, 1
	bltu t2, t3, 3b
	csr_clear sstatus, t4           # … and close it
	add s3, s3, t0
	la a0, kbuf
	mv a1, t0
	call kwrite                     # console.s
	j write_copy

write_done:
	mv a0, s3
	j 4f
write_fault:
	li a0, -1
4:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	lw s3, 16(sp)
	lw s4, 20(sp)
	lw s5, 24(sp)
	addi sp, sp, 32
	ret

# map(va): a fresh page at va. unmap(va): remove it. Only page-aligned user addresses.
sys_map:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	mv s0, a0
	mv s1, a1
	mv a0, a1
	call user_page_ok
	beqz a0, 1f
	call page_alloc                 # vm.s: a zeroed page, or 0
	beqz a0, 1f
	mv s2, a0
	mv a0, s0
	mv a1, s1
	mv a2, s2
	li a3, USER_RW
	call vm_map                     # vm.s: 0, or -1 if va is already mapped
	beqz a0, 2f
	mv a0, s2
	call page_free
1:	li a0, -1
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	addi sp, sp, 16
	ret

sys_unmap:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	mv s0, a0
	mv s1, a1
	mv a0, a1
	call user_page_ok
	beqz a0, 1f
	mv a0, s0
	mv a1, s1
	call vm_unmap                   # vm.s: 0, or -1 if nothing is mapped there
	j 2f
1:	li a0, -1
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 16
	ret

# user_page_ok(va) → 1 if va is a page-aligned address in user space, else 0.
user_page_ok:
	li t0, PAGE_SIZE - 1
	and t0, a0, t0
	bnez t0, 1f
	li t0, USER_TEXT
	bltu a0, t0, 1f
	li t0, USER_TOP
	bgeu a0, t0, 1f
	li a0, 1
	ret
1:	li a0, 0
	ret

sys_spawn:                              # spawn(program, arg)
	lw a3, P_PID(a0)
	mv a0, a1                       # program
	mv a1, a2                       # arg
	mv a2, a3                       # parent = the caller
	j proc_create                   # proc.s: returns the pid or -1

sys_wait:                               # wait(pid)
	j proc_wait                     # proc.s

	.bss
kbuf:	.space KBUF_SIZE
