/**
 * Random small programs for the session's properties (debug-session.test.ts): a body drawn from
 * instruction templates that touch everything step back must undo (registers, loads and stores,
 * branches, CSR writes, ecall into a trap handler, the UART both ways, calls) while a machine timer
 * interrupts every few dozen instructions. The body loops forever, so any number of steps is valid.
 * Registers: the body uses a0–a5; s0 holds the data area, s1 the UART; the handler owns t3–t6.
 */
import fc from 'fast-check';

const R = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];

type Pick = [template: number, rd: number, rs1: number, rs2: number, imm: number];

const TEMPLATES: ((p: Pick) => string)[] = [
	([, d, a, , i]) => `addi ${R[d]}, ${R[a]}, ${i - 1024}`,
	([, d, a, b]) => `add ${R[d]}, ${R[a]}, ${R[b]}`,
	([, d, a, b]) => `sub ${R[d]}, ${R[a]}, ${R[b]}`,
	([, d, a, b]) => `mul ${R[d]}, ${R[a]}, ${R[b]}`,
	([, d, a, b]) => `divu ${R[d]}, ${R[a]}, ${R[b]}`,
	([, d, , , i]) => `lw ${R[d]}, ${(i % 16) * 4}(s0)`,
	([, , a, , i]) => `sw ${R[a]}, ${(i % 16) * 4}(s0)`,
	([, , a, , i]) => `sb ${R[a]}, ${i % 64}(s0)`,
	([, d, a, b]) => `beq ${R[a]}, ${R[b]}, 1f\n\taddi ${R[d]}, ${R[d]}, 1\n1:`,
	([, d, a]) => `csrrw ${R[d]}, mscratch, ${R[a]}`,
	() => 'ecall',
	([, , a]) => `sb ${R[a]}, 0(s1)`, // UART transmit
	([, d]) => `lbu ${R[d]}, 0(s1)`, // UART receive (0 when nothing arrived)
	([, d]) => `lbu ${R[d]}, 5(s1)`, // UART line status
	() => 'call twice',
	([, d]) => `rdtime ${R[d]}`
];

export const pickArb: fc.Arbitrary<Pick> = fc.tuple(
	fc.nat(TEMPLATES.length - 1),
	fc.nat(5),
	fc.nat(5),
	fc.nat(5),
	fc.nat(2047)
);

/** A body of 1–12 instructions from the templates. */
export const bodyArb = fc.array(pickArb, { minLength: 1, maxLength: 12 });

export function programSource(body: Pick[], timerPeriod = 37): string {
	return `
_start:
	la t0, handler
	csrw mtvec, t0
	la sp, stack_top
	la s0, data
	li s1, 0x10000000
	li t0, 0x2004000      # CLINT mtimecmp
	li t1, ${timerPeriod}
	sw t1, 0(t0)
	sw zero, 4(t0)
	li t0, 0x80           # mie.MTIE
	csrs mie, t0
	csrsi mstatus, 8      # mstatus.MIE
body:
${body.map((p) => '\t' + TEMPLATES[p[0]](p)).join('\n')}
	j body

twice:
	add a0, a0, a0
	ret

handler:
	csrr t6, mcause
	bltz t6, timer
	csrr t5, mepc         # ecall: resume after it
	addi t5, t5, 4
	csrw mepc, t5
	mret
timer:
	li t4, 0x2004000
	lw t3, 0(t4)
	addi t3, t3, ${timerPeriod}
	sw t3, 0(t4)
	mret

	.data
data:
	.space 64
	.space 256
stack_top:
`;
}

/**
 * The same bodies as an S-mode kernel behind the session's SBI firmware (session/firmware.ts):
 * `ecall` becomes an SBI call (console_putchar, probe_extension or console_getchar, by the
 * template's immediate), the CSR template writes sscratch, and the supervisor timer interrupts
 * every `timerPeriod` ticks through SBI set_timer, which the firmware raises from the machine
 * timer. The handler keeps the body's a0 and a1 across its own SBI call.
 */
export function firmwareProgramSource(body: Pick[], timerPeriod = 37): string {
	const line = (p: Pick): string => {
		if (p[0] === 9) return `csrrw ${R[p[1]]}, sscratch, ${R[p[2]]}`;
		if (p[0] !== 10) return TEMPLATES[p[0]](p);
		const [eid, fid] = [
			[0x01, 0], // legacy console_putchar(a0)
			[0x10, 3], // base probe_extension(a0)
			[0x02, 0] // legacy console_getchar → a0
		][p[4] % 3];
		return `li a7, ${eid}\n\tli a6, ${fid}\n\tecall`;
	};
	return `
_start:                       # S-mode; a0 = hart id, a1 = the device tree
	la t0, handler
	csrw stvec, t0
	la sp, stack_top
	la s0, data
	li s1, 0x10000000
	call arm
	li t0, 0x20           # sie.STIE
	csrs sie, t0
	csrsi sstatus, 2      # sstatus.SIE
body:
${body.map((p) => '\t' + line(p)).join('\n')}
	j body

twice:
	add a0, a0, a0
	ret

handler:
	csrr t6, scause
	bltz t6, timer
	csrr t5, sepc         # not expected: skip the instruction
	addi t5, t5, 4
	csrw sepc, t5
	sret
timer:                        # the body may be inside twice: keep ra too
	mv t6, ra
	mv t5, a0
	mv t4, a1
	call arm
	mv a0, t5
	mv a1, t4
	mv ra, t6
	sret

arm:                          # SBI set_timer(time + period); uses a0, a1, a6, a7, t3
	rdtime t3
	addi a0, t3, ${timerPeriod}
	li a1, 0
	li a7, 0x54494d45
	li a6, 0
	ecall
	ret

	.data
data:
	.space 64
	.space 256
stack_top:
`;
}
