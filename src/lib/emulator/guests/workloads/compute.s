# compute — three processes doing arithmetic, with no system call until exit.
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
