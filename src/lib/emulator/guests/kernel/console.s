# console.s — printing, through the 16550 UART at UART_BASE (QEMU virt).
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
