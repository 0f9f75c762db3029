# hello.s — print one line through the UART, then switch the machine off.
#
# The machine starts here, in M-mode, with no firmware: nobody has set anything up for us, and
# there is no operating system to ask. To print, we talk to the hardware ourselves. The UART (a
# 16550, as on QEMU's `virt` board) is memory-mapped: its registers are addresses, and ordinary
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
	.asciz "Hello, RISC-V!\n"
