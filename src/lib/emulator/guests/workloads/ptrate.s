# ptrate — one process alternating reads of a working set with page-table updates, RATE map and
# unmap pairs per block of reads: the page-table update rate as a parameter.
#
# Each of BLOCKS blocks reads the first word of each of WSET heap pages, PASSES times over (more
# pages than the TLB holds, so the reads miss and walk the tables), then maps a page at VA, stores
# to it, loads it back and unmaps it, RATE times (as ptemod does: the kernel writes a PTE and
# fences, twice).
# RATE 0 is pure translation work, where shadow paging's short walks win; as RATE grows, every
# PTE write the guest kernel makes is an exit under trap-and-emulate (write-protected tables,
# shadow-paging.md) but none under two-stage translation: the crossover of VMware's RVI/EPT
# whitepapers (2008, 2009).
#
# RATE, WSET, PASSES and BLOCKS are parameters (buildGuest's `params`); SCALE multiplies the blocks.

.include "workloads/user.s"
.ifndef RATE
.equ RATE, 1
.endif
.ifndef WSET
.equ WSET, 128
.endif
.ifndef PASSES
.equ PASSES, 4
.endif
.ifndef BLOCKS
.equ BLOCKS, 100
.endif
.equ VA, 0x02000000                     # outside the demand-paged region

	.text
prog_ptrate:
	li s0, FNV_OFFSET               # s0 = checksum
	li s6, BLOCKS * SCALE           # s6 = blocks left
	li s5, PAGE_SIZE
	li s7, 0                        # s7 = updates so far
block:
	li s8, PASSES                   # read the working set PASSES times
0:	li s1, USER_HEAP
	li s2, WSET
1:	lw t1, 0(s1)                    # a fresh page reads as zero, and stays zero
	add s0, s0, t1
	add s1, s1, s5
	addi s2, s2, -1
	bnez s2, 1b
	addi s8, s8, -1
	bnez s8, 0b

	li s2, RATE                     # then RATE map/unmap pairs
	beqz s2, 3f
	li s3, VA
2:	mv a0, s3
	sys SYS_MAP
	fnv s0, a0, t0                  # 0 if it worked
	lw t1, 0(s3)                    # a fresh page: 0
	fnv s0, t1, t0
	addi s7, s7, 1
	sw s7, 0(s3)
	lw t1, 0(s3)
	fnv s0, t1, t0
	mv a0, s3
	sys SYS_UNMAP
	fnv s0, a0, t0
	addi s2, s2, -1
	bnez s2, 2b

3:	addi s6, s6, -1
	bnez s6, block
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_ptrate_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_ptrate, prog_ptrate_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "ptrate"
