/**
 * Small guest kernels for the vmm tests: macros and routines they share (SBI console, shutdown,
 * timer), and an assembler wrapper that throws on any diagnostic error.
 */
import { assemble, type AsmImage } from '../../../../src/lib/emulator/asm/index.ts';

/** Macros every kernel shares: putc, print, shutdown, set_timer_in, set_timer_never. */
export const PRELUDE = `
	.option norvc
	.equ SBI_TIME, 0x54494d45
	.equ SBI_SRST, 0x53525354
	.equ UART, 0x10000000
	.equ SUM, 0x40000
	.equ MXR, 0x80000
	.equ SPP, 0x100

	.macro putc c
	li a0, \\c
	li a7, 1
	ecall
	.endm

	.macro print label
	la a0, \\label
	call puts
	.endm

	.macro shutdown reason
	li a7, SBI_SRST
	li a6, 0
	li a0, 0
	li a1, \\reason
	ecall
	.endm

	.macro set_timer_in ticks
	rdtime t0
	addi a0, t0, \\ticks
	li a1, 0
	li a7, SBI_TIME
	li a6, 0
	ecall
	.endm

	.macro set_timer_never
	li a0, -1
	li a1, -1
	li a7, SBI_TIME
	li a6, 0
	ecall
	.endm
`;

/** puts (a0 = string) and puthex (a0 = value, 8 digits) through the SBI legacy console. */
export const ROUTINES = `
	.text
puts:
	mv t5, a0
1:	lbu a0, 0(t5)
	beqz a0, 2f
	li a7, 1
	ecall
	addi t5, t5, 1
	j 1b
2:	ret

puthex:
	mv t4, a0
	li t2, 28
1:	srl a0, t4, t2
	andi a0, a0, 15
	li t3, 10
	blt a0, t3, 2f
	addi a0, a0, 39
2:	addi a0, a0, 48
	li a7, 1
	ecall
	addi t2, t2, -4
	bgez t2, 1b
	ret
`;

export function build(source: string): AsmImage {
	const r = assemble(PRELUDE + source + ROUTINES);
	if (!r.image) throw new Error(r.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
	return r.image;
}
