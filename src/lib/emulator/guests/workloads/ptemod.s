# ptemod — one process mapping and unmapping one page ROUNDS times: page-table updates.
#
# Each round is map(va) (the kernel allocates and zeroes a page, writes a PTE, fences), a store
# and a load in the new page, and unmap(va) (clear the PTE, fence, free the page). The page must
# read as zero each time: a stale TLB entry or a page not freed and zeroed would show up in the
# checksum. This is the workload where page-table write tracking (shadow paging) hurts most.

.include "workloads/user.s"
.equ ROUNDS, 500 * SCALE
.equ VA, 0x02000000                     # outside the demand-paged region

	.text
prog_ptemod:
	li s0, FNV_OFFSET               # s0 = checksum
	li s1, 0                        # s1 = round
	li s2, ROUNDS
	li s3, VA
1:	mv a0, s3
	sys SYS_MAP
	fnv s0, a0, t0                  # 0 if it worked
	lw t1, 0(s3)                    # a fresh page: 0
	fnv s0, t1, t0
	addi t1, s1, 1
	sw t1, 0(s3)
	lw t1, 0(s3)
	fnv s0, t1, t0
	mv a0, s3
	sys SYS_UNMAP
	fnv s0, a0, t0
	addi s1, s1, 1
	bltu s1, s2, 1b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_ptemod_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_ptemod, prog_ptemod_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "ptemod"
