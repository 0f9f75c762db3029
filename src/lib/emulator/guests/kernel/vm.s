# vm.s — memory: physical pages, Sv32 page tables, demand paging.
#
# Physical pages. RAM from the end of the kernel image up to POOL_END is handed out one 4 KiB
# page at a time. A page given back goes on a free list (its first word points at the next free
# page); a request takes from the list first, and otherwise the next page never used. Never-used
# pages are not touched until they are needed, which matters under a hypervisor: the first touch
# of a guest page can cost an exit (hw mode maps it into the G-stage table then).
#
# Page tables (Sv32, §4.3). The kernel's own table maps RAM and the UART with 4 MiB megapages,
# identity-mapped (virtual = physical) and global. Each process gets a root table that starts as
# a copy of the kernel's entries, so the kernel is mapped in every address space and a trap needs
# no satp switch; the process's own pages hang below it in second-level tables. The kernel
# always knows a table by its physical address, which it can use as a pointer because of the
# identity mapping.
#
# When to fence (§4.2.1, SFENCE.VMA). The MMU may cache translations and may read page tables
# early, so after changing a PTE the kernel executes SFENCE.VMA before relying on the change:
# with the page's address after changing a leaf, with rs1 = zero after changing a non-leaf entry,
# and with the process's ASID (its mappings are not global). Only the running address space
# needs it at once; a new one is fenced as a whole before it first runs (proc_create).

	.text
# page_alloc() → a zeroed page in a0, or 0 when memory is exhausted
page_alloc:
	la t0, free_list
	lw a0, 0(t0)
	beqz a0, 1f
	lw t1, 0(a0)                    # pop the free list
	sw t1, 0(t0)
	j 2f
1:	la t0, pool_next                # or take a page never used
	lw a0, 0(t0)
	li t1, POOL_END
	bgeu a0, t1, 3f
	li t1, PAGE_SIZE
	add t1, a0, t1
	sw t1, 0(t0)
2:	la t0, pages_used
	lw t1, 0(t0)
	addi t1, t1, 1
	sw t1, 0(t0)
	li a1, PAGE_SIZE
	j memzero                       # memzero keeps a0
3:	li a0, 0
	ret

# page_free(page in a0): push it on the free list
page_free:
	la t0, free_list
	lw t1, 0(t0)
	sw t1, 0(a0)
	sw a0, 0(t0)
	la t0, pages_used
	lw t1, 0(t0)
	addi t1, t1, -1
	sw t1, 0(t0)
	ret

# memzero(to a0, bytes a1) and memcopy(to a0, from a1, bytes a2): whole words; a0 is kept
memzero:
	add t0, a0, a1
	mv t1, a0
1:	bgeu t1, t0, 2f
	sw zero, 0(t1)
	addi t1, t1, 4
	j 1b
2:	ret

memcopy:
	add t0, a0, a2
	mv t1, a0
1:	bgeu t1, t0, 2f
	lw t2, 0(a1)
	sw t2, 0(t1)
	addi a1, a1, 4
	addi t1, t1, 4
	j 1b
2:	ret

# vm_init: build the kernel's page table and turn on paging.
vm_init:
	addi sp, sp, -16
	sw ra, 0(sp)
.ifdef PV
	# Direct paging: no megapages over the page pool, no UART (pv.s: pv_vm_init).
	call pv_vm_init                 # a0 = the kernel's satp
	mv t0, a0
	la t1, kernel_satp
	sw t0, 0(t1)
.else
	la a0, kernel_root              # root entry i maps virtual [i·4 MiB, (i+1)·4 MiB)
	pt_alloc a0, 1
	li a1, RAM_BASE                 # the kernel's RAM: RAM_BASE…POOL_END, read/write/execute
	li a2, POOL_END
	li a3, KERNEL_RWX
	call map_megapages
	la a0, kernel_root              # the UART: one megapage, read/write (a device: no execute)
	li a1, UART_BASE
	li a2, UART_BASE + (4 << 20)
	li a3, KERNEL_RW
	call map_megapages
	la t0, kernel_root              # satp = Sv32, ASID 0, root PPN (§4.1.11)
	srli t0, t0, 12
	li t1, SATP_SV32
	or t0, t0, t1
	la t1, kernel_satp
	sw t0, 0(t1)
