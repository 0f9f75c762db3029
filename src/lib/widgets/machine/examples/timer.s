# timer.s — a timer interrupt from the CLINT.
#
# The CLINT (core-local interruptor, as on QEMU's `virt` board and SiFive cores) holds two 64-bit
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
	li a0, '\n'
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
polled_text:	.asciz "polled: mip.MTIP is set, but with mie.MTIE = 0 no interrupt was taken\n"
tick_text:	.asciz "timer interrupt "
done_text:	.asciz "three timer interrupts taken; powering off\n"

	.bss
	.align 4
	.space 1024
stack_top:
