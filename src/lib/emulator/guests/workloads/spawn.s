# spawn — a parent creating CHILDREN processes, one after the other, and waiting for each.
#
# spawn() builds a whole address space (a root table with the kernel's entries, second-level
# tables, the program copied into fresh pages, a stack) and exit() tears it down again. Each
# child also grows its stack and heap by demand paging before it exits. The parent folds the
# children's checksums into its own; the kernel reports only the parent, whose wait() reaped
# the children.

.include "workloads/user.s"
.equ CHILDREN, 8 * SCALE

	.text
prog_parent:
	li s0, FNV_OFFSET               # s0 = checksum
	li s1, 0                        # s1 = child number
	li s2, CHILDREN
1:	li a0, 1                        # spawn(program 1, argument = child number)
	mv a1, s1
	sys SYS_SPAWN                   # a0 = the child's pid (2, 3, …)
	fnv s0, a0, t0
	sys SYS_WAIT                    # wait(pid) → a0 = 0, a1 = exit code, a2 = checksum
	fnv s0, a0, t0
	fnv s0, a1, t0
	fnv s0, a2, t0
	addi s1, s1, 1
	bltu s1, s2, 1b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_parent_end:

prog_child:                             # a0 = child number
	mv s1, a0
	li s0, FNV_OFFSET
	li t0, PAGE_SIZE                # a second stack page: a demand fault
	sub sp, sp, t0
	sw s1, 0(sp)
	li t0, USER_HEAP                # and a heap page: another
	sw s1, 0(t0)
	lw t1, 0(sp)
	lw t2, 0(t0)
	add t1, t1, t2
	fnv s0, t1, t0
	li t3, 1000                     # some arithmetic
1:	fnv s0, t3, t0
	addi t3, t3, -1
	bnez t3, 1b
	mv a0, s1                       # exit code: the child number
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_child_end:

	.data
	.balign 4
programs:
	.word 2
	.word prog_parent, prog_parent_end
	.word prog_child, prog_child_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "spawn"
