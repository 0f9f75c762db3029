# wset — one process touching WSET pages of its heap round robin, ROUNDS times over: TLB misses.
#
# Each touch adds one to the first word of a page (a load and a store to the same page), then
# moves to the next page, wrapping after WSET pages. The first round faults every page in
# (demand paging); after it nothing changes in the page tables, so what remains is the hardware's
# address translation. While WSET pages fit in the TLB (64 entries by default) the touches hit;
# above it, in a direct-mapped TLB, nearly every touch misses and walks the page tables: 2 PTE
# reads natively or under shadow paging, up to 8 under two-stage translation (§9.5). At the end
# the process folds every page's count into its checksum.
#
# WSET and ROUNDS are parameters (buildGuest's `params`); SCALE multiplies the rounds.

.include "workloads/user.s"
.ifndef WSET
.equ WSET, 128
.endif
.ifndef ROUNDS
.equ ROUNDS, 200
.endif
.equ TOUCHES, WSET * ROUNDS * SCALE

	.text
prog_wset:
	li s0, FNV_OFFSET               # s0 = checksum
	li s1, USER_HEAP                # s1 = the page to touch
	li s2, 0                        # s2 = its number
	li s3, WSET
	li s4, TOUCHES                  # s4 = touches left
	li s5, PAGE_SIZE
1:	lw t1, 0(s1)                    # a fresh page reads as zero (a load fault maps it)
	addi t1, t1, 1
	sw t1, 0(s1)
	add s1, s1, s5
	addi s2, s2, 1
	bltu s2, s3, 2f
	li s1, USER_HEAP                # wrap around to the first page
	li s2, 0
2:	addi s4, s4, -1
	bnez s4, 1b

	li s1, USER_HEAP                # fold the counts into the checksum
	li s2, 0
3:	lw t1, 0(s1)
	fnv s0, t1, t2
	add s1, s1, s5
	addi s2, s2, 1
	bltu s2, s3, 3b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_wset_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_wset, prog_wset_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "wset"
