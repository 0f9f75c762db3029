# abi.s — the contract between the kernel and its user programs.
#
# A user program asks the kernel for a service with ECALL, the RISC-V system call instruction
# (Unprivileged spec §2.8): it puts the call number in a7 and the arguments in a0–a2, executes
# `ecall`, and finds the result in a0 (and a1–a2 for wait). All other registers are preserved.
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
