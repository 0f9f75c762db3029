# priv.s — every privileged operation of the kernel, and nothing else.
#
# A kernel touches the hardware's privileged state at a handful of points only. It reads and
# writes the supervisor CSRs (Privileged spec §4.1), switches address spaces by writing satp
# (§4.1.11), fences address translation with SFENCE.VMA (§4.2.1), returns from a trap with SRET
# (§3.3.2), idles with WFI (§3.3.3), and edits the page tables the MMU walks (Sv32, §4.3). Each
# of these is a macro below, and the rest of the kernel uses the macros, never the instructions.
#
# Why bother? Because this file is all a hypervisor's mode changes:
#
# - native (S-mode) and hardware-assisted (VS-mode): each macro is the instruction itself; in
#   VS-mode the H extension redirects the S CSRs to the vs* CSRs, and nothing here exits.
# - trap-and-emulate: the same binary runs in U-mode, each privileged instruction traps, and the
#   monitor emulates it (Popek and Goldberg). Page-table edits are plain stores (`sw`), so the
#   monitor can write-protect the tables and see every one.
# - paravirtual (assembled with the symbol PV defined; the interface is vmm/pv-abi.md): the
#   virtual CSRs are words of a page shared with the monitor (plain loads and stores, no exit),
#   and the rest becomes a hypercall, an explicit call to the monitor, as Xen's pvops do for
#   Linux. The helpers the PV macros call are in pv.s. Besides this file, a PV kernel differs in
#   how it builds its own page table (vm.s: vm_init) and how it prints (console.s).
#   Every macro passes at most two values, so a hypercall needs at most a0–a5. What a PV
#   version may assume and must keep: sp points at the kernel stack (with room below it) at
#   every use except inside trap_enter and trap_leave; every register other than the macro's
#   output must keep its value, since the callers keep live values in a0–a7 and t0–t6; an
#   operand may be any register but sp (zero included). The kernel never uses gp and tp, so
#   the PV macros borrow them (saved and restored) as temporaries.
#
# The kernel runs with interrupts off (sstatus.SIE = 0) and is never interrupted: a timer
# interrupt can only arrive while a user process runs (§3.1.6.1: in U-mode, supervisor
# interrupts are enabled whatever SIE says).

# ---- Bits of the supervisor CSRs (§4.1.1 sstatus, §4.1.3 sie, §4.1.8 scause, §4.1.11 satp)
.equ SSTATUS_SPP,  1 << 8       # privilege before the trap: 0 = U, 1 = S (§3.1.6.1)
.equ SSTATUS_SUM,  1 << 18      # permit Supervisor access to User Memory (§3.1.6.3)
.equ SIE_STIE,     1 << 5       # supervisor timer interrupt enable
.equ SCAUSE_INTERRUPT, 1 << 31  # scause bit 31: an interrupt, not an exception
.equ IRQ_S_TIMER,  5            # scause codes (§4.1.8, Table 4.2)
.equ EXC_INSTRUCTION_PAGE_FAULT, 12
.equ EXC_LOAD_PAGE_FAULT, 13
.equ EXC_STORE_PAGE_FAULT, 15
.equ EXC_ECALL_U,  8
.equ SATP_SV32,    1 << 31      # satp.MODE = 1: Sv32; ASID in bits 30:22, root PPN in 21:0

# ---- The trap frame: where a process's registers live while the kernel runs.
# Word 0 holds the user pc (sepc); word n (n = 1…31) holds register xn. Each process's frame
# is the first 128 bytes of its entry in the process table, and sscratch points at it.
.equ FRAME_PC, 0
.equ FRAME_RA, 1 * 4
.equ FRAME_SP, 2 * 4
.equ FRAME_A0, 10 * 4
.equ FRAME_A1, 11 * 4
.equ FRAME_A2, 12 * 4
.equ FRAME_A7, 17 * 4
.equ FRAME_SIZE, 32 * 4

# ---- CSR numbers (§2.2), for the hypercalls of the PV build
.equ CSRNUM_sstatus,  0x100
.equ CSRNUM_sie,      0x104
.equ CSRNUM_stvec,    0x105
.equ CSRNUM_sscratch, 0x140
.equ CSRNUM_sepc,     0x141
.equ CSRNUM_scause,   0x142
.equ CSRNUM_stval,    0x143
.equ CSRNUM_satp,     0x180

# ---- The paravirtual interface (vmm/pv-abi.md): the shared page's words, the hypercalls.
.ifdef PV
.equ PVSH_sepc,     0           # the shared page (Xen's vcpu_info): virtual CSRs in memory
.equ PVSH_scause,   4
.equ PVSH_stval,    8
.equ PVSH_sstatus,  12
.equ PVSH_sip,      16
.equ PVSH_sie,      20
.equ PVSH_stvec,    24
.equ PVSH_sscratch, 28
.equ PVSH_hpa_offset, 32
.equ PV_EXT,        0x0800564C  # a7 of a hypercall ("VL"); a6 = one of these:
.equ PV_SRET,       0
.equ PV_MMU_UPDATE, 1
.equ PV_PIN,        2
.equ PV_UNPIN,      3
.equ PV_SET_ROOT,   4
.equ PV_FLUSH_TLB,  5
.equ PV_BLOCK,      6
.equ PV_SYNC_INTERRUPTS, 7
.equ PV_CONSOLE_WRITE, 8

