# pagetouch — one process touching PAGES fresh pages of its heap: demand paging.
#
# Each first access to a page of the heap region raises a page fault; the kernel allocates a
# zeroed page, maps it, and the access runs again (kernel/vm.s, page_fault). Then the process
# reads every page back. Under hardware assistance each new page also costs the hypervisor a
# G-stage fault the first time the guest kernel touches it (to zero it); under trap-and-emulate
# every page-table write of the kernel is a trap of its own.
#
# With SCALE > 1 the process does SCALE rounds over the same PAGES pages, unmapping them between
# rounds so that the next round faults again (the heap is 8 MiB: it could not hold them all).

.include "workloads/user.s"
.equ PAGES, 200

	.text
prog_pagetouch:
	li s0, FNV_OFFSET               # s0 = checksum
	li s5, SCALE                    # s5 = rounds left
	li s4, PAGE_SIZE
	li s3, PAGES
round:
	li s1, USER_HEAP                # s1 = the page to touch
	li s2, 0                        # s2 = its number
1:	slli t0, s2, 4                  # a different word in each page: offset (16·i) mod 2048
	andi t0, t0, 0x7f0
	add t0, s1, t0
	lw t1, 0(t0)                    # a fresh page reads as zero (a load fault maps it) …
	add t1, t1, s2
	sw t1, 0(t0)                    # … and now holds i
	add s1, s1, s4
	addi s2, s2, 1
	bltu s2, s3, 1b

	li s1, USER_HEAP                # read them all back
	li s2, 0
2:	slli t0, s2, 4
	andi t0, t0, 0x7f0
	add t0, s1, t0
	lw t1, 0(t0)
	fnv s0, t1, t2
	add s1, s1, s4
	addi s2, s2, 1
	bltu s2, s3, 2b

	addi s5, s5, -1                 # another round?
	beqz s5, 4f
	li s1, USER_HEAP                # then give the pages back first
3:	mv a0, s1
	sys SYS_UNMAP
	add s1, s1, s4
	li t0, USER_HEAP + PAGES * PAGE_SIZE
	bltu s1, t0, 3b
	j round

4:	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_pagetouch_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_pagetouch, prog_pagetouch_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "pagetouch"
