// Generated from the .s files in kernel/ and workloads/ by embed.ts: do not edit by hand.
// Regenerate: UPDATE_GUEST_SOURCES=1 npx vitest run tests/unit/emulator/guests/sources.test.ts
export const GUEST_SOURCES: Record<string, string> = {
	'kernel/abi.s': `# abi.s — the contract between the kernel and its user programs.
#
# A user program asks the kernel for a service with ECALL, the RISC-V system call instruction
# (Unprivileged spec §2.8): it puts the call number in a7 and the arguments in a0–a2, executes
# \`ecall\`, and finds the result in a0 (and a1–a2 for wait). All other registers are preserved.
# These are the same registers Linux uses on RISC-V; only the numbers are ours.

.equ SYS_WRITE,  1      # write(buf, len) → len, or -1 if the buffer is not readable user memory
.equ SYS_GETPID, 2      # getpid() → the caller's process id (1, 2, 3, …)
.equ SYS_YIELD,  3      # yield() → 0, after the other runnable processes have had a turn
.equ SYS_EXIT,   4      # exit(code, checksum): never returns; the kernel reports both at the end
.equ SYS_MAP,    5      # map(va) → 0: a fresh zeroed page at page-aligned va, or -1
.equ SYS_UNMAP,  6      # unmap(va) → 0: removes the page at va and frees it, or -1
.equ SYS_SPAWN,  7      # spawn(program, arg) → the child's pid, or -1; the child starts with a0 = arg
.equ SYS_WAIT,   8      # wait(pid) → 0 with a1 = exit code, a2 = checksum once that child has
                        #   exited (blocks until then), or -1 if pid is not the caller's child
.equ NSYSCALLS,  9

# Every process sees the same virtual address space layout (Sv32 virtual addresses, §4.3):
#
#   0x0040_0000  USER_TEXT       the program, copied from the kernel image (code and data)
#   0x0080_0000  USER_HEAP ─┐    demand-paged region: a page here is allocated and mapped the
#        …                  │    first time the program touches it (heap growing up,
#   0x0100_0000  STACK_TOP ─┘    stack growing down from STACK_TOP; its top page is mapped at spawn)
#   0x1000_0000  USER_TOP        end of user space (map/unmap accept page addresses below it)
#   0x1000_0000  the UART, and 0x8000_0000 up the kernel: mapped in every address space, but
#                without the U bit, so user code cannot touch them.
.equ USER_TEXT,      0x00400000
.equ USER_HEAP,      0x00800000
.equ USER_STACK_TOP, 0x01000000
.equ USER_TOP,       0x10000000
.equ PAGE_SIZE,      4096
`,
	'kernel/console.s': `# console.s — printing, through the 16550 UART at UART_BASE (QEMU virt).
#
# The UART is a device: its registers are memory addresses that the kernel reads and writes with
# ordinary loads and stores ("memory-mapped I/O"). To send a byte, wait until the line status
# register (LSR) says the transmit holding register is empty (bit 5, THRE), then store the byte
# into it. Under a hypervisor, the UART's page is not real memory: every access traps to the
# monitor, which emulates the device (an MMIO exit, two per byte here). The PV build prints
# through the monitor instead, one hypercall per string.

	.text
.ifdef PV
# The PV build has no UART (pv-abi.md): each of these is one pv_console_write, one exit.
# kputc(byte in a0)
kputc:
	addi sp, sp, -16
	sb a0, 0(sp)
	mv a0, sp
	li a1, 1
	j 1f
# kwrite(bytes a0, count a1)
kwrite:
	addi sp, sp, -16
1:	sw ra, 4(sp)
	li a7, PV_EXT
	li a6, PV_CONSOLE_WRITE
	ecall
	lw ra, 4(sp)
	addi sp, sp, 16
	ret
# kputs(zero-terminated string in a0)
kputs:
	mv a1, a0
1:	lbu t0, 0(a1)
	beqz t0, 2f
	addi a1, a1, 1
	j 1b
2:	sub a1, a1, a0
	j kwrite
.else
# kputc(byte in a0)
kputc:
	li t0, UART_BASE
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

# kwrite(bytes a0, count a1)
kwrite:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	mv s0, a0
	add s1, a0, a1
1:	bgeu s0, s1, 2f
	lbu a0, 0(s0)
	call kputc
	addi s0, s0, 1
	j 1b
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 16
	ret

# kputs(zero-terminated string in a0)
kputs:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call kputc
	addi s0, s0, 1
	j 1b
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	addi sp, sp, 16
	ret

.endif

# kput_hex(value in a0): "0x" and 8 hex digits, written at once (one exit in the PV build)
kput_hex:
	addi sp, sp, -32
	sw ra, 0(sp)
	addi t2, sp, 12                 # the text goes into 12..21(sp)
	li t0, '0'
	sb t0, 0(t2)
	li t0, 'x'
	sb t0, 1(t2)
	addi t3, t2, 2
	li t1, 28                       # shift for the next digit, from the top one down
1:	srl t0, a0, t1
	andi t0, t0, 15
	addi t0, t0, '0'
	li t4, '9'
	bleu t0, t4, 2f
	addi t0, t0, 'a' - '9' - 1
2:	sb t0, 0(t3)
	addi t3, t3, 1
	addi t1, t1, -4
	bgez t1, 1b
	mv a0, t2
	li a1, 10
	call kwrite
	lw ra, 0(sp)
	addi sp, sp, 32
	ret

# kput_dec(value in a0): signed decimal
kput_dec:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	mv s0, a0
	bgez s0, 1f
	li a0, '-'
	call kputc
	neg s0, s0
1:	addi s1, sp, 31                 # digits go into 12..31(sp), last digit first
	li t1, 10
2:	remu t0, s0, t1
	addi t0, t0, '0'
	addi s1, s1, -1
	sb t0, 0(s1)
	divu s0, s0, t1
	bnez s0, 2b
	addi a0, sp, 31
	sub a1, a0, s1
	mv a0, s1
	call kwrite
	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 32
	ret
`,
	'kernel/defs.s': `# defs.s — the kernel's constants: the machine's memory map, Sv32 page-table entries, the
# process table. (The user-visible ones are in abi.s, the privileged ones in priv.s.)

# ---- The machine (QEMU virt, as the device tree passed in a1 describes it)
.equ RAM_BASE,   0x80000000     # the kernel is loaded here and runs identity-mapped
.equ POOL_END,   0x80800000     # the kernel uses the first 8 MiB of RAM: its image, then pages
.equ UART_BASE,  0x10000000     # 16550 UART: transmit holding register at +0 …
.equ UART_LSR,   5              # … line status register at +5;
.equ LSR_THRE,   0x20           # bit 5: the transmitter can take a byte

# ---- Sv32 (§4.3.1): a 32-bit virtual address is VPN[1] (10 bits) | VPN[0] (10) | offset (12).
# The root table's 1024 entries each cover 4 MiB; an entry either maps those 4 MiB itself (a
# megapage: a leaf) or points at a second-level table whose 1024 entries map 4 KiB pages.
# A page-table entry (PTE) is PPN (bits 31:10) | flags:
.equ PTE_V, 1 << 0              # valid
.equ PTE_R, 1 << 1              # readable    R, W, X all zero: a pointer to the next level
.equ PTE_W, 1 << 2              # writable
.equ PTE_X, 1 << 3              # executable
.equ PTE_U, 1 << 4              # accessible in U-mode
.equ PTE_G, 1 << 5              # global: in every address space (the kernel's mappings)
.equ PTE_A, 1 << 6              # accessed
.equ PTE_D, 1 << 7              # dirty
# We set A and D ourselves when we map a page, so the hardware never needs to: a machine may
# either update them or raise a page fault when they are clear (§4.3.1 allows both).
.equ KERNEL_RWX, PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D
.equ KERNEL_RW,  PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D
.equ USER_RWX,   PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
.equ USER_RW,    PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
# A physical page address and the PPN field of a PTE differ by a shift: PPN = pa >> 12 sits at
# bit 10, so for a page-aligned pa, PTE = (pa >> 2) | flags, and pa = (PTE >> 10) << 12.

# ---- Processes. One entry of the process table:
.equ P_FRAME,    0              # the trap frame (priv.s): pc and x1…x31, 128 bytes
.equ P_STATE,    128            # FREE, RUNNABLE, WAITING or ZOMBIE
.equ P_PID,      132
.equ P_PARENT,   136            # pid of the parent, 0 for the processes the kernel started
.equ P_ROOT,     140            # physical address of the root page table
.equ P_SATP,     144            # satp value for this address space: Sv32 | ASID | root PPN
.equ P_WAITFOR,  148            # WAITING: the child pid it waits for
.equ P_CODE,     152            # ZOMBIE: exit code (-1: killed)
.equ P_CHECKSUM, 156            # ZOMBIE: the checksum it passed to exit
.equ P_CAUSE,    160            # killed: scause and stval of the fault
.equ P_TVAL,     164
.equ P_KILLED,   168            # 1 if the kernel killed it
.equ PROC_SIZE,  172
.equ NPROC,      8

.equ FREE, 0                    # process states
.equ RUNNABLE, 1
.equ WAITING, 2                 # blocked in wait() until a child exits
.equ ZOMBIE, 3                  # exited; its exit code waits for wait() or the final report

# ---- Scheduling: a process runs for at most TIME_SLICE ticks of the time CSR (10 MHz on QEMU
# virt, so 2000 ticks = 200 µs) before the timer interrupt hands the CPU to the next one.
# A build may define its own before including the kernel.
.ifndef TIME_SLICE
.equ TIME_SLICE, 2000
.endif

# ---- SBI (the Supervisor Binary Interface, v2.0): calls to the firmware or hypervisor below us
.equ SBI_EXT_TIME, 0x54494D45   # "TIME" (chapter 6): fid 0 = set_timer(deadline)
.equ SBI_EXT_SRST, 0x53525354   # "SRST" (chapter 10): fid 0 = system_reset(type, reason)
`,
	'kernel/end.s': `# end.s — included last: the end of the kernel image. Free pages start here (vm.s).
	.bss
	.balign 4096
kernel_end:
`,
	'kernel/kernel.s': `# kernel.s — VirtLab's teaching kernel: boot.
#
# A small operating system for one RV32 hart, written to be read. It has what a hypervisor has to
# cope with in a real kernel, and little else:
#
#   trap.s     the trap vector: system calls, page faults and timer interrupts all enter here
#   vm.s       Sv32 paging: the page allocator, the kernel's page table, one table per process
#   proc.s     processes: create, exit, wait, and a round-robin scheduler driven by the timer
#   syscall.s  the system calls of abi.s
#   console.s  printing through the UART
#   sbi.s      the firmware calls: the timer and shutdown
#   priv.s     every privileged instruction, as macros (what a paravirtual port replaces)
#   pv.s       the paravirtual build's helpers (vmm/pv-abi.md; its PTE queue: pv-queue.s), only with PV
#
# The user programs it runs (a workload, workloads/*.s) are part of the same image: a table
# \`programs\` lists them and \`boot_programs\` says which to start.
#
# Calling convention inside the kernel: the standard RISC-V one (a0–a7 arguments and results,
# t0–t6 scratch, s0–s11 and ra preserved by whoever uses them). There is one kernel stack: the
# kernel never blocks in the middle of a call, it only ever returns to a user process.

.include "kernel/abi.s"
.include "kernel/defs.s"
.include "kernel/priv.s"

	.text
	.globl _start
# The firmware (or hypervisor) enters here in S-mode with the MMU off, a0 = hart id and
# a1 = the address of a device tree. (The PV build is entered in U-mode with paging on, on the
# monitor's boot table, and a2 = the shared page: vmm/pv-abi.md.) This kernel knows the QEMU virt memory map and does not
# read the device tree.
_start:
	la sp, kernel_stack_top
.ifdef PV
	mv a0, a2                       # the shared page (pv-abi.md), before any macro of priv.s
	call pv_init                    # pv.s
.endif

	# 1. Where traps go: stvec = trap_vector, direct mode (§4.1.2: the low two bits are MODE = 0,
	#    so every trap, interrupt or exception, jumps to the same address). Until a process runs,
	#    sscratch points at a spare frame, so that a kernel bug during boot still reaches the
	#    vector's panic message (trap.s) instead of trapping again and again.
	la t0, trap_vector
	csr_write stvec, t0
	la t0, boot_frame
	csr_write sscratch, t0

	# 2. Turn on paging with the kernel's page table (vm.s).
	call vm_init

	la a0, banner                  # "kernel: workload <name>"
	call kputs
	la a0, workload_name
	call kputs
	li a0, '\\n'
	call kputc

	# 3. Start the workload's first processes.
	la s0, boot_programs            # pairs of (program index, argument), ending with -1
1:	lw a0, 0(s0)
	bltz a0, 2f
	lw a1, 4(s0)
	li a2, 0                        # parent 0: the kernel
	call proc_create
	bltz a0, boot_failed
	addi s0, s0, 8
	j 1b

	# 4. Interrupts: let the supervisor timer interrupt in (sie.STIE, §4.1.3). It is taken only
	#    in U-mode, since the kernel keeps sstatus.SIE = 0. And make SRET go to U-mode: SPP = 0.
2:	li t0, SIE_STIE
	csr_set sie, t0
	li t0, SSTATUS_SPP
	csr_clear sstatus, t0

	# 5. Arm the timer and run the first process (proc.s); the kernel never comes back here.
	call timer_arm
	j schedule

boot_failed:
	la a0, boot_failed_msg
	j panic

	.data
banner:          .asciz "kernel: workload "
boot_failed_msg: .asciz "cannot start the boot processes"

.include "kernel/trap.s"
.include "kernel/syscall.s"
.include "kernel/proc.s"
.include "kernel/vm.s"
.include "kernel/console.s"
.include "kernel/sbi.s"
.ifdef PV
.include "kernel/pv.s"
.endif

	.bss
	.balign 16
boot_frame:
	.space FRAME_SIZE
kernel_stack:
	.space 4096
kernel_stack_top:
`,
	'kernel/priv.s': `# priv.s — every privileged operation of the kernel, and nothing else.
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
#   monitor emulates it (Popek and Goldberg). Page-table edits are plain stores (\`sw\`), so the
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
	sw \\x, 20(sp)                   # through memory, so that x and y may be any registers
	sw \\y, 24(sp)
	lw a0, 20(sp)
	lw a1, 24(sp)
	call \\fn
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
	sw \\rs, 12(sp)
	la tp, pv_shared
	lw tp, 0(tp)                    # tp = the shared page
	lw gp, PVSH_\\csr(tp)            # gp = the virtual CSR
	lw ra, 12(sp)                   # ra = rs
.if \\clear
	not ra, ra
	and gp, gp, ra
.else
	or gp, gp, ra
.endif
	sw gp, PVSH_\\csr(tp)
	lw tp, 0(sp)
	lw gp, 4(sp)
	lw ra, 8(sp)
	addi sp, sp, 16
.endm
.endif

# ---- CSR access (Zicsr). \`csr\` is a name: sstatus, sie, stvec, sscratch, sepc, scause, stval.
.macro csr_read rd, csr                 # rd = csr
.ifdef PV
	la \\rd, pv_shared                # a load from the shared page: no exit
	lw \\rd, 0(\\rd)
	lw \\rd, PVSH_\\csr(\\rd)
.else
	csrr \\rd, \\csr
.endif
.endm

.macro csr_write csr, rs                # csr = rs
.ifdef PV
	addi sp, sp, -16                # a store to the shared page: no exit
	sw tp, 0(sp)
	sw gp, 4(sp)
	sw \\rs, 8(sp)
	la tp, pv_shared
	lw tp, 0(tp)
	lw gp, 8(sp)
	sw gp, PVSH_\\csr(tp)
	lw tp, 0(sp)
	lw gp, 4(sp)
	addi sp, sp, 16
.else
	csrw \\csr, \\rs
.endif
.endm

.macro csr_set csr, rs                  # csr |= rs (the bits set in rs)
.ifdef PV
	pv_csr_update \\csr, \\rs, 0
.else
	csrs \\csr, \\rs
.endif
.endm

.macro csr_clear csr, rs                # csr &= ~rs
.ifdef PV
	pv_csr_update \\csr, \\rs, 1
.else
	csrc \\csr, \\rs
.endif
.endm

# ---- Address spaces and the TLB
.macro satp_write rs                    # switch to the page table satp value rs names (§4.1.11)
.ifdef PV
	pv_helper pv_set_satp, \\rs         # pv_set_root with the root's host address
.else
	csrw satp, \\rs
.endif
.endm

# SFENCE.VMA (§4.2.1) orders the kernel's earlier stores to page tables before later address
# translations, and drops cached translations. Three strengths:
.macro tlb_flush_page va, asid          # one page (leaf PTE changed) of one address space
.ifdef PV
	pv_helper pv_flush                # the queued PTE updates (pv_mmu_update flushes), or pv_flush_tlb
.else
	sfence.vma \\va, \\asid
.endif
.endm

.macro tlb_flush_asid asid              # all non-global translations of one address space
.ifdef PV
	pv_helper pv_flush
.else
	sfence.vma zero, \\asid
.endif
.endm

.macro tlb_flush_all                    # everything, global mappings included
.ifdef PV
	pv_helper pv_flush
.else
	sfence.vma zero, zero
.endif
.endm

# ---- Page-table entries. \`addr\` holds the PTE's address (the kernel is identity-mapped, so it
# is also the guest physical address), \`value\` the new entry. A plain word store, so that a
# trap-and-emulate monitor that write-protects page tables sees each one. The caller fences.
.macro pte_write addr, value
.ifdef PV
	pv_helper pv_pte_write, \\addr, \\value   # converted to host frames and queued (pv.s)
.else
	sw \\value, 0(\\addr)
.endif
.endm

# A page's life as a page table: pt_alloc when a zeroed page is about to become one (from then on
# its entries change only through pte_write), pt_free before it goes back to the free list as
# ordinary memory. The hardware needs neither, so natively they are empty; a monitor that
# protects or validates guest page tables (Xen "pins" them) is told here when to start and stop.
# \`level\` is 1 for a root, 0 for a second-level table (a number). In the PV build: pt_alloc makes the page
# read-only in the kernel's direct map and pins it (pv_pin), pt_free unpins it (pv_unpin) and
# makes it writable again (Linux on Xen: make_lowmem_page_readonly / make_lowmem_page_readwrite).
.macro pt_alloc page, level
.ifdef PV
	pv_helper pv_pt_alloc\\level, \\page    # pv_pt_alloc0 or pv_pt_alloc1 (pv.s)
.endif
.endm

.macro pt_free page
.ifdef PV
	pv_helper pv_pt_free, \\page
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
	mv a0, \\addr
	call pv_pte_read                # changes a0 and ra only
	sw a0, 8(sp)
	lw ra, 0(sp)
	lw a0, 4(sp)
	lw \\rd, 8(sp)
	addi sp, sp, 16
.else
	lw \\rd, 0(\\addr)
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
	sw x\\n, 4*\\n(sp)
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
	sw x\\n, 4*\\n(sp)                # save x1, x3…x31 (x0 is zero, x2 = sp comes next)
	.endr
	csrrw t0, sscratch, sp          # t0 = user sp, sscratch = frame again
	sw t0, FRAME_SP(sp)
	csrr t0, sepc                   # the user pc: the trapping instruction (or, for an
	sw t0, FRAME_PC(sp)             # interrupt, the one that has not run yet)
.endif
.endm

# trap_leave resumes the process whose frame \`frame\` points at (sscratch must already point at
# it): sepc = its pc, all 31 registers from the frame, then SRET, which returns to U-mode because
# sstatus.SPP = 0 (§3.3.2).
.macro trap_leave frame
.ifdef PV
	mv a0, \\frame                   # pv_sret(frame): the monitor restores pc and x1…x31
	j pv_return                     # from it (pv.s; after the queued PTE updates)
.else
	mv sp, \\frame
	lw t0, FRAME_PC(sp)
	csrw sepc, t0
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	lw x\\n, 4*\\n(sp)
	.endr
	lw sp, FRAME_SP(sp)             # sp last: it was the base register
	sret
.endif
.endm
`,
	'kernel/proc.s': `# proc.s — processes and the scheduler.
#
# A process is an address space (its own page table, vm.s) plus a saved register set (its trap
# frame) plus a state. The table has NPROC entries; \`current\` points at the one whose registers
# the hardware holds (or held, when the kernel runs).
#
# Scheduling is round robin: on every timer interrupt, yield, exit or blocking wait the kernel
# picks the next RUNNABLE entry after the current one, cyclically. Switching to a process is
# three privileged operations: satp (its address space), sscratch (its frame, for the next trap)
# and, in trap_leave, sepc and SRET.
#
# ASIDs (§4.1.11): satp carries a 9-bit address-space identifier, and the TLB keeps translations
# of different ASIDs apart, so a switch needs no TLB flush. Each process's ASID is its pid
# (mod 512); the TLB is flushed when a process is created, in case an earlier process with the
# same ASID left translations behind, and its ASID's translations when it exits.

	.text
# proc_create(program in a0, argument in a1, parent pid in a2) → pid in a0, or -1
proc_create:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	sw s3, 16(sp)
	sw s4, 20(sp)
	sw s5, 24(sp)
	sw s6, 28(sp)
	mv s1, a1                       # s1 = argument
	mv s2, a2                       # s2 = parent
	la t0, programs                 # the program: programs[0] = how many, then (start, end)
	lw t1, 0(t0)
	bgeu a0, t1, create_fail
	slli a0, a0, 3
	add t0, t0, a0
	lw s3, 4(t0)                    # s3 = start of the program in the kernel image
	lw s4, 8(t0)                    # s4 = its end

	la s0, proc_table               # s0 = a FREE entry
	li t1, NPROC * PROC_SIZE
	add t1, s0, t1
1:	lw t0, P_STATE(s0)
	beqz t0, 2f                     # FREE = 0
	addi s0, s0, PROC_SIZE
	bltu s0, t1, 1b
	j create_fail                   # the table is full

2:	mv a0, s0                       # clear the entry: frame, pid, parent, everything
	li a1, PROC_SIZE
	call memzero
	call vm_create                  # vm.s: a root page table holding the kernel's mappings
	beqz a0, create_fail
	sw a0, P_ROOT(s0)

	# Copy the program, page by page, into fresh pages mapped from USER_TEXT up.
	li s5, USER_TEXT                # s5 = where the next page goes
3:	bgeu s3, s4, 4f
	call page_alloc
	beqz a0, create_undo
	mv s6, a0                       # s6 = the page
	mv a1, s3                       # copy up to a page (the rest of a last, short page stays 0)
	sub a2, s4, s3
	li t0, PAGE_SIZE
	bleu a2, t0, 5f
	mv a2, t0
5:	call memcopy                    # memcopy(to a0, from a1, bytes a2)
	mv a0, s0
	mv a1, s5
	mv a2, s6
	li a3, USER_RWX                 # code and data share pages: readable, writable, executable
	call vm_map
	bnez a0, create_undo_page
	li t0, PAGE_SIZE
	add s3, s3, t0
	add s5, s5, t0
	j 3b

4:	call page_alloc                 # the top page of the stack; the rest comes on demand
	beqz a0, create_undo
	mv s6, a0
	mv a2, a0
	mv a0, s0
	li a1, USER_STACK_TOP - PAGE_SIZE
	li a3, USER_RW
	call vm_map
	bnez a0, create_undo_page

	la t0, next_pid                 # give it a pid and an ASID …
	lw a0, 0(t0)
	addi t1, a0, 1
	sw t1, 0(t0)
	sw a0, P_PID(s0)
	sw s2, P_PARENT(s0)
	andi t0, a0, 0x1ff              # … satp = Sv32 | ASID << 22 | root PPN
	slli t0, t0, 22
	lw t1, P_ROOT(s0)
	srli t1, t1, 12
	or t0, t0, t1
	li t1, SATP_SV32
	or t0, t0, t1
	sw t0, P_SATP(s0)
	# Fence before it first runs: order all the stores to its new tables before the MMU walks
	# them, and drop whatever an earlier process with the same ASID left in the TLB. It must be
	# a full fence: the root's copies of the kernel's entries are global, and a fence for one
	# ASID does not order global mappings (§4.2.1).
	tlb_flush_all

	li t0, USER_TEXT                # the first return to user mode enters the program
	sw t0, FRAME_PC(s0)
	li t0, USER_STACK_TOP
	sw t0, FRAME_SP(s0)
	sw s1, FRAME_A0(s0)             # with a0 = the argument
	li t0, RUNNABLE
	sw t0, P_STATE(s0)
	j create_done                   # a0 = pid

create_undo_page:                       # out of memory half-way: give back what we took
	mv a0, s6
	call page_free
create_undo:
	lw a0, P_ROOT(s0)
	call vm_destroy
create_fail:
	li a0, -1
create_done:
	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	lw s3, 16(sp)
	lw s4, 20(sp)
	lw s5, 24(sp)
	lw s6, 28(sp)
	addi sp, sp, 32
	ret

# proc_exit(process in a0, code in a1, checksum in a2): the process ends. Its memory goes back
# to the free list at once; the entry stays, as a ZOMBIE, until its parent's wait() or the final
# report reads the exit code.
proc_exit:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	mv s0, a0
	sw a1, P_CODE(s0)
	sw a2, P_CHECKSUM(s0)

	# Leave the address space before freeing it: run on the kernel's own table, then flush the
	# process's ASID so that no translation into its pages survives their reuse.
	la t0, kernel_satp
	lw t0, 0(t0)
	satp_write t0
	lw t0, P_PID(s0)
	andi t0, t0, 0x1ff
	tlb_flush_asid t0
	lw a0, P_ROOT(s0)
	call vm_destroy                 # vm.s: free every page and table
	li t0, ZOMBIE
	sw t0, P_STATE(s0)

	# Its children become the kernel's (parent 0), and its parent wakes up if it waits for it.
	lw t2, P_PID(s0)
	lw t3, P_PARENT(s0)
	la t0, proc_table
	li t1, NPROC * PROC_SIZE
	add t1, t0, t1
1:	lw t4, P_PARENT(t0)
	bne t4, t2, 2f
	sw zero, P_PARENT(t0)
2:	lw t4, P_PID(t0)
	bne t4, t3, 3f
	lw t4, P_STATE(t0)
	li t5, WAITING
	bne t4, t5, 3f
	lw t4, P_WAITFOR(t0)
	bne t4, t2, 3f
	li t4, RUNNABLE                 # it will run its wait() again and find us a ZOMBIE
	sw t4, P_STATE(t0)
3:	addi t0, t0, PROC_SIZE
	bltu t0, t1, 1b
	lw ra, 0(sp)
	lw s0, 4(sp)
	addi sp, sp, 16
	ret

# proc_wait(process in a0, child pid in a1): the wait() system call.
# A child that has exited is reaped: the caller gets 0, its exit code in a1 and checksum in a2,
# and the entry becomes FREE. A child still running blocks the caller: it becomes WAITING, its pc
# goes back onto the ECALL, and another process runs; when the child exits, proc_exit makes the
# caller RUNNABLE and it executes the same wait() again, which now succeeds. (Restarting the
# call this way spares the kernel from keeping a blocked call's state on a kernel stack.)
proc_wait:
	la t0, proc_table
	li t1, NPROC * PROC_SIZE
	add t1, t0, t1
	lw t2, P_PID(a0)
1:	lw t3, P_STATE(t0)              # find an entry in use with pid a1 whose parent is us
	beqz t3, 2f
	lw t4, P_PID(t0)
	bne t4, a1, 2f
	lw t4, P_PARENT(t0)
	beq t4, t2, 3f
2:	addi t0, t0, PROC_SIZE
	bltu t0, t1, 1b
	li a0, -1                       # no such child
	ret
3:	li t4, ZOMBIE
	bne t3, t4, 4f
	lw t4, P_CODE(t0)               # reap it
	sw t4, FRAME_A1(a0)
	lw t4, P_CHECKSUM(t0)
	sw t4, FRAME_A2(a0)
	sw zero, P_STATE(t0)            # FREE
	li a0, 0
	ret
4:	li t4, WAITING                  # block until it exits
	sw t4, P_STATE(a0)
	sw a1, P_WAITFOR(a0)
	lw t4, FRAME_PC(a0)
	addi t4, t4, -4                 # back onto the ECALL
	sw t4, FRAME_PC(a0)
	j schedule

# schedule: run the next RUNNABLE process after the current one (round robin). Never returns.
# With none left, every process has exited: print the report and power off.
schedule:
	la t0, proc_table
	li t1, NPROC * PROC_SIZE
	add t1, t0, t1                  # t1 = end of the table
	la t2, current
	lw t2, 0(t2)
	mv t3, t2                       # t3 = the entry to start after: the current one, or
	bnez t3, 1f                     # before the first process ran, the last one (so that
	addi t3, t1, -PROC_SIZE         # the search starts at the first)
1:	li t4, NPROC                    # look at every entry once, the current one last
2:	addi t3, t3, PROC_SIZE
	bltu t3, t1, 3f
	mv t3, t0                       # wrap around
3:	lw t5, P_STATE(t3)
	li t6, RUNNABLE
	beq t5, t6, switch_to
	addi t4, t4, -1
	bnez t4, 2b
	j report                        # nobody can run

# switch_to(process in t3, current in t2): make it the current process and resume it.
switch_to:
	beq t3, t2, 1f                  # the same one again: nothing to switch
	la t0, current
	sw t3, 0(t0)
	lw t0, P_SATP(t3)
	satp_write t0                   # its address space (no flush: ASIDs keep them apart)
	csr_write sscratch, t3          # its frame, for the next trap
1:	mv a0, t3
	j return_to_user                # trap.s

# report: the end. One line per process still in the table, in pid order:
#   "pid 1 exit 0 checksum 0x1234abcd", or "pid 2 killed: scause 15 stval 0x00000000"
# then shut down: exit status 0 if every process exited with code 0, else 1 (SBI SRST
# "system failure"). A process that is WAITING here waits for a child that cannot exit: a bug.
report:
	li s0, 1                        # s0 = pid
	li s3, 0                        # s3 = exit status of the machine
1:	la t0, next_pid
	lw t0, 0(t0)
	bgeu s0, t0, 9f
	la s1, proc_table               # find the entry with pid s0, if it is still there
	li t1, NPROC * PROC_SIZE
	add t1, s1, t1
2:	lw t0, P_STATE(s1)
	beqz t0, 3f
	lw t2, P_PID(s1)
	beq t2, s0, 4f
3:	addi s1, s1, PROC_SIZE
	bltu s1, t1, 2b
	j 8f                            # reaped by its parent: the parent reported on it
4:	li t2, WAITING
	beq t0, t2, deadlock
	la a0, report_pid
	call kputs
	mv a0, s0
	call kput_dec
	lw s2, P_CODE(s1)
	lw t0, P_KILLED(s1)
	bnez t0, 5f
	la a0, report_exit             # " exit "
	call kputs
	mv a0, s2
	call kput_dec
	la a0, report_checksum         # " checksum "
	call kputs
	lw a0, P_CHECKSUM(s1)
	call kput_hex
	j 6f
5:	la a0, report_killed           # " killed: scause "
	call kputs
	lw a0, P_CAUSE(s1)
	call kput_dec
	la a0, report_stval            # " stval "
	call kputs
	lw a0, P_TVAL(s1)
	call kput_hex
6:	li a0, '\\n'
	call kputc
	beqz s2, 8f
	li s3, 1
8:	addi s0, s0, 1
	j 1b
9:	la a0, report_done             # "kernel: all processes have exited, pages in use: 0"
	call kputs
	la a0, pages_used               # (every process's memory was freed when it exited:
	lw a0, 0(a0)                    # anything but 0 is a leak)
	call kput_dec
	li a0, '\\n'
	call kputc
	mv a0, s3
	call sbi_shutdown               # sbi.s: does not return

deadlock:
	la a0, deadlock_msg
	j panic

	.data
	.balign 4
current:  .word 0                       # the running process's entry (0 before the first)
next_pid: .word 1
report_pid:      .asciz "pid "
report_exit:     .asciz " exit "
report_checksum: .asciz " checksum "
report_killed:   .asciz " killed: scause "
report_stval:    .asciz " stval "
report_done:     .asciz "kernel: all processes have exited, pages in use: "
deadlock_msg:    .asciz "a process waits for a child that cannot exit"

	.bss
	.balign 4
proc_table:
	.space NPROC * PROC_SIZE
`,
	'kernel/pv-queue.s': `# pv-queue.s — the paravirtual kernel's queue of page-table updates (vmm/pv-abi.md, "Batching"):
# Xen's lazy MMU mode (Barham et al., SOSP 2003, §3.3; Linux's arch/x86/xen/mmu_pv.c). Included by
# pv.s in its text section; the queue's storage, pv_queue (room for PV_QUEUE_MAX (PTE host address,
# new entry) pairs) and pv_queue_count, is declared in pv.s. Lab 2 (content/labs/batch-hypercall.md)
# has students write this file: buildGuest's \`sources\` option puts theirs in its place.
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
`,
	'kernel/pv.s': `# pv.s — the paravirtual kernel's side of the interface (vmm/pv-abi.md), assembled only in the PV
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
	li a0, '\\n'
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
`,
	'kernel/sbi.s': `# sbi.s — calls to the layer below the kernel: the SBI firmware (OpenSBI on a real board) or,
# under a hypervisor, the monitor. The Supervisor Binary Interface v2.0 (§3) is a calling
# convention for ECALL from S-mode: a7 = extension id, a6 = function id, arguments in a0–a5;
# the call returns an error code in a0 and a value in a1.

	.text
# timer_arm(): ask for a timer interrupt TIME_SLICE ticks from now.
# The time CSR counts ticks of the platform's timer (Unprivileged spec, ch. 10). On RV32 it is
# 64 bits read in two halves, so read high, low, high again, and retry if the high half moved
# in between (a carry from the low half).
timer_arm:
1:	rdtimeh t1
	rdtime t0
	rdtimeh t2
	bne t1, t2, 1b
	li t2, TIME_SLICE
	add a0, t0, t2                  # deadline = now + TIME_SLICE, 64-bit: low …
	sltu t2, a0, t0                 # … the carry …
	add a1, t1, t2                  # … and high
	# SBI TIME extension, set_timer (SBI v2.0 §6.1): the firmware raises the supervisor timer
	# interrupt (sip.STIP) once time ≥ deadline, and clears a pending one now.
	li a7, SBI_EXT_TIME
	li a6, 0
	ecall
	ret

# sbi_shutdown(failed in a0): power off. SBI SRST (v2.0 §10.1) system_reset with reset type 0
# (shutdown) and reason 0 (none) or 1 (system failure). It does not return; if it ever did,
# the kernel would wait for interrupts forever.
sbi_shutdown:
	mv a1, a0
	li a0, 0
	li a7, SBI_EXT_SRST
	li a6, 0
	ecall
1:	wait_for_interrupt
	j 1b
`,
	'kernel/syscall.s': `# syscall.s — the system calls (their numbers and arguments: abi.s).
#
# An ECALL from U-mode arrives as exception 8 with sepc pointing at the ECALL itself (§4.1.7):
# the kernel must move the saved pc past it, or the process would call again forever. Each
# handler is an ordinary function: a0 = the calling process, a1–a3 = the user's a0–a2; the value
# it returns goes back to the user in a0. Handlers that switch processes (yield, exit, a wait
# that blocks) jump to schedule instead of returning.

	.text
syscall:                                # a0 = the current process
	lw t0, FRAME_PC(a0)
	addi t0, t0, 4                  # resume after the ECALL
	sw t0, FRAME_PC(a0)
	lw t0, FRAME_A7(a0)             # the call number
	li a1, -1
	li t1, NSYSCALLS
	bgeu t0, t1, 1f                 # unknown: return -1
	slli t0, t0, 2
	la t1, syscall_table
	add t1, t1, t0
	lw t1, 0(t1)
	lw a1, FRAME_A0(a0)             # the user's arguments
	lw a2, FRAME_A1(a0)
	lw a3, FRAME_A2(a0)
	jalr t1                         # a0 = handler(process, arg0, arg1, arg2)
	mv a1, a0
1:	la t0, current                  # the result goes into the caller's a0
	lw a0, 0(t0)
	sw a1, FRAME_A0(a0)
	j return_to_user

	.data
	.balign 4
syscall_table:
	.word sys_bad, sys_write, sys_getpid, sys_yield, sys_exit
	.word sys_map, sys_unmap, sys_spawn, sys_wait

	.text
sys_bad:
	li a0, -1
	ret

sys_getpid:
	lw a0, P_PID(a0)
	ret

sys_yield:
	sw zero, FRAME_A0(a0)           # yield returns 0
	j schedule

sys_exit:                               # exit(code, checksum)
	call proc_exit                  # proc.s: a0 = process, a1 = code, a2 = checksum
	j schedule

# write(buf, len): copy the user's bytes into the kernel, then print them.
#
# The kernel may not trust a user pointer. It checks that the buffer lies in user space and that
# every page of it is mapped readable for U-mode, by walking the page table in software. Then it
# reads the bytes with sstatus.SUM = 1: without SUM, an S-mode access to a U page faults
# (§4.1.1, "Memory Privilege in sstatus"), which catches kernel bugs that follow user pointers by
# mistake, so the kernel sets SUM only around the copy.
.equ KBUF_SIZE, 128
sys_write:
	addi sp, sp, -32
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	sw s3, 16(sp)
	sw s4, 20(sp)
	sw s5, 24(sp)
	mv s0, a0                       # s0 = process
	mv s1, a1                       # s1 = buf
	mv s2, a2                       # s2 = len
	mv s3, zero                     # s3 = bytes written so far
	add s5, s1, s2                  # s5 = end = buf + len, which must not wrap around
	bltu s5, s1, write_fault
	li t0, USER_TOP
	bgtu s5, t0, write_fault
	srli s4, s1, 12                 # s4 = each page from buf's up to end
	slli s4, s4, 12
1:	bgeu s4, s5, write_copy
	mv a0, s0
	mv a1, s4
	call vm_lookup                  # vm.s: a0 = the PTE that maps va a1, or 0
	andi a0, a0, PTE_V | PTE_R | PTE_U
	li t0, PTE_V | PTE_R | PTE_U
	bne a0, t0, write_fault
	li t0, PAGE_SIZE
	add s4, s4, t0
	j 1b

write_copy:                             # copy and print up to KBUF_SIZE bytes at a time
	sub t0, s2, s3                  # t0 = bytes left
	beqz t0, write_done
	li t1, KBUF_SIZE
	bleu t0, t1, 2f
	mv t0, t1
2:	add t1, s1, s3                  # t1 = user source
	la t2, kbuf                     # t2 = kernel destination
	add t3, t2, t0                  # t3 = its end
	li t4, SSTATUS_SUM
	csr_set sstatus, t4             # open the window on user memory …
3:	lbu t5, 0(t1)
	sb t5, 0(t2)
	addi t1, t1, 1
	addi t2, t2, 1
	bltu t2, t3, 3b
	csr_clear sstatus, t4           # … and close it
	add s3, s3, t0
	la a0, kbuf
	mv a1, t0
	call kwrite                     # console.s
	j write_copy

write_done:
	mv a0, s3
	j 4f
write_fault:
	li a0, -1
4:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	lw s3, 16(sp)
	lw s4, 20(sp)
	lw s5, 24(sp)
	addi sp, sp, 32
	ret

# map(va): a fresh page at va. unmap(va): remove it. Only page-aligned user addresses.
sys_map:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	sw s2, 12(sp)
	mv s0, a0
	mv s1, a1
	mv a0, a1
	call user_page_ok
	beqz a0, 1f
	call page_alloc                 # vm.s: a zeroed page, or 0
	beqz a0, 1f
	mv s2, a0
	mv a0, s0
	mv a1, s1
	mv a2, s2
	li a3, USER_RW
	call vm_map                     # vm.s: 0, or -1 if va is already mapped
	beqz a0, 2f
	mv a0, s2
	call page_free
1:	li a0, -1
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	lw s2, 12(sp)
	addi sp, sp, 16
	ret

sys_unmap:
	addi sp, sp, -16
	sw ra, 0(sp)
	sw s0, 4(sp)
	sw s1, 8(sp)
	mv s0, a0
	mv s1, a1
	mv a0, a1
	call user_page_ok
	beqz a0, 1f
	mv a0, s0
	mv a1, s1
	call vm_unmap                   # vm.s: 0, or -1 if nothing is mapped there
	j 2f
1:	li a0, -1
2:	lw ra, 0(sp)
	lw s0, 4(sp)
	lw s1, 8(sp)
	addi sp, sp, 16
	ret

# user_page_ok(va) → 1 if va is a page-aligned address in user space, else 0.
user_page_ok:
	li t0, PAGE_SIZE - 1
	and t0, a0, t0
	bnez t0, 1f
	li t0, USER_TEXT
	bltu a0, t0, 1f
	li t0, USER_TOP
	bgeu a0, t0, 1f
	li a0, 1
	ret
1:	li a0, 0
	ret

sys_spawn:                              # spawn(program, arg)
	lw a3, P_PID(a0)
	mv a0, a1                       # program
	mv a1, a2                       # arg
	mv a2, a3                       # parent = the caller
	j proc_create                   # proc.s: returns the pid or -1

sys_wait:                               # wait(pid)
	j proc_wait                     # proc.s

	.bss
kbuf:	.space KBUF_SIZE
`,
	'kernel/trap.s': `# trap.s — the single door into the kernel.
#
# After boot the kernel runs only because of a trap (§4.1.2, §3.1.6.1): a user process executed
# ECALL, touched a page it may not, or the timer interrupted it. The hardware then
#   - saves the user pc in sepc, the reason in scause and the faulting address in stval,
#   - sets sstatus.SPP = 0 (it came from U-mode), SPIE = SIE and SIE = 0,
#   - and jumps to stvec in S-mode, with every register still holding user values.
# The vector saves the registers in the process's frame and dispatches on scause. Every path out
# ends in trap_leave (through return_to_user or switch_to), which restores a frame and executes
# SRET. The handlers it jumps to (syscall, page_fault, kill, schedule) are not functions: each
# starts on an empty kernel stack, may use any register, and never returns.

	.text
	.balign 4                       # stvec needs a 4-byte-aligned address
trap_vector:
	trap_enter                      # priv.s: sp = the frame, all user registers saved in it
	mv a0, sp                       # a0 = the frame = the current process's table entry
	la sp, kernel_stack_top         # a fresh kernel stack for every trap

	# A trap whose pc lies in the kernel (0x8000_0000 and up, negative as a signed number)
	# came from the kernel itself: a kernel bug, since it never takes interrupts or faults.
	lw t0, FRAME_PC(a0)
	bltz t0, kernel_trap

	csr_read t0, scause
	bltz t0, interrupt              # bit 31 set: an interrupt (§4.1.8)
	li t1, EXC_ECALL_U
	bne t0, t1, 1f
	j syscall                       # syscall.s (a jump: the PV build puts it out of a branch's reach)
1:	li t1, EXC_LOAD_PAGE_FAULT
	beq t0, t1, 2f
	li t1, EXC_STORE_PAGE_FAULT
	beq t0, t1, 2f
	mv a1, t0                       # anything else (an illegal instruction, a misaligned
	j kill                          # access, an instruction page fault): the process dies
2:	j page_fault                    # vm.s: demand paging

interrupt:
	slli t0, t0, 1                  # drop the interrupt bit
	srli t0, t0, 1
	li t1, IRQ_S_TIMER
	bne t0, t1, unexpected          # the kernel enables no other interrupt
	# The time slice is over. Ask for the next timer interrupt (which also withdraws this one)
	# and run the next process in turn; the current one stays RUNNABLE.
	call timer_arm                  # sbi.s
	j schedule                      # proc.s

# kill(frame in a0, scause in a1): a process did something the kernel will not fix. Its exit
# code becomes -1, and the fault is kept for the final report (printing it now would put the
# line wherever the scheduler happened to be, and the output must not depend on timing).
kill:
	mv s0, a0
	mv s1, a1
	csr_read s2, stval
	sw s1, P_CAUSE(s0)
	sw s2, P_TVAL(s0)
	li t0, 1
	sw t0, P_KILLED(s0)
	li a1, -1                       # exit code
	li a2, 0                        # checksum
	call proc_exit
	j schedule

# A trap from S-mode. trap_enter has saved the kernel's registers over the current process's
# frame, which is lost; print what happened and stop the machine.
kernel_trap:
	la a0, kernel_trap_msg
	call kputs
	csr_read a0, scause
	call kput_hex
	la a0, kernel_trap_sepc
	call kputs
	csr_read a0, sepc
	call kput_hex
	la a0, kernel_trap_stval
	call kputs
	csr_read a0, stval
	call kput_hex
	li a0, '\\n'
	call kputc
	li a0, 1
	call sbi_shutdown               # does not return

unexpected:
	la a0, unexpected_msg
	j panic

# panic(message): the kernel cannot go on.
panic:
	mv s0, a0
	la a0, panic_msg
	call kputs
	mv a0, s0
	call kputs
	li a0, '\\n'
	call kputc
	li a0, 1
	call sbi_shutdown

# return_to_user(process in a0): resume the process (the current one) where its frame says.
return_to_user:
	trap_leave a0

	.data
kernel_trap_msg:   .asciz "kernel panic: trap in the kernel, scause "
kernel_trap_sepc:  .asciz " sepc "
kernel_trap_stval: .asciz " stval "
panic_msg:         .asciz "kernel panic: "
unexpected_msg:    .asciz "an interrupt the kernel did not enable"
`,
	'kernel/vm.s': `# vm.s — memory: physical pages, Sv32 page tables, demand paging.
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
`,
	'workloads/compute.s': `# compute — three processes doing arithmetic, with no system call until exit.
#
# Nothing in their loops asks the kernel for anything: the kernel runs only when the timer
# interrupts a process at the end of its time slice and switches to the next. Natively and under
# hardware assistance that costs almost nothing; under trap-and-emulate, only the kernel's own
# instructions exit, and the user code runs at full speed. Each process mixes multiply, divide,
# shifts and branches, seeded by its argument, over ITERATIONS rounds.

.include "workloads/user.s"
.equ ITERATIONS, 25000 * SCALE

	.text
prog_compute:                           # a0 = seed
	li s0, FNV_OFFSET               # s0 = checksum
	addi s1, a0, 1                  # s1 = x, a linear congruential sequence from the seed
	li s2, ITERATIONS               # s2 = rounds left
	li s3, 1103515245               # the multiplier of C's rand()
	li s4, 12345                    # and its increment
1:	mul s1, s1, s3
	add s1, s1, s4
	slli t0, s1, 1                  # t0 = a 15-bit number from bits 30:16
	srli t0, t0, 17
	addi t1, t0, 7
	divu t2, s1, t1                 # a division and a remainder
	remu t3, s1, t1
	xor t2, t2, t3
	andi t4, t0, 1
	beqz t4, 2f                     # a data-dependent branch
	slli t2, t2, 3
2:	fnv s0, t2, t5
	addi s2, s2, -1
	bnez s2, 1b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_compute_end:

	.data
	.balign 4
programs:                               # how many programs, then each one's start and end
	.word 1
	.word prog_compute, prog_compute_end
boot_programs:                          # started at boot: (program, argument) …, -1
	.word 0, 1
	.word 0, 2
	.word 0, 3
	.word -1
workload_name: .asciz "compute"
`,
	'workloads/console.s': `# console — one process writing LINES short lines with write(): console output.
#
# Each line is one write() call; the kernel copies it from user memory and sends it to the UART
# byte by byte. Under a hypervisor the UART is emulated: every access to it exits (two per byte:
# the status register, then the data register), so this workload measures the price of device
# emulation. Only this process prints, so the lines come out in the same order every run.

.include "workloads/user.s"
.equ LINES, 40 * SCALE

	.text
prog_console:
	li s0, FNV_OFFSET               # s0 = checksum
	li s1, LINES                    # s1 = lines left
1:	lla a0, line                    # write(line, line_end - line)
	lla a1, line_end
	sub a1, a1, a0
	sys SYS_WRITE                   # returns the number of bytes written
	fnv s0, a0, t0
	lla t0, digits_end              # count up the decimal number in the line: "0009" → "0010"
	lla t3, digits
2:	addi t0, t0, -1
	lbu t1, 0(t0)
	addi t1, t1, 1
	li t2, '9'
	bleu t1, t2, 3f
	li t1, '0'                      # 9 + 1: write 0 and carry into the digit before, if any
	sb t1, 0(t0)
	bne t0, t3, 2b
	j 4f
3:	sb t1, 0(t0)
4:	addi s1, s1, -1
	bnez s1, 1b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT

line:	.ascii "console: line "         # the program's own data, in its own (writable) pages
digits:	.ascii "0001"
digits_end:
	.ascii "\\n"
line_end:
	.balign 4, 0
prog_console_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_console, prog_console_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "console"
`,
	'workloads/pagetouch.s': `# pagetouch — one process touching PAGES fresh pages of its heap: demand paging.
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
`,
	'workloads/pingpong.s': `# pingpong — two processes handing the processor to each other with yield(), ROUNDS times each.
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
`,
	'workloads/ptemod.s': `# ptemod — one process mapping and unmapping one page ROUNDS times: page-table updates.
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
`,
	'workloads/ptrate.s': `# ptrate — one process alternating reads of a working set with page-table updates, RATE map and
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
# RATE, WSET, PASSES and BLOCKS are parameters (buildGuest's \`params\`); SCALE multiplies the blocks.

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
`,
	'workloads/spawn.s': `# spawn — a parent creating CHILDREN processes, one after the other, and waiting for each.
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
`,
	'workloads/syscall.s': `# syscall — one process calling getpid() CALLS times: the cost of a system call.
#
# getpid does nearly nothing, so the run is dominated by the round trip: ECALL, the trap into
# the kernel, saving and restoring 31 registers, SRET. Natively and with hardware assistance the
# trap goes straight from the user process to the guest kernel (hedeleg delegates ECALL from
# VU-mode), so the hypervisor never sees it; under trap-and-emulate the monitor has to step in
# at every trap and every privileged instruction of the kernel's path.

.include "workloads/user.s"
.equ CALLS, 5000 * SCALE

	.text
prog_syscall:
	li s0, FNV_OFFSET               # s0 = checksum
	li s1, CALLS                    # s1 = calls left
1:	sys SYS_GETPID                  # a0 = our pid, every time
	add a0, a0, s1                  # fold in the counter too, so every call counts
	fnv s0, a0, t0
	addi s1, s1, -1
	bnez s1, 1b
	li a0, 0
	mv a1, s0
	sys SYS_EXIT
	.balign 4, 0
prog_syscall_end:

	.data
	.balign 4
programs:
	.word 1
	.word prog_syscall, prog_syscall_end
boot_programs:
	.word 0, 0
	.word -1
workload_name: .asciz "syscall"
`,
	'workloads/user.s': `# user.s — what every user program uses: system-call macros (numbers in kernel/abi.s) and a
# checksum step. User programs are copied into fresh pages at USER_TEXT when a process starts,
# not run where the image puts them, so they must not depend on their address: they reach
# their own data with \`lla\` (pc-relative: auipc + addi) and never use an absolute address.
# Each program ends with \`.balign 4, 0\` (its length is copied a word at a time).

# sys NUMBER: a system call, arguments in a0–a2, result in a0
.macro sys number
	li a7, \\number
	ecall
.endm

# fnv h, x, tmp: h = (h xor x) · 16777619, a step of the 32-bit FNV-1a hash.
# Every workload folds what it computed into one checksum this way and passes it to exit.
.equ FNV_OFFSET, 0x811c9dc5
.macro fnv h, x, tmp
	xor \\h, \\h, \\x
	li \\tmp, 16777619
	mul \\h, \\h, \\tmp
.endm

# SCALE multiplies each workload's iteration count (buildGuest's \`scale\` option).
.ifndef SCALE
.equ SCALE, 1
.endif
`,
	'workloads/wset.s': `# wset — one process touching WSET pages of its heap round robin, ROUNDS times over: TLB misses.
#
# Each touch adds one to the first word of a page (a load and a store to the same page), then
# moves to the next page, wrapping after WSET pages. The first round faults every page in
# (demand paging); after it nothing changes in the page tables, so what remains is the hardware's
# address translation. While WSET pages fit in the TLB (64 entries by default) the touches hit;
# above it, in a direct-mapped TLB, nearly every touch misses and walks the page tables: 2 PTE
# reads natively or under shadow paging, up to 8 under two-stage translation (§9.5). At the end
# the process folds every page's count into its checksum.
#
# WSET and ROUNDS are parameters (buildGuest's \`params\`); SCALE multiplies the rounds.

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
`
};
