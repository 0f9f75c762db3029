# syscall — one process calling getpid() CALLS times: the cost of a system call.
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
