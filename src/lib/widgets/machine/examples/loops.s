# loops.s — loops and function calls: a counting loop, a recursive function with a stack frame,
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
	li a0, '\n'
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