# pv_helper fn, x, y: call the helper fn (pv.s) with a0 = x, a1 = y, keeping every register.
# Helpers may change a0, a1, a6, a7 and ra only; this macro saves those around the call.
.macro pv_helper fn, x=zero, y=zero
	addi sp, sp, -32
	sw ra, 0(sp)
	sw a0, 4(sp)
	sw a1, 8(sp)
	sw a6, 12(sp)
	sw a7, 16(sp)
	sw \x, 20(sp)                   # through memory, so that x and y may be any registers
	sw \y, 24(sp)
	lw a0, 20(sp)
	lw a1, 24(sp)
	call \fn
	lw ra, 0(sp)
	lw a0, 4(sp)
	lw a1, 8(sp)
	lw a6, 12(sp)
	lw a7, 16(sp)
	addi sp, sp, 32
.endm

# pv_csr_update csr, rs, clear: the shared page's word for csr |= rs (clear = 0) or &= ~rs (1)
.macro pv_csr_update csr, rs, clear
	addi sp, sp, -16
	sw tp, 0(sp)
	sw gp, 4(sp)
	sw ra, 8(sp)
	sw \rs, 12(sp)
	la tp, pv_shared
	lw tp, 0(tp)                    # tp = the shared page
	lw gp, PVSH_\csr(tp)            # gp = the virtual CSR
	lw ra, 12(sp)                   # ra = rs
.if \clear
	not ra, ra
	and gp, gp, ra
.else
	or gp, gp, ra
.endif
	sw gp, PVSH_\csr(tp)
	lw tp, 0(sp)
	lw gp, 4(sp)
	lw ra, 8(sp)
	addi sp, sp, 16
.endm
.endif

# ---- CSR access (Zicsr). `csr` is a name: sstatus, sie, stvec, sscratch, sepc, scause, stval.
.macro csr_read rd, csr                 # rd = csr
.ifdef PV
	la \rd, pv_shared                # a load from the shared page: no exit
	lw \rd, 0(\rd)
	lw \rd, PVSH_\csr(\rd)
.else
	csrr \rd, \csr
.endif
.endm

.macro csr_write csr, rs                # csr = rs
.ifdef PV
	addi sp, sp, -16                # a store to the shared page: no exit
	sw tp, 0(sp)
	sw gp, 4(sp)
	sw \rs, 8(sp)
	la tp, pv_shared
	lw tp, 0(tp)
	lw gp, 8(sp)
	sw gp, PVSH_\csr(tp)
	lw tp, 0(sp)
	lw gp, 4(sp)
	addi sp, sp, 16
.else
	csrw \csr, \rs
.endif
.endm

.macro csr_set csr, rs                  # csr |= rs (the bits set in rs)
.ifdef PV
	pv_csr_update \csr, \rs, 0
.else
	csrs \csr, \rs
.endif
.endm

.macro csr_clear csr, rs                # csr &= ~rs
.ifdef PV
	pv_csr_update \csr, \rs, 1
.else
	csrc \csr, \rs
.endif
.endm

# ---- Address spaces and the TLB
.macro satp_write rs                    # switch to the page table satp value rs names (§4.1.11)
.ifdef PV
	pv_helper pv_set_satp, \rs         # pv_set_root with the root's host address
.else
	csrw satp, \rs
.endif
.endm

# SFENCE.VMA (§4.2.1) orders the kernel's earlier stores to page tables before later address
# translations, and drops cached translations. Three strengths:
.macro tlb_flush_page va, asid          # one page (leaf PTE changed) of one address space
.ifdef PV
	pv_helper pv_flush                # the queued PTE updates (pv_mmu_update flushes), or pv_flush_tlb
.else
	sfence.vma \va, \asid
.endif
.endm

.macro tlb_flush_asid asid              # all non-global translations of one address space
.ifdef PV
	pv_helper pv_flush
.else
	sfence.vma zero, \asid
.endif
.endm

.macro tlb_flush_all                    # everything, global mappings included
.ifdef PV
	pv_helper pv_flush
.else
	sfence.vma zero, zero
.endif
.endm

# ---- Page-table entries. `addr` holds the PTE's address (the kernel is identity-mapped, so it
# is also the guest physical address), `value` the new entry. A plain word store, so that a
# trap-and-emulate monitor that write-protects page tables sees each one. The caller fences.
.macro pte_write addr, value
.ifdef PV
	pv_helper pv_pte_write, \addr, \value   # converted to host frames and queued (pv.s)
.else
	sw \value, 0(\addr)
.endif
.endm

