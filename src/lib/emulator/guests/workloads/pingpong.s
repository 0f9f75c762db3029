# pingpong — two processes handing the processor to each other with yield(), ROUNDS times each.
#
# With two runnable processes, each yield switches address spaces: satp and sscratch change and
# the other process resumes. The ASID in satp lets both keep their translations in the TLB.
# Neither prints anything while running: which of them gets ahead depends on timer interrupts,
# so the kernel reports both checksums at the end, in pid order.

.include "workloads/user.s"
.equ ROUNDS, 1000 * SCALE

	.text
prog_pingpong:                          # a0 = 1 for ping, 2 for pong
	mv s2, a0
	li s0, FNV_OFFSET               # s0 = checksum
	li s1, 0                        # s1 = round
	li s3, ROUNDS
1:	sys SYS_YIELD                   # a0 = 0
	add t1, s1, s2
	fnv s0, t1, t0
	addi s1, s1, 1
	bltu s1, s3, 1b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_pingpong_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_pingpong, prog_pingpong_end
boot_programs:
	.word 0, 1                      # ping
	.word 0, 2                      # pong
	.word -1
workload_name: .asciz "pingpong"
