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