# A page's life as a page table: pt_alloc when a zeroed page is about to become one (from then on
# its entries change only through pte_write), pt_free before it goes back to the free list as
# ordinary memory. The hardware needs neither, so natively they are empty; a monitor that
# protects or validates guest page tables (Xen "pins" them) is told here when to start and stop.
# `level` is 1 for a root, 0 for a second-level table (a number). In the PV build: pt_alloc makes the page
# read-only in the kernel's direct map and pins it (pv_pin), pt_free unpins it (pv_unpin) and
# makes it writable again (Linux on Xen: make_lowmem_page_readonly / make_lowmem_page_readwrite).
.macro pt_alloc page, level
.ifdef PV
	pv_helper pv_pt_alloc\level, \page    # pv_pt_alloc0 or pv_pt_alloc1 (pv.s)
.endif
.endm

.macro pt_free page
.ifdef PV
	pv_helper pv_pt_free, \page
.endif
.endm

# pte_read rd, addr: rd = the page-table entry at addr, as the kernel wrote it. Natively a plain
# load. In the PV build the tables hold host frame numbers, so the entry is converted back to a
# guest physical one (Xen's pte_mfn_to_pfn), and an update still queued for addr is seen.
.macro pte_read rd, addr
.ifdef PV
	addi sp, sp, -16
	sw ra, 0(sp)
	sw a0, 4(sp)
	mv a0, \addr
	call pv_pte_read                # changes a0 and ra only
	sw a0, 8(sp)
	lw ra, 0(sp)
	lw a0, 4(sp)
	lw \rd, 8(sp)
	addi sp, sp, 16
.else
	lw \rd, 0(\addr)
.endif
.endm

# ---- Waiting
.macro wait_for_interrupt               # WFI (§3.3.3): idle until an interrupt is pending
.ifdef PV
	addi sp, sp, -16                # pv_block
	sw a6, 0(sp)
	sw a7, 4(sp)
	sw a0, 8(sp)
	sw a1, 12(sp)
	li a7, PV_EXT
	li a6, PV_BLOCK
	ecall
	lw a6, 0(sp)
	lw a7, 4(sp)
	lw a0, 8(sp)
	lw a1, 12(sp)
	addi sp, sp, 16
.else
	wfi
.endif
.endm

# ---- Trap entry and exit: the two places where every user register is live.
#
# These two cannot simply become a hypercall in the middle: on entry no register is free to
# pass arguments in, and on exit none may be clobbered. In the paravirtual kernel the monitor does
# the work itself: when it delivers a trap it also swaps sp with the shared page's sscratch (Xen's
# stack switch), and pv_sret(frame) restores pc and x1…x31 from a frame in the layout above (as
# Xen's iret hypercall pops a fixed frame). vmm/pv-abi.md documents both.
#
# trap_enter is the first thing the trap vector does. The hardware has set sepc, scause and stval,
# cleared sstatus.SIE and jumped to stvec in S-mode (§4.1.1, §4.1.2); all 31 user registers still
# hold user values, so the kernel needs one register to work with before it can save any. That is
# what sscratch is for (§4.1.6): it holds the address of the running process's frame, and one
# CSRRW swaps it with sp. At the end sp points at the frame, every user register is saved in it,
# and sscratch holds the frame's address again, ready for the next trap.
.macro trap_enter
.ifdef PV
	# The monitor delivered the trap as the hardware would, in the shared page, and swapped
	# sp with the shared page's sscratch (Xen's stack switch): sp = frame, sscratch = user sp.
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sw x\n, 4*\n(sp)
	.endr
	la t0, pv_shared
	lw t0, 0(t0)
	lw t1, PVSH_sscratch(t0)        # the user sp
	sw t1, FRAME_SP(sp)
	sw sp, PVSH_sscratch(t0)        # sscratch = frame again
	lw t1, PVSH_sepc(t0)            # the user pc
	sw t1, FRAME_PC(sp)
.else
	csrrw sp, sscratch, sp          # sp = frame, sscratch = user sp
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sw x\n, 4*\n(sp)                # save x1, x3…x31 (x0 is zero, x2 = sp comes next)
	.endr
	csrrw t0, sscratch, sp          # t0 = user sp, sscratch = frame again
	sw t0, FRAME_SP(sp)
	csrr t0, sepc                   # the user pc: the trapping instruction (or, for an
	sw t0, FRAME_PC(sp)             # interrupt, the one that has not run yet)
.endif
.endm

# trap_leave resumes the process whose frame `frame` points at (sscratch must already point at
# it): sepc = its pc, all 31 registers from the frame, then SRET, which returns to U-mode because
# sstatus.SPP = 0 (§3.3.2).
.macro trap_leave frame
.ifdef PV
	mv a0, \frame                   # pv_sret(frame): the monitor restores pc and x1…x31
	j pv_return                     # from it (pv.s; after the queued PTE updates)
.else
	mv sp, \frame
	lw t0, FRAME_PC(sp)
	csrw sepc, t0
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	lw x\n, 4*\n(sp)
	.endr
	lw sp, FRAME_SP(sp)             # sp last: it was the base register
	sret
.endif
.endm
