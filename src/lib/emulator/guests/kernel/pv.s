# pv.s — the paravirtual kernel's side of the interface (vmm/pv-abi.md), assembled only in the PV
# build: the helpers behind priv.s's PV macros, the queue of page-table updates (its code in
# pv-queue.s, included below), and the kernel's own page table under direct paging.
#
# Helpers take a0 and a1 and may change a0, a1, a6, a7 and ra only (the pv_helper macro saves
# those); every other register they use they save themselves.
#
# Direct paging (Barham et al., SOSP 2003, §3.3). The page tables hold host frame numbers: a
# guest physical address plus hpa_offset (from the shared page). The kernel writes PTEs in guest
# form, as natively; pv_pte_write converts them and queues them, and pv_commit sends the queue to
# the monitor in one pv_mmu_update (Xen's lazy MMU mode). The queue goes out before anything that
# needs it applied: a TLB flush (tlb_flush_*, the kernel's own "the change must now be seen"), an
# address-space switch, pinning or unpinning, the return to a process, and when it is full.
# pv_pte_read converts back, and sees an update still in the queue.
#
# A pinned page table may not be mapped writable anywhere. So the kernel maps its 8 MiB
# (RAM_BASE…POOL_END: its image and the page pool) with 4 KiB pages in two second-level tables
# (kernel_direct), not with megapages; a page that becomes a page table loses W there before it is
# pinned, and gets it back after it is unpinned.

# Updates per pv_mmu_update (Xen takes up to 2,048). buildGuest(…, { batching: false }) defines it
# as 1: every PTE write is then its own hypercall, as in Xen without lazy MMU mode.
.ifndef PV_QUEUE_MAX
.equ PV_QUEUE_MAX, 256
.endif

	.text
# pv_hypercall(a0, a1; function a6) → a0 = 0, a1 = the value. The monitor refusing a hypercall
# is a kernel bug: panic.
pv_hypercall:
	li a7, PV_EXT
	ecall
	bnez a0, pv_refused
	ret
pv_refused:
	mv s0, a6
	la a0, pv_refused_msg
	call kputs
	mv a0, s0
	call kput_dec
	li a0, '\n'
	call kputc
	li a0, 1
	call sbi_shutdown

.include "kernel/pv-queue.s"              # pv_commit, pv_flush, pv_pte_write, pv_pte_read

# pv_set_satp(satp a0): switch to the address space whose root satp names: pv_set_root with the
# root's host address (the ASID means nothing here: the monitor flushes on every switch).
pv_set_satp:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw t0, 4(sp)
	call pv_commit
	slli a0, a0, 10                 # the root PPN, bits 21:0 …
	srli a0, a0, 10
	slli a0, a0, 12                 # … as an address
	la t0, pv_hpa_offset
	lw t0, 0(t0)
	add a0, a0, t0
	li a6, PV_SET_ROOT
	call pv_hypercall
	lw ra, 0(sp)
	lw t0, 4(sp)
	addi sp, sp, 16
	ret

# pv_direct_entry(page a0) → a0 = the address of the direct map's PTE for the page
pv_direct_entry:
	li a1, RAM_BASE
	sub a0, a0, a1
	srli a0, a0, 12
	slli a0, a0, 2
	la a1, kernel_direct
	add a0, a0, a1
	ret

# pv_pt_alloc0(page a0), pv_pt_alloc1(page a0): the page becomes a second-level table or a root.
# Read-only in the direct map first (a pinned table may not be mapped writable), then pinned.
pv_pt_alloc0:
	li a1, 0
	j pv_pt_alloc
pv_pt_alloc1:
	li a1, 1
pv_pt_alloc:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	mv s0, a0
	mv s1, a1
	call pv_direct_entry
	srli a1, s0, 2
	ori a1, a1, KERNEL_RWX & ~PTE_W  # read-only in the direct map: a page table
	call pv_pte_write
	call pv_commit
	mv a0, s0
	mv a1, s1
	call pv_pin
	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 16
	ret

# pv_pin(page a0, level a1): pv_pin with the page's host address
pv_pin:
	la a6, pv_hpa_offset
	lw a6, 0(a6)
	add a0, a0, a6
	li a6, PV_PIN
	j pv_hypercall