.endif
	# Fence first: writing satp does not order the stores above before the MMU's first walk of
	# the table, and that walk comes with the very next fetch (§4.1.11, §4.2.1).
	tlb_flush_all
	# From the next instruction on, every fetch and access is translated. This works because
	# the code that runs is identity-mapped: the next pc means the same before and after.
	satp_write t0
	lw ra, 0(sp)
	addi sp, sp, 16
	ret

# map_megapages(root a0, from a1, to a2, flags a3): identity-map [from, to) with megapages
map_megapages:
1:	bgeu a1, a2, 2f
	srli t0, a1, 22                 # t0 = VPN[1], the root index
	slli t0, t0, 2
	add t0, a0, t0                  # t0 = the root entry's address
	srli t1, a1, 2                  # PTE = (pa >> 2) | flags (defs.s)
	or t1, t1, a3
	pte_write t0, t1
	li t0, 4 << 20
	add a1, a1, t0
	j 1b
2:	ret

# vm_create() → a new root table in a0 holding the kernel's mappings, or 0
vm_create:
	addi sp, sp, -16
	sw ra, 0(sp)
	call page_alloc
	beqz a0, 2f
	pt_alloc a0, 1
	la t0, kernel_root              # copy every entry the kernel's root has (the new table
	li t1, PAGE_SIZE                # is zeroed, so the rest is already right)
	add t1, t0, t1
	mv t2, a0
1:	pte_read t3, t0
	beqz t3, 3f
	pte_write t2, t3
3:	addi t0, t0, 4
	addi t2, t2, 4
	bltu t0, t1, 1b
2:	lw ra, 0(sp)
	addi sp, sp, 16
	ret

# vm_destroy(root in a0): free a process's pages, its second-level tables and its root.
# The kernel's megapages are leaves in the root (R, W or X set) and are skipped; every other
# valid root entry below the kernel's half points at a second-level table of the process.
# The root stops being a page table first (pt_free): a monitor that counts which roots point at
# a second-level table (Xen) then lets each of those go in turn.
vm_destroy:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	sw s3, 16(sp)
	mv s0, a0                       # s0 = root
	pt_free s0
	mv s1, a0                       # s1 = root entry
1:	pte_read t0, s1
	andi t1, t0, PTE_V
	beqz t1, 4f
	andi t1, t0, PTE_R | PTE_W | PTE_X
	bnez t1, 4f                     # a kernel megapage
.ifdef PV
	li t1, ((RAM_BASE >> 22) & 0x3ff) * 4
	add t1, s0, t1
	bgeu s1, t1, 4f                 # the kernel's half: its direct map's tables (pv.s)
.endif
	srli s2, t0, 10                 # s2 = the second-level table
	slli s2, s2, 12
	mv s3, s2                       # s3 = its entry
2:	pte_read t0, s3
	andi t1, t0, PTE_V
	beqz t1, 3f
	srli a0, t0, 10                 # a mapped page: free it
	slli a0, a0, 12
	call page_free
3:	addi s3, s3, 4
	li t0, PAGE_SIZE
	add t0, s2, t0
	bltu s3, t0, 2b
	mv a0, s2                       # then the table itself
	pt_free a0
	call page_free
4:	addi s1, s1, 4
	li t0, PAGE_SIZE
	add t0, s0, t0
	bltu s1, t0, 1b
	mv a0, s0                       # and the root
	call page_free
	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	lw s3, 16(sp)
	addi sp, sp, 32
	ret

# vm_walk(root a0, va a1, create a2) → a0 = the address of the level-0 PTE for va, or 0;
# a1 = 1 if a new second-level table was installed. This is the walk of §4.3.2 done in software.
vm_walk:
	srli t0, a1, 22                 # the root entry: root + VPN[1]·4
	slli t0, t0, 2
	add t0, a0, t0
	pte_read t1, t0
	li a0, 0
	andi t2, t1, PTE_V
	beqz t2, 2f
	andi t2, t1, PTE_R | PTE_W | PTE_X
	bnez t2, 3f                     # a megapage (the kernel's): no level 0 here
	srli t1, t1, 10                 # the second-level table
	slli t1, t1, 12
	li t2, 0
	j 1f
2:	beqz a2, 3f                     # no table: make one?
	addi sp, sp, -16
	sw ra, 0(sp)
	sw t0, 4(sp)
	sw a1, 8(sp)
	call page_alloc
	lw ra, 0(sp)
	lw t0, 4(sp)
	lw a1, 8(sp)
	addi sp, sp, 16
	beqz a0, 3f
	mv t1, a0
	pt_alloc t1, 0
	srli t2, a0, 2                  # a non-leaf PTE: PPN | V, with R = W = X = 0
	ori t2, t2, PTE_V
	pte_write t0, t2
	li t2, 1
