// Generated from the .s files beside it by embed.ts: do not edit by hand.
// Regenerate: UPDATE_EXAMPLE_SOURCES=1 npx vitest run tests/unit/widgets/machine/examples-sources.test.ts
export const EXAMPLE_SOURCES: Record<string, string> = {
	'hello.s': `# hello.s — print one line through the UART, then switch the machine off.
#
# The machine starts here, in M-mode, with no firmware: nobody has set anything up for us, and
# there is no operating system to ask. To print, we talk to the hardware ourselves. The UART (a
# 16550, as on QEMU's \`virt\` board) is memory-mapped: its registers are addresses, and ordinary
# loads and stores reach them.

	.option norvc                   # 32-bit instructions only: this machine has no C extension

	.equ UART, 0x10000000           # the UART's registers start here
	.equ UART_THR, 0                # transmit holding register: store a byte here to send it
	.equ UART_LSR, 5                # line status register
	.equ LSR_THRE, 0x20             # LSR bit 5: the transmitter can take another byte
	.equ FINISHER, 0x00100000       # the test finisher: storing 0x5555 here powers off (exit 0)
	.equ FINISHER_PASS, 0x5555

	.text
	.globl _start
_start:
	la s0, message                  # s0 walks along the string, one byte at a time
	li s1, UART

next_byte:
	lbu t0, 0(s0)                   # the next character (zero-extended byte load)
	beqz t0, done                   # a zero byte ends the string (.asciz put it there)

	# Wait until the UART can take a byte. A real UART sends slowly, so software must ask
	# first ("polling"); this one is always ready, but a polite program asks anyway.
wait_uart:
	lbu t1, UART_LSR(s1)
	andi t1, t1, LSR_THRE
	beqz t1, wait_uart

	sb t0, UART_THR(s1)             # send the character
	addi s0, s0, 1
	j next_byte

done:
	li t0, FINISHER                 # power off: the run stops here with exit code 0
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b                            # not reached: the store above stops the machine

	.section .rodata                # read-only data, placed after the code
message:
	.asciz "Hello, RISC-V!\\n"
`,
	'loops.s': `# loops.s — loops and function calls: a counting loop, a recursive function with a stack frame,
# and a function that prints a number in decimal.
#
# The calling convention is the standard RISC-V one (the psABI, "RISC-V calling conventions"):
# arguments in a0–a7, the result in a0, the return address in ra; a function may overwrite
# t0–t6 and a0–a7 ("caller-saved"), but must give s0–s11, sp and ra back as it found them
# ("callee-saved"), saving them on the stack if it uses them. The stack grows down and sp stays a
# multiple of 16.

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555

	.text
	.globl _start
_start:
	la sp, stack_top                # no firmware set up a stack: point sp at our own

	# 1. A loop: a0 = 1 + 2 + … + 10. The loop counter lives in t0, the running sum in a1.
	li t0, 1
	li a1, 0
	li t1, 10
sum_loop:
	add a1, a1, t0
	addi t0, t0, 1
	ble t0, t1, sum_loop            # ble is a pseudo-instruction: bge with the operands swapped
	la a0, sum_text
	call print_result               # prints "sum 1..10 = 55"

	# 2. Recursion: factorial(10), each call with its own stack frame.
	li a0, 10
	call factorial
	mv a1, a0
	la a0, fact_text
	call print_result               # prints "10! = 3628800"

	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

# factorial(n in a0) → n! in a0. factorial(n) = n × factorial(n − 1), and factorial(0) = 1.
# Each call needs n after the inner call returns, and the inner call overwrites a0 and ra, so the
# function keeps both in its stack frame: 16 bytes, ra at 12(sp), s0 (which then holds n) at 8(sp).
factorial:
	addi sp, sp, -16                # prologue: make the frame and save what we will change
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
	li a0, 1
	beqz s0, 1f                     # base case: 0! = 1
	addi a0, s0, -1
	call factorial                  # a0 = (n − 1)!
	mul a0, a0, s0                  # a0 = n × (n − 1)!  (M extension)
1:	lw s0, 8(sp)                    # epilogue: restore and pop the frame
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

# print_result(text in a0, value in a1): prints the text, the value in decimal and a newline.
print_result:
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a1                       # puts may overwrite a1: keep the value in a saved register
	call puts
	mv a0, s0
	call print_decimal
	li a0, '\\n'
	call putc
	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

# print_decimal(value in a0, unsigned). Division by 10 gives the digits last one first, so they go
# into a small buffer on the stack, filled from its end, and are printed from there.
print_decimal:
	addi sp, sp, -32                # the digits go below 16(sp), ra and s0 above
	sw ra, 28(sp)
	sw s0, 24(sp)
	addi s0, sp, 16                 # s0: the string's start, moving down one byte per digit
	sb zero, 0(s0)                  # the zero byte that ends the string
	li t1, 10
1:	remu t0, a0, t1                 # the last digit…
	divu a0, a0, t1                 # …and the number without it
	addi t0, t0, '0'
	addi s0, s0, -1
	sb t0, 0(s0)
	bnez a0, 1b                     # a do-while loop: zero still prints one digit
	mv a0, s0
	call puts
	lw s0, 24(sp)
	lw ra, 28(sp)
	addi sp, sp, 32
	ret

# puts(zero-terminated string in a0). A leaf would not need a frame, but puts calls putc.
puts:
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call putc
	addi s0, s0, 1
	j 1b
2:	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

# putc(byte in a0): a leaf function (it calls nobody), so it needs no stack frame at all.
putc:
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
sum_text:	.asciz "sum 1..10 = "
fact_text:	.asciz "10! = "

	.bss
	.align 4
stack:	.space 4096                     # 4 KiB of stack: factorial(10) needs 11 frames of 16 bytes
stack_top:
`,
	'paging.s': `# paging.s — Sv32 virtual memory: build a two-level page table, turn paging on, use a virtual
# address, and handle a page fault by mapping the missing page ("demand paging").
#
# Sv32 (Privileged spec §4.3) splits a 32-bit virtual address into VPN[1] (bits 31:22), VPN[0]
# (bits 21:12) and a 12-bit page offset. satp holds the physical page number of the root table;
# VPN[1] picks one of its 1024 four-byte PTEs. A PTE whose R, W and X bits are all 0 points to
# the next level, where VPN[0] picks the PTE of a 4 KiB page; a PTE with R, W or X set is a leaf
# already: at the root that maps a whole 4 MiB "megapage". PTE bits (Figure 4.18):
#   31:10 PPN | 9:8 RSW | 7 D | 6 A | 5 G | 4 U | 3 X | 2 W | 1 R | 0 V
# M-mode never translates (§3.1.6.3), so M-mode builds the tables, then runs S-mode code with
# paging on. The trace shows the hart reading exactly the PTEs built here.

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333

	.equ PTE_V, 0x01                # valid
	.equ PTE_R, 0x02                # readable
	.equ PTE_W, 0x04                # writable
	.equ PTE_X, 0x08                # executable
	.equ PTE_A, 0x40                # accessed: set here already, so the hart need not set it
	.equ PTE_D, 0x80                # dirty: likewise (§4.3.1 lets hardware or software do it)
	.equ VA, 0x40000000             # the virtual page we use: VPN[1] = 0x100, VPN[0] = 0
	.equ SATP_SV32, 1 << 31         # satp.MODE = 1: Sv32
	.equ CAUSE_STORE_PAGE_FAULT, 15
	.equ CAUSE_ECALL_S, 9
	.equ MPP_S, 0x0800

	# PTE that points at the page at \`label\`, with \`flags\`, into t0: PPN = address >> 12, at bit 10.
	.macro PTE label, flags
	la t0, \\label
	srli t0, t0, 12
	slli t0, t0, 10
	ori t0, t0, \\flags
	.endm

	.text
	.globl _start
# ---- M-mode: build the page table.
_start:
	li t0, -1                       # PMP: let S-mode reach all memory (for QEMU; §3.7)
	csrw pmpaddr0, t0
	li t0, 0x1f
	csrw pmpcfg0, t0
	la sp, stack_top
	la t0, m_trap
	csrw mtvec, t0
	la t0, s_trap
	csrw stvec, t0
	li t0, (1 << 12) | (1 << 13) | (1 << CAUSE_STORE_PAGE_FAULT)
	csrw medeleg, t0                # page faults (fetch, load, store) go to S-mode (§3.1.8)

	la s0, root
	# root[0x200]: the megapage 0x80000000–0x803fffff, mapped to itself, so the code, data and
	# stack keep their addresses once paging is on. A megapage's PPN[0] must be 0 (§4.3.2 step 6).
	li t0, (0x80000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
	li t1, 0x200 * 4
	add t1, s0, t1
	sw t0, 0(t1)
	# root[0x040]: the megapage of the UART, 0x10000000, also mapped to itself (not executable).
	li t0, (0x10000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	sw t0, 0x040 * 4(s0)
	# root[0x100]: a pointer (R = W = X = 0) to the second-level table l0, for VA's 4 MiB.
	PTE l0, PTE_V
	sw t0, 0x100 * 4(s0)
	# l0[0]: VA 0x40000000 → data_page, readable and writable. l0[1] (VA + 0x1000) stays 0:
	# invalid, so the first access there faults.
	PTE data_page, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	la t1, l0
	sw t0, 0(t1)

	la t0, data_page                # something to find at VA, stored by its physical address
	li t1, 0x600dcafe
	sw t1, 0(t0)

	srli t0, s0, 12                 # satp = Sv32 | root's physical page number (ASID 0)
	li t1, SATP_SV32
	or t0, t0, t1
	csrw satp, t0
	sfence.vma                      # forget any translation cached before (§4.2.1)

	li t0, 0x1800                   # enter S-mode at s_main (MPP = S, then MRET)
	csrc mstatus, t0
	li t0, MPP_S
	csrs mstatus, t0
	la t0, s_main
	csrw mepc, t0
	mret

# M-mode's trap handler: S-mode's ecall at the end asks to power off.
m_trap:
	csrr t0, mcause
	li t1, CAUSE_ECALL_S
	bne t0, t1, fail
	la a0, m_text                   # M-mode reads the page the fault handler mapped, by its
	call puts                       # physical address: the store through VA + 0x1000 is there
	la t0, spare_page
	lw a0, 0(t0)
	call print_hex
	li a0, '\\n'
	call putc
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# ---- S-mode: from here on every fetch, load and store is translated.
s_main:
	la a0, load_text
	call puts
	li t0, VA
	lw a0, 0(t0)                    # walk: root[0x100] → l0[0] → data_page
	call print_hex
	li a0, '\\n'
	call putc

	li t0, VA + 0x1000
	li t1, 0x12345678
	sw t1, 0(t0)                    # l0[1] is invalid: store page fault, then the store again
	lw a0, 0(t0)
	mv s1, a0
	la a0, again_text
	call puts
	mv a0, s1
	call print_hex
	li a0, '\\n'
	call putc
	ecall                           # done: ask M-mode to power off
	j fail

# S-mode's trap handler. The fault came from S-mode itself, so it can keep using the same stack.
s_trap:
	addi sp, sp, -16
	sw ra, 12(sp)
	sw t0, 8(sp)
	sw t1, 4(sp)
	sw a0, 0(sp)
	csrr t0, scause
	li t1, CAUSE_STORE_PAGE_FAULT
	bne t0, t1, fail
	csrr t0, stval                  # the virtual address that faulted (§4.1.9)
	li t1, VA + 0x1000
	bne t0, t1, fail                # only that page may fault in this program
	la a0, fault_text
	call puts
	csrr a0, stval
	call print_hex
	li a0, '\\n'
	call putc

	PTE spare_page, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	la t1, l0
	sw t0, 4(t1)                    # l0[1]: VA + 0x1000 → spare_page
	sfence.vma                      # make the new PTE visible to the hart's translation (§4.2.1)
	lw a0, 0(sp)
	lw t1, 4(sp)
	lw t0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	sret                            # sepc still points at the store: it runs again, and works

# ---- Printing (works with paging on or off: the UART and this code are mapped to themselves).
print_hex:                          # print_hex(value in a0): "0x" and eight hex digits
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	sw s1, 4(sp)
	mv s0, a0
	li a0, '0'
	call putc
	li a0, 'x'
	call putc
	li s1, 28                       # shift for the top digit; then 24, 20, … 0
1:	srl t0, s0, s1
	andi t0, t0, 15
	la t1, hex_digits
	add t1, t1, t0
	lbu a0, 0(t1)
	call putc
	addi s1, s1, -4
	bgez s1, 1b
	lw s1, 4(sp)
	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

puts:                               # puts(zero-terminated string in a0)
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call putc
	addi s0, s0, 1
	j 1b
2:	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

putc:                               # putc(byte in a0); uses t0 and t1 only
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
hex_digits:	.ascii "0123456789abcdef"
load_text:	.asciz "S-mode, paging on: load from virtual 0x40000000 = "
fault_text:	.asciz "page fault (scause 15, a store); mapping the page at stval = "
again_text:	.asciz "the store ran again; load from virtual 0x40001000 = "
m_text:		.asciz "M-mode: the page mapped on demand holds (physical address) "

	.bss
	.align 12                       # page tables and pages: 4 KiB aligned (§4.3.1)
root:		.space 4096
l0:		.space 4096
data_page:	.space 4096
spare_page:	.space 4096
		.space 1024
stack_top:
`,
	'timer.s': `# timer.s — a timer interrupt from the CLINT.
#
# The CLINT (core-local interruptor, as on QEMU's \`virt\` board and SiFive cores) holds two 64-bit
# memory-mapped registers: mtime, which counts up at a constant rate, and mtimecmp. Whenever
# mtime >= mtimecmp, the machine timer interrupt is pending: mip.MTIP (bit 7) reads 1 (Privileged
# spec §3.2.1). A pending interrupt is *taken* only if it is enabled twice: its own bit in mie
# (MTIE, bit 7) and the global switch mstatus.MIE (bit 3), §3.1.9. Then the hart traps to mtvec
# with mcause = 0x80000007: top bit set for "interrupt", code 7 for "machine timer".
#
# The program first watches MTIP rise with interrupts off (polling), then takes three timer
# interrupts, each one setting the next deadline, and finally switches off.

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333

	.equ CLINT_MTIMECMP, 0x02004000 # mtimecmp, low word; the high word follows
	.equ INTERVAL, 100              # ticks of mtime between interrupts (a tick is 100 instructions here)
	.equ MIP_MTIP, 1 << 7
	.equ MIE_MTIE, 1 << 7
	.equ MSTATUS_MIE, 1 << 3
	.equ TIMER_CAUSE, 0x80000007    # interrupt bit + machine timer interrupt (Table 3.6)
	.equ TICKS, 3

	.text
	.globl _start
_start:
	la sp, stack_top
	la t0, m_trap
	csrw mtvec, t0                  # mode 0 (direct): every trap, interrupts too, starts at m_trap
	li s1, 0                        # s1 counts the interrupts taken

	# 1. Pending is not taken. Interrupts are off (mie = 0 and mstatus.MIE = 0 at reset), so
	#    when the deadline passes, MTIP rises and nothing else happens: software can poll it.
	li a0, INTERVAL
	call set_timer
1:	csrr t0, mip
	andi t0, t0, MIP_MTIP
	beqz t0, 1b
	la a0, polled_text
	call puts

	# 2. Enable it: MTIE in mie, then the global MIE. A new deadline clears MTIP first, or the
	#    interrupt would be taken at once.
	li a0, INTERVAL
	call set_timer
	li t0, MIE_MTIE
	csrs mie, t0
	csrsi mstatus, MSTATUS_MIE

	# 3. Wait. WFI stalls the hart until an interrupt is pending (§3.3.3): no busy loop.
wait:
	wfi
	li t0, TICKS
	blt s1, t0, wait

	la a0, done_text
	call puts
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

# The trap handler. An interrupt can arrive between any two instructions of the code above, so
# the handler saves every register it uses and restores it before MRET.
m_trap:
	addi sp, sp, -32
	sw ra, 16(sp)
	sw t0, 12(sp)
	sw t1, 8(sp)
	sw t2, 4(sp)
	sw a0, 0(sp)
	csrr t0, mcause
	li t1, TIMER_CAUSE
	bne t0, t1, fail                # nothing else is expected here

	addi s1, s1, 1                  # one more tick; say so
	la a0, tick_text
	call puts
	addi a0, s1, '0'
	call putc
	li a0, '\\n'
	call putc

	li t0, TICKS
	blt s1, t0, 1f
	li t0, MIE_MTIE                 # the last one: disable the timer interrupt
	csrc mie, t0
	j 2f
1:	li a0, INTERVAL                 # otherwise the next deadline (this also clears MTIP)
	call set_timer
2:	lw a0, 0(sp)
	lw t2, 4(sp)
	lw t1, 8(sp)
	lw t0, 12(sp)
	lw ra, 16(sp)
	addi sp, sp, 32
	mret                            # back to the interrupted instruction (mepc), MIE restored

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# set_timer(ticks in a0): mtimecmp = now + a0; uses t0–t2 and a0. Both are 64 bits wide and RV32 stores 32 at a
# time, so the order matters (the sequence of §3.2.1): first make the high word all ones, so that
# the half-written value can never lie in the past and fire early, then the low word, then the
# real high word. "Now" comes from the time CSR, which mirrors mtime; reading the high half before
# and after the low half catches a carry between the two reads.
set_timer:
1:	rdtimeh t1
	rdtime t0
	rdtimeh t2
	bne t1, t2, 1b
	add t0, t0, a0                  # 64-bit add: low word, then carry into the high word
	sltu a0, t0, a0
	add t1, t1, a0
	li t2, CLINT_MTIMECMP
	li a0, -1
	sw a0, 4(t2)
	sw t0, 0(t2)
	sw t1, 4(t2)
	ret

puts:                               # puts(zero-terminated string in a0)
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call putc
	addi s0, s0, 1
	j 1b
2:	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

putc:                               # putc(byte in a0); uses t0 and t1 only
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
polled_text:	.asciz "polled: mip.MTIP is set, but with mie.MTIE = 0 no interrupt was taken\\n"
tick_text:	.asciz "timer interrupt "
done_text:	.asciz "three timer interrupts taken; powering off\\n"

	.bss
	.align 4
	.space 1024
stack_top:
`,
	'traps.s': `# traps.s — privilege modes, system calls and trap delegation.
#
# Three programs share this file, one per privilege level (Privileged spec §1.2):
#   M-mode  "firmware": sets up, hands exceptions from U-mode to S-mode, powers off at the end;
#   S-mode  a tiny kernel: serves system calls;
#   U-mode  a user program: may only compute and ask the kernel for services with ECALL.
# ECALL raises an exception, "environment call from U-mode" (cause 8), "from S-mode" (cause 9),
# and so on (Table 3.6). Every trap goes to M-mode unless medeleg delegates it (§3.1.8): here
# medeleg bit 8 sends U-mode's ecalls straight to S-mode, and M-mode sees only S-mode's.
# The run takes exactly three traps: ecall from U (to S), again (to S), ecall from S (to M).

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333      # exit code in bits 31:16, here 1

	.equ CAUSE_ECALL_U, 8
	.equ CAUSE_ECALL_S, 9
	.equ MSTATUS_MPP, 0x1800        # mstatus bits 12:11: the mode MRET returns to
	.equ MPP_S, 0x0800              # … 01 = S-mode
	.equ SSTATUS_SPP, 0x100         # sstatus bit 8: the mode SRET returns to (0 = U-mode)

	.equ SYS_WRITE, 1               # our system calls: number in a7, argument in a0
	.equ SYS_EXIT, 2

	.text
	.globl _start
# ---- M-mode: the machine starts here.
_start:
	li t0, -1                       # PMP: let S and U reach all memory (one NAPOT region, RWX).
	csrw pmpaddr0, t0               # This machine does not check PMP, but real hardware and
	li t0, 0x1f                     # QEMU do (§3.7): without it, S-mode could not even fetch.
	csrw pmpcfg0, t0

	la sp, m_stack_top
	la t0, m_trap
	csrw mtvec, t0                  # where traps into M-mode go
	li t0, 1 << CAUSE_ECALL_U
	csrw medeleg, t0                # U-mode ecalls go to S-mode instead (§3.1.8)
	la t0, s_trap
	csrw stvec, t0                  # where traps into S-mode go
	la t0, s_stack_top
	csrw sscratch, t0               # the kernel's stack, for its trap handler

	li t0, MSTATUS_MPP              # MRET "returns" to the mode in mstatus.MPP, at mepc:
	csrc mstatus, t0                # that is how M-mode enters a less privileged mode (§3.3.2)
	li t0, MPP_S
	csrs mstatus, t0
	la t0, s_main
	csrw mepc, t0
	mret

# M-mode's trap handler: the only trap it expects is the kernel's ecall asking to power off.
m_trap:
	csrr t0, mcause
	li t1, CAUSE_ECALL_S
	bne t0, t1, fail
	la a0, m_text
	call puts
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# ---- S-mode: the kernel. It enters U-mode the same way, with SRET (sepc, sstatus.SPP).
s_main:
	la a0, s_start_text
	call puts                       # S-mode may touch the UART: paging is off (satp = 0)
	li t0, SSTATUS_SPP
	csrc sstatus, t0                # SPP = 0: SRET goes to U-mode
	la t0, u_main
	csrw sepc, t0
	sret

# The kernel's trap handler. It must not disturb the user program, so it switches to its own
# stack (sscratch holds the kernel stack pointer; CSRRW swaps it with the user's sp in one
# instruction) and saves every register it uses.
s_trap:
	csrrw sp, sscratch, sp
	addi sp, sp, -32
	sw ra, 0(sp)
	sw t0, 4(sp)
	sw t1, 8(sp)
	sw a0, 12(sp)
	sw s0, 16(sp)

	csrr t0, scause                 # why are we here? (§4.1.8)
	li t1, CAUSE_ECALL_U
	bne t0, t1, fail                # (fail is M-mode code, but nothing stops S-mode running it)
	li t1, SYS_WRITE
	beq a7, t1, sys_write
	li t1, SYS_EXIT
	beq a7, t1, sys_exit
	j fail

sys_write:                          # write(string in a0): print it for the user
	call puts
	csrr t0, sepc                   # sepc points at the ecall itself: return past it,
	addi t0, t0, 4                  # or the user would call again, forever
	csrw sepc, t0
	lw ra, 0(sp)
	lw t0, 4(sp)
	lw t1, 8(sp)
	lw a0, 12(sp)
	lw s0, 16(sp)
	addi sp, sp, 32
	csrrw sp, sscratch, sp          # the user's sp back, the kernel's back in sscratch
	sret

sys_exit:                           # exit(): the kernel asks M-mode to switch off, with its own
	la a0, s_exit_text              # ecall (cause 9, not delegated: M-mode handles it). An SBI
	call puts                       # firmware offers the same service (SBI SRST).
	ecall
	j fail                          # M-mode never returns here

# ---- U-mode: the user program. It cannot touch devices or CSRs; it asks the kernel.
u_main:
	la a0, u_text
	li a7, SYS_WRITE
	ecall                           # trap 1: cause 8, delegated to S-mode
	li a7, SYS_EXIT
	ecall                           # trap 2: cause 8 again; the kernel then takes trap 3 to M
1:	j 1b

# ---- Printing, shared by all three modes (it only touches the UART and its own stack frame).
puts:                               # puts(zero-terminated string in a0)
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call putc
	addi s0, s0, 1
	j 1b
2:	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

putc:                               # putc(byte in a0)
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
s_start_text:	.asciz "S-mode: kernel started; entering U-mode with sret\\n"
u_text:		.asciz "U-mode: hello, through the write system call\\n"
s_exit_text:	.asciz "S-mode: exit from U-mode; asking M-mode to power off\\n"
m_text:		.asciz "M-mode: ecall from S-mode (cause 9); powering off\\n"

	.bss
	.align 4
		.space 1024
m_stack_top:
		.space 1024
s_stack_top:
`,
	'two-stage.s': `# two-stage.s — the hypervisor extension: run a guest in VS-mode with two-stage translation,
# and handle a guest-page fault in HS-mode the way KVM does, by backing the guest's memory on
# first touch.
#
# With the H extension (Privileged spec chapter 9), S-mode becomes HS-mode, the hypervisor's,
# and a guest kernel runs in VS-mode (V = 1). A guest's address goes through two translations
# (§9.5): the VS-stage, the guest's own Sv32 table (root in vsatp), turns a guest virtual address
# (GVA) into a guest physical address (GPA); the G-stage, the hypervisor's table (hgatp, "Sv32x4"),
# turns that GPA into a real (host) physical address. The VS-stage's own PTE reads are GPAs too,
# so they go through the G-stage as well. Sv32x4 is Sv32 with a 16 KiB root (2048 … 4096 PTEs:
# GPAs have 34 bits, and bits 33:22 index the root), and all G-stage leaves must have U set,
# since the G-stage treats every access as a user access (§9.5.1).
#
# M-mode delegates to HS-mode and enters it; HS-mode (the hypervisor) builds the tables and enters
# the guest with SRET and hstatus.SPV = 1. The guest loads from a GVA whose GPA the hypervisor
# has not backed yet: a load guest-page fault (cause 21) to HS-mode, with htval = GPA >> 2. The
# hypervisor maps the page and returns; the load runs again and works. The guest then ecalls
# (cause 10) and the hypervisor powers off.

	.option norvc

	.equ UART, 0x10000000
	.equ UART_LSR, 5
	.equ LSR_THRE, 0x20
	.equ FINISHER, 0x00100000
	.equ FINISHER_PASS, 0x5555
	.equ FINISHER_FAIL, 0x3333

	.equ PTE_V, 0x01
	.equ PTE_R, 0x02
	.equ PTE_W, 0x04
	.equ PTE_X, 0x08
	.equ PTE_U, 0x10
	.equ PTE_A, 0x40
	.equ PTE_D, 0x80
	.equ MODE_ON, 1 << 31           # satp/vsatp MODE = Sv32, hgatp MODE = Sv32x4 (bit 31 on RV32)

	.equ GVA, 0x40000000            # the guest's virtual page…
	.equ GPA, 0x00400000            # …its guest physical page (G-stage root index 1, then 0)
	.equ CAUSE_ECALL_VS, 10
	.equ CAUSE_LOAD_GUEST_PAGE_FAULT, 21
	.equ HSTATUS_SPV, 1 << 7        # hstatus.SPV: SRET enters V = 1 (§9.2.1)
	.equ SSTATUS_SPP, 1 << 8        # sstatus.SPP: … in VS-mode (1) rather than VU-mode (0)

	# PTE that points at the page at \`label\`, with \`flags\`, into t0.
	.macro PTE label, flags
	la t0, \\label
	srli t0, t0, 12
	slli t0, t0, 10
	ori t0, t0, \\flags
	.endm

	.text
	.globl _start
# ---- M-mode: delegate the guest's traps to HS-mode and enter HS-mode.
_start:
	li t0, -1                       # PMP: let HS and VS reach all memory (for QEMU; §3.7)
	csrw pmpaddr0, t0
	li t0, 0x1f
	csrw pmpcfg0, t0
	la t0, fail
	csrw mtvec, t0                  # M-mode expects no trap at all
	li t0, (1 << CAUSE_ECALL_VS) | (1 << 20) | (1 << CAUSE_LOAD_GUEST_PAGE_FAULT) | (1 << 23)
	csrw medeleg, t0                # the guest's ecalls and guest-page faults go to HS-mode
	li t0, 0x1800                   # MPP = S and MPV = 0 (its reset value): MRET enters HS-mode
	csrc mstatus, t0
	li t0, 0x0800
	csrs mstatus, t0
	la t0, hs_main
	csrw mepc, t0
	mret

# ---- HS-mode: the hypervisor.
hs_main:
	la sp, hs_stack_top
	la t0, hs_trap
	csrw stvec, t0                  # at V = 0, stvec and sscratch are the hypervisor's own
	csrw sscratch, sp               # (hs_main's stack is free again once the guest runs)

	# The G-stage table (Sv32x4), the hypervisor's map of guest memory. GPA 0x80000000 (where the
	# guest's code is) and the UART's GPA are backed by the same host addresses, as megapages;
	# GPA 0x00400000 gets a second-level table with nothing in it yet.
	la s0, groot
	li t0, (0x80000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
	li t1, 0x200 * 4
	add t1, s0, t1
	sw t0, 0(t1)                    # groot[0x200]: GPA 0x80000000 → 0x80000000
	li t0, (UART >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
	sw t0, 0x040 * 4(s0)            # groot[0x040]: the UART, passed through to the guest
	PTE gl0, PTE_V
	sw t0, (GPA >> 22) * 4(s0)      # groot[1] → gl0, whose PTEs are all 0 (invalid)

	# The guest's own table (VS-stage). A guest kernel builds it itself, as paging.s does; here the
	# hypervisor writes it for the guest to keep the example short. Its addresses are GPAs.
	la s1, vroot
	li t0, (0x80000000 >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
	li t1, 0x200 * 4
	add t1, s1, t1
	sw t0, 0(t1)                    # vroot[0x200]: GVA 0x80000000 → GPA 0x80000000
	li t0, (UART >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	sw t0, 0x040 * 4(s1)            # vroot[0x040]: the UART
	PTE vl0, PTE_V
	sw t0, (GVA >> 22) * 4(s1)      # vroot[0x100] → vl0
	la t1, vl0
	li t0, (GPA >> 12 << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D
	sw t0, 0(t1)                    # vl0[0]: GVA 0x40000000 → GPA 0x00400000

	srli t0, s0, 12                 # hgatp = Sv32x4 | VMID 0 | groot's page number
	li t1, MODE_ON
	or t0, t0, t1
	csrw hgatp, t0
	srli t0, s1, 12                 # vsatp = Sv32 | vroot's guest physical page number
	or t0, t0, t1
	csrw vsatp, t0
	hfence.gvma                     # forget cached G-stage and guest translations (§9.3.2)

	la a0, hs_text
	call puts
	li t0, HSTATUS_SPV              # SRET enters the guest: V = 1 from hstatus.SPV,
	csrs hstatus, t0
	li t0, SSTATUS_SPP              # privilege S from sstatus.SPP, so VS-mode,
	csrs sstatus, t0
	la t0, guest_main               # at sepc
	csrw sepc, t0
	sret

# The hypervisor's trap handler: its own stack (swapped in from sscratch), its registers saved.
hs_trap:
	csrrw sp, sscratch, sp
	addi sp, sp, -16
	sw ra, 12(sp)
	sw t0, 8(sp)
	sw t1, 4(sp)
	sw a0, 0(sp)
	csrr t0, scause
	li t1, CAUSE_LOAD_GUEST_PAGE_FAULT
	beq t0, t1, guest_page_fault
	li t1, CAUSE_ECALL_VS
	bne t0, t1, fail
	la a0, exit_text                # the guest's ecall: done
	call puts
	li t0, FINISHER
	li t1, FINISHER_PASS
	sw t1, 0(t0)
1:	j 1b

guest_page_fault:
	la a0, gpf_text                 # stval = the GVA; htval = the GPA shifted right by 2 (§9.2.9)
	call puts
	csrr a0, stval
	call print_hex
	la a0, gpa_text
	call puts
	csrr a0, htval
	slli a0, a0, 2
	call print_hex
	li a0, '\\n'
	call putc
	csrr t0, htval                  # only GPA's page is ours to back
	slli t0, t0, 2
	li t1, GPA
	bne t0, t1, fail

	la t0, guest_page               # back the page: fill it, then map it in the G-stage
	li t1, 0x600dc0de
	sw t1, 0(t0)
	PTE guest_page, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D
	la t1, gl0
	sw t0, 0(t1)                    # gl0[0]: GPA 0x00400000 → guest_page
	hfence.gvma                     # the G-stage changed: flush (§9.3.2)
	lw a0, 0(sp)
	lw t1, 4(sp)
	lw t0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	csrrw sp, sscratch, sp
	sret                            # hstatus.SPV = 1 still: back into the guest, at the load

fail:
	li t0, FINISHER
	li t1, (1 << 16) | FINISHER_FAIL
	sw t1, 0(t0)
1:	j 1b

# ---- VS-mode: the guest. It sees only its own address space; it does not know about the G-stage.
guest_main:
	la sp, guest_stack_top
	li t0, GVA
	lw s1, 0(t0)                    # a guest-page fault the first time; then it reads 0x600dc0de
	la a0, guest_text
	call puts
	mv a0, s1
	call print_hex
	li a0, '\\n'
	call putc
	ecall                           # cause 10: ecall from VS-mode, delegated to HS-mode

# ---- Printing, for every mode (the UART and this code have the same address in all of them).
print_hex:                          # print_hex(value in a0): "0x" and eight hex digits
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	sw s1, 4(sp)
	mv s0, a0
	li a0, '0'
	call putc
	li a0, 'x'
	call putc
	li s1, 28
1:	srl t0, s0, s1
	andi t0, t0, 15
	la t1, hex_digits
	add t1, t1, t0
	lbu a0, 0(t1)
	call putc
	addi s1, s1, -4
	bgez s1, 1b
	lw s1, 4(sp)
	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

puts:                               # puts(zero-terminated string in a0)
	addi sp, sp, -16
	sw ra, 12(sp)
	sw s0, 8(sp)
	mv s0, a0
1:	lbu a0, 0(s0)
	beqz a0, 2f
	call putc
	addi s0, s0, 1
	j 1b
2:	lw s0, 8(sp)
	lw ra, 12(sp)
	addi sp, sp, 16
	ret

putc:                               # putc(byte in a0); uses t0 and t1 only
	li t0, UART
1:	lbu t1, UART_LSR(t0)
	andi t1, t1, LSR_THRE
	beqz t1, 1b
	sb a0, 0(t0)
	ret

	.section .rodata
hex_digits:	.ascii "0123456789abcdef"
hs_text:	.asciz "HS-mode: tables built; entering the guest with sret (hstatus.SPV = 1)\\n"
guest_text:	.asciz "VS-mode: load from guest virtual 0x40000000 = "
gpf_text:	.asciz "HS-mode: guest-page fault (cause 21) at GVA "
gpa_text:	.asciz ", GPA "
exit_text:	.asciz "HS-mode: ecall from VS-mode (cause 10); powering off\\n"

	.bss
	.align 14                       # the Sv32x4 root is 16 KiB and 16 KiB aligned (§9.5.1)
groot:		.space 16384
gl0:		.space 4096
vroot:		.space 4096
vl0:		.space 4096
guest_page:	.space 4096
		.space 1024
hs_stack_top:
		.space 1024
guest_stack_top:
`
};
