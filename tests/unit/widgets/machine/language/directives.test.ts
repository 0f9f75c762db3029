/**
 * The directive list against the assembler, both ways: every directive listed is one the assembler
 * reads, and every directive of GNU as (manual §7 and §9.38.3) that the assembler reads is listed.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import { DIRECTIVE_DOCS } from '../../../../../src/lib/widgets/machine/language/directives.ts';

/** The directives of the GNU as 2.40 manual, chapter 7, and the RISC-V ones of §9.38.3. */
const GNU_AS_DIRECTIVES = `
.abort .align .altmacro .ascii .asciz .attach_to_group .balign .balignl .balignw .base64 .bss
.bundle_align_mode .bundle_lock .bundle_unlock .byte .cfi_startproc .cfi_endproc .comm .data .dc
.dcb .ds .def .desc .dim .double .eject .else .elseif .end .endef .endfunc .endif .endm .endmacro
.endr .equ .equiv .eqv .err .error .exitm .extern .fail .file .fill .float .func .global .globl
.gnu_attribute .hidden .hword .ident .if .ifb .ifc .ifdef .ifeq .ifeqs .ifge .ifgt .ifle .iflt
.ifnb .ifnc .ifndef .ifne .ifnes .ifnotdef .incbin .include .int .internal .irp .irpc .lcomm
.lflags .line .linkonce .list .ln .loc .loc_mark_labels .local .long .macro .mri .noaltmacro
.nolist .nop .nops .octa .offset .org .p2align .p2alignl .p2alignw .popsection .previous .print
.protected .psize .purgem .pushsection .quad .reloc .rept .sbttl .scl .section .set .short
.single .size .skip .sleb128 .space .stabd .stabn .stabs .string .string16 .string32 .string8
.struct .subsection .symver .tag .text .title .tls_common .type .uleb128 .val .version
.vtable_entry .vtable_inherit .warning .weak .weakref .word .zero .2byte .4byte .8byte
.dtprelword .dtpreldword .dword .half .insn .option .attribute .variant_cc
`
	.trim()
	.split(/\s+/);

const accepted = (name: string) =>
	!assemble(`${name}\n`).diagnostics.some((d) => d.message.startsWith('unknown directive'));

describe('DIRECTIVE_DOCS', () => {
	it('lists only directives the assembler reads', () => {
		for (const name of Object.keys(DIRECTIVE_DOCS)) expect(accepted(name), name).toBe(true);
	});

	it('lists every GNU as directive the assembler reads', () => {
		const readByAssembler = GNU_AS_DIRECTIVES.filter(accepted).filter(
			(d) => !d.startsWith('.cfi_')
		);
		expect(readByAssembler.length).toBeGreaterThan(40);
		const missing = readByAssembler.filter((d) => !Object.hasOwn(DIRECTIVE_DOCS, d));
		expect(missing).toEqual([]);
	});

	it('describes each in one line', () => {
		for (const [name, doc] of Object.entries(DIRECTIVE_DOCS)) {
			expect(name).toMatch(/^\.[a-z0-9_]+$/);
			expect(doc).not.toMatch(/\n/);
			expect(doc.length).toBeGreaterThan(10);
		}
	});
});
