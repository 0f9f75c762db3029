# user.s — what every user program uses: system-call macros (numbers in kernel/abi.s) and a
# checksum step. User programs are copied into fresh pages at USER_TEXT when a process starts,
# not run where the image puts them, so they must not depend on their address: they reach
# their own data with `lla` (pc-relative: auipc + addi) and never use an absolute address.
# Each program ends with `.balign 4, 0` (its length is copied a word at a time).

# sys NUMBER: a system call, arguments in a0–a2, result in a0
.macro sys number
	li a7, \number
	ecall
.endm

# fnv h, x, tmp: h = (h xor x) · 16777619, a step of the 32-bit FNV-1a hash.
# Every workload folds what it computed into one checksum this way and passes it to exit.
.equ FNV_OFFSET, 0x811c9dc5
.macro fnv h, x, tmp
	xor \h, \h, \x
	li \tmp, 16777619
	mul \h, \h, \tmp
.endm

# SCALE multiplies each workload's iteration count (buildGuest's `scale` option).
.ifndef SCALE
.equ SCALE, 1
.endif