1:	srli t0, a1, 12                 # the entry: table + VPN[0]·4
	andi t0, t0, 0x3ff
	slli t0, t0, 2
	add a0, t1, t0
	mv a1, t2
3:	ret

# vm_lookup(process a0, va a1) → the PTE that maps va in its address space, or 0
vm_lookup:
	addi sp, sp, -16
	sw ra, 0(sp)
	lw a0, P_ROOT(a0)
	li a2, 0
	call vm_walk
	beqz a0, 1f
	pte_read a0, a0
1:	lw ra, 0(sp)
	addi sp, sp, 16
	ret

# vm_map(process a0, va a1, page a2, flags a3) → 0, or -1 if va is mapped already or no memory
vm_map:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	sw s3, 16(sp)
	mv s0, a0
	mv s1, a1
	mv s2, a2
	mv s3, a3
	lw a0, P_ROOT(s0)
	li a2, 1
	call vm_walk
	beqz a0, 2f
	pte_read t0, a0
	andi t0, t0, PTE_V
	bnez t0, 2f
	srli t0, s2, 2                  # the leaf PTE
	or t0, t0, s3
	pte_write a0, t0
	la t0, current                  # the running address space must see it now
	lw t0, 0(t0)
	bne t0, s0, 1f
	lw t0, P_PID(s0)
	andi t0, t0, 0x1ff              # the ASID
	bnez a1, 3f
	tlb_flush_page s1, t0           # a leaf changed
	j 1f
3:	tlb_flush_asid t0               # a non-leaf changed too
1:	li a0, 0
	j 4f
2:	li a0, -1
4:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	lw s3, 16(sp)
	addi sp, sp, 32
	ret

# vm_unmap(process a0, va a1) → 0, or -1 if nothing is mapped at va.
# The order matters: clear the PTE, fence, and only then free the page. Freed first, the page
# could be reused while a stale TLB entry still lets the process write into it.
vm_unmap:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	mv s0, a0
	mv s1, a1
	lw a0, P_ROOT(a0)
	li a2, 0
	call vm_walk
	beqz a0, 1f
	pte_read t0, a0
	andi t1, t0, PTE_V
	beqz t1, 1f
	pte_write a0, zero
	lw t1, P_PID(s0)
	andi t1, t1, 0x1ff
	tlb_flush_page s1, t1
	srli a0, t0, 10
	slli a0, a0, 12
	call page_free
	li a0, 0
	j 2f
1:	li a0, -1
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 16
	ret

# page_fault(process a0): a load or store page fault (scause 13 or 15) in U-mode.
# Demand paging: in the region USER_HEAP…USER_STACK_TOP a page appears the first time the
# process touches it. The faulting instruction has not run (sepc points at it), so returning
# to the same pc after mapping the page runs it again, and this time it succeeds. A fault
# anywhere else, or on a page that is already mapped (a store to a read-only page, say), kills
# the process.
page_fault:
	mv s0, a0
	csr_read s1, stval              # the faulting virtual address
	li t0, USER_HEAP
	bltu s1, t0, 1f
	li t0, USER_STACK_TOP
	bgeu s1, t0, 1f
	mv a0, s0
	mv a1, s1
	call vm_lookup
	bnez a0, 1f                     # mapped already: a protection fault
	call page_alloc
	beqz a0, 1f                     # out of memory: kill
	mv s2, a0
	mv a0, s0
	srli a1, s1, 12
	slli a1, a1, 12
	mv a2, s2
	li a3, USER_RW
	call vm_map
	bnez a0, 2f
	mv a0, s0
	j return_to_user                # retry the access
2:	mv a0, s2
	call page_free
1:	mv a0, s0
	csr_read a1, scause
	j kill

	.data
	.balign 4
free_list:   .word 0                    # the first free page, or 0
pool_next:   .word kernel_end           # the first page never used (kernel_end: end.s)
kernel_satp: .word 0                    # satp of the kernel's own table
pages_used:  .word 0                    # pages allocated and not yet freed

	.bss
	.balign 4096                    # Sv32 tables are page-aligned (§4.3.1)
kernel_root:
	.space PAGE_SIZE
