# pv-queue.s — the paravirtual kernel's queue of page-table updates (vmm/pv-abi.md, "Batching"):
# Xen's lazy MMU mode (Barham et al., SOSP 2003, §3.3; Linux's arch/x86/xen/mmu_pv.c). Included by
# pv.s in its text section; the queue's storage, pv_queue (room for PV_QUEUE_MAX (PTE host address,
# new entry) pairs) and pv_queue_count, is declared in pv.s. Lab 2 (content/labs/batch-hypercall.md)
# has students write this file: buildGuest's `sources` option puts theirs in its place.
#
# The four entry points and their contracts (the PV macros of priv.s call them through pv_helper):
#   pv_pte_write(PTE address a0, entry a1)  queue the update, converted to host form
#   pv_pte_read(PTE address a0) → a0        the entry in guest form, a queued update seen first
#   pv_commit()                             send the queue in one pv_mmu_update; keeps every register
#   pv_flush()                              a TLB flush: commit the queue, or pv_flush_tlb if empty
#
# Only the PV build includes this file; the .ifdef says so to a reader (and to pv-lines.ts, which
# counts the lines each build assembles).

.ifdef PV
# pv_commit(): send the queued PTE updates, if any, in one pv_mmu_update. Keeps every register.
pv_commit:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw a0, 4(sp)
	sw a1, 8(sp)
	sw a6, 12(sp)
	sw a7, 16(sp)
	sw t0, 20(sp)
	la t0, pv_queue_count
	lw a1, 0(t0)
	beqz a1, 1f
	sw zero, 0(t0)
	la a0, pv_queue                 # (ptr, value) pairs, read by the monitor through our table
	li a6, PV_MMU_UPDATE
	call pv_hypercall
1:	lw ra, 0(sp)
	lw a0, 4(sp)
	lw a1, 8(sp)
	lw a6, 12(sp)
	lw a7, 16(sp)
	lw t0, 20(sp)
	addi sp, sp, 32
	ret

# pv_flush(): what a TLB flush is here. Queued updates go out (pv_mmu_update flushes the TLB);
# with none queued, pv_flush_tlb.
pv_flush:
	la a0, pv_queue_count
	lw a0, 0(a0)
	beqz a0, 1f
	j pv_commit
1:	li a6, PV_FLUSH_TLB
	j pv_hypercall

# pv_pte_write(PTE address a0, entry a1): queue the update, in host form.
pv_pte_write:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw t0, 4(sp)
	sw t1, 8(sp)
	sw t2, 12(sp)
	la t0, pv_hpa_offset
	lw t0, 0(t0)
	add a0, a0, t0                  # the PTE's host address
	andi t1, a1, PTE_V
	beqz t1, 1f
	srli t1, t0, 2                  # PTE = (pa >> 2) | flags: the frame moves by hpa_offset >> 2
	add a1, a1, t1
1:	la t1, pv_queue_count
	lw t2, 0(t1)
	addi t0, t2, 1
	sw t0, 0(t1)
	slli t2, t2, 3
	la t1, pv_queue
	add t1, t1, t2
	sw a0, 0(t1)
	sw a1, 4(t1)
	li t1, PV_QUEUE_MAX
	bltu t0, t1, 2f
	call pv_commit                  # full
2:	lw ra, 0(sp)
	lw t0, 4(sp)
	lw t1, 8(sp)
	lw t2, 12(sp)
	addi sp, sp, 16
	ret

# pv_pte_read(PTE address a0) → a0 = the entry in guest form (the newest queued update of that
# PTE if there is one, else what the table holds). Changes a0 only.
pv_pte_read:
	addi sp, sp, -32
	sw t0, 0(sp)
	sw t1, 4(sp)
	sw t2, 8(sp)
	sw t3, 12(sp)
	sw t4, 16(sp)
	la t0, pv_hpa_offset
	lw t0, 0(t0)
	add t3, a0, t0                  # t3 = the PTE's host address, as the queue holds it
	lw a0, 0(a0)
	la t1, pv_queue_count
	lw t1, 0(t1)
	beqz t1, 3f
	slli t1, t1, 3
	la t2, pv_queue
	add t1, t2, t1                  # from the newest update back
1:	addi t1, t1, -8
	lw t4, 0(t1)
	bne t4, t3, 2f
	lw a0, 4(t1)
	j 3f
2:	bne t1, t2, 1b
3:	andi t1, a0, PTE_V
	beqz t1, 4f
	srli t0, t0, 2
	sub a0, a0, t0                  # host frame → guest frame
4:	lw t0, 0(sp)
	lw t1, 4(sp)
	lw t2, 8(sp)
	lw t3, 12(sp)
	lw t4, 16(sp)
	addi sp, sp, 32
	ret
.endif
