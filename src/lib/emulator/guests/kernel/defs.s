# defs.s — the kernel's constants: the machine's memory map, Sv32 page-table entries, the
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
