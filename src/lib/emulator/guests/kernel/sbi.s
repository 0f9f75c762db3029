# sbi.s — calls to the layer below the kernel: the SBI firmware (OpenSBI on a real board) or,
# under a hypervisor, the monitor. The Supervisor Binary Interface v2.0 (§3) is a calling
# convention for ECALL from S-mode: a7 = extension id, a6 = function id, arguments in a0–a5;
# the call returns an error code in a0 and a value in a1.

	.text
# timer_arm(): ask for a timer interrupt TIME_SLICE ticks from now.
# The time CSR counts ticks of the platform's timer (Unprivileged spec, ch. 10). On RV32 it is
# 64 bits read in two halves, so read high, low, high again, and retry if the high half moved
# in between (a carry from the low half).
timer_arm:
1:	rdtimeh t1
	rdtime t0
	rdtimeh t2
	bne t1, t2, 1b
	li t2, TIME_SLICE
	add a0, t0, t2                  # deadline = now + TIME_SLICE, 64-bit: low …
	sltu t2, a0, t0                 # … the carry …
	add a1, t1, t2                  # … and high
	# SBI TIME extension, set_timer (SBI v2.0 §6.1): the firmware raises the supervisor timer
	# interrupt (sip.STIP) once time ≥ deadline, and clears a pending one now.
	li a7, SBI_EXT_TIME
	li a6, 0
	ecall
	ret

# sbi_shutdown(failed in a0): power off. SBI SRST (v2.0 §10.1) system_reset with reset type 0
# (shutdown) and reason 0 (none) or 1 (system failure). It does not return; if it ever did,
# the kernel would wait for interrupts forever.
sbi_shutdown:
	mv a1, a0
	li a0, 0
	li a7, SBI_EXT_SRST
	li a6, 0
	ecall
1:	wait_for_interrupt
	j 1b
