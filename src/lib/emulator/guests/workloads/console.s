# console — one process writing LINES short lines with write(): console output.
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
	.ascii "\n"
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