# pv_pt_free(page a0): the page stops being a page table: unpinned, then writable again in the
# direct map (at once: page_free writes into it next).
pv_pt_free:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	mv s0, a0
	call pv_commit
	la a1, pv_hpa_offset
	lw a1, 0(a1)
	add a0, s0, a1
	li a6, PV_UNPIN
	call pv_hypercall
	mv a0, s0
	call pv_direct_entry
	srli a1, s0, 2
	ori a1, a1, KERNEL_RWX
	call pv_pte_write
	call pv_commit
	lw ra, 0(sp)
	lw s0, 4(sp)
	addi sp, sp, 16
	ret

# pv_return(frame a0): trap_leave. The queued updates go out, then pv_sret restores pc and
# x1…x31 from the frame, and the privilege and SIE from the shared sstatus. Does not return.
pv_return:
	call pv_commit
	li a7, PV_EXT
	li a6, PV_SRET
	ecall
	li a6, PV_SRET                  # only if the monitor refused the frame
	j pv_refused

# pv_init(shared page a0): at boot, before anything else uses the interface
pv_init:
	la t0, pv_shared
	sw a0, 0(t0)
	lw t1, PVSH_hpa_offset(a0)
	la t0, pv_hpa_offset
	sw t1, 0(t0)
	ret

# pv_vm_init() → a0 = the kernel's satp. The kernel's page table under direct paging, built while
# the kernel still runs on the monitor's boot table: the two direct-map tables and the root are
# pinned empty, then filled through pv_mmu_update (the tables themselves read-only), and the last
# 4 MiB of guest RAM, which holds the shared page, is mapped with a read-write megapage.
pv_vm_init:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	la a0, kernel_direct
	li a1, 0
	call pv_pin
	la a0, kernel_direct + PAGE_SIZE
	li a1, 0
	call pv_pin
	la a0, kernel_root
	li a1, 1
	call pv_pin
	li s0, RAM_BASE                 # s0 = each page of RAM_BASE…POOL_END
1:	mv a0, s0
	call pv_direct_entry
	srli a1, s0, 2
	ori a1, a1, KERNEL_RWX
	la t0, kernel_direct            # the three tables: read-only
	beq s0, t0, 2f
	la t0, kernel_direct + PAGE_SIZE
	beq s0, t0, 2f
	la t0, kernel_root
	bne s0, t0, 3f
2:	andi a1, a1, ~PTE_W
3:	call pv_pte_write
	li t0, PAGE_SIZE
	add s0, s0, t0
	li t0, POOL_END
	bltu s0, t0, 1b
	la s1, kernel_root              # root entries: pointers to the two tables …
	li t0, ((RAM_BASE >> 22) & 0x3ff) * 4
	add a0, s1, t0
	la a1, kernel_direct
	srli a1, a1, 2
	ori a1, a1, PTE_V
	call pv_pte_write
	li t0, ((RAM_BASE >> 22) & 0x3ff) * 4 + 4
	add a0, s1, t0
	la a1, kernel_direct + PAGE_SIZE
	srli a1, a1, 2
	ori a1, a1, PTE_V
	call pv_pte_write
	la t0, pv_shared                # … and a megapage over the shared page's 4 MiB
	lw t0, 0(t0)
	srli t0, t0, 22
	slli a0, t0, 2
	add a0, s1, a0
	slli a1, t0, 20                 # (region >> 2) | flags, region = index << 22
	ori a1, a1, KERNEL_RW
	call pv_pte_write
	call pv_commit
	la a0, kernel_root              # satp = Sv32, ASID 0, root PPN (guest physical)
	srli a0, a0, 12
	li t0, SATP_SV32
	or a0, a0, t0
	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 16
	ret

	.data
	.balign 4
pv_shared:      .word 0                 # the shared page's address (a2 at boot)
pv_hpa_offset:  .word 0                 # host physical minus guest physical (from the shared page)
pv_queue_count: .word 0                 # updates queued in pv_queue
pv_refused_msg: .asciz "the monitor refused hypercall "

	.bss
	.balign 4096
kernel_direct:                          # the direct map of RAM_BASE…POOL_END: 2 × 1024 PTEs
	.space 2 * PAGE_SIZE
pv_queue:                               # (PTE host address, new entry) pairs for pv_mmu_update
	.space 8 * PV_QUEUE_MAX
