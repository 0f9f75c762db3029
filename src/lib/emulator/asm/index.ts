/**
 * The VirtLab assembler: GNU as syntax for RV32IMA, Zicsr, Zifencei, the privileged and the
 * hypervisor instructions. It produces the same bytes as GNU as 2.40 with `-mno-relax` and
 * `.option norvc`, linked by tests/fixtures/asm-golden/link.ld (the golden tests check this).
 *
 * What it reads:
 * - every instruction of isa/table.ts; AMOs and LR/SC with `.aq`, `.rl`, `.aqrl`; `(rs1)` or `0(rs1)`
 * - pseudo-instructions: nop li la lla mv not neg seqz snez sltz sgtz zext.b j jal jr jalr ret call
 *   tail beqz bnez blez bgez bltz bgtz bgt ble bgtu bleu csrr csrw csrs csrc csrwi csrsi csrci
 *   rdcycle[h] rdtime[h] rdinstret[h] fence (no operands) fence.tso sfence.vma/hfence.* with 0–2
 *   operands unimp, and `lw rd, symbol` / `sw rs, symbol, rt`
 * - operands: x0–x31, ABI names and fp; CSR names (isa/csr.ts) or numbers; `%hi`, `%lo`,
 *   `%pcrel_hi`, `%pcrel_lo(label of the auipc)`; expressions with + - * / % << >> & | ^ ~ ! and
 *   comparisons, GNU as precedence, symbols and `.`
 * - labels, numeric local labels (`1:` with `1b`/`1f`), `name = expr`
 * - directives: .text .data .bss .section .pushsection .popsection .previous .globl .global .align
 *   .p2align .balign .org .byte .half .short .word .long .dword .ascii .asciz .string .space .skip
 *   .zero .equ .set .equiv .if .ifdef .ifndef .else .elseif .endif .macro/.endm .rept/.irp/.irpc
 *   with .endr .include .insn (r r4 i s b u j sb uj forms, or a raw value) .option (norvc; others
 *   accepted or warned about) .end; .type .size .file .ident .attribute and .cfi_* are accepted
 *   and ignored
 * - comments: `#` to the end of the line and C comments; `;` separates statements
 *
 * `assemble` never throws: every problem in the source is a positioned diagnostic, and `image` is
 * present exactly when there is no error. Limits on expansion, included text and the number of
 * errors (limits.ts) keep every run to a few seconds.
 */
import { assembleSource } from './assembler.ts';
import type { AssembleOptions, AssembleResult } from './types.ts';

export type {
	AsmImage,
	AsmSection,
	AsmSymbol,
	AssembleOptions,
	AssembleResult,
	Diagnostic,
	SectionKind,
	Severity,
	SourceMapEntry
} from './types.ts';

export function assemble(source: string, options: AssembleOptions = {}): AssembleResult {
	try {
		return assembleSource(String(source), options);
	} catch (e) {
		// A bug in the assembler, not in the source: still a diagnostic, never an exception.
		const message = e instanceof Error ? e.message : String(e);
		return {
			diagnostics: [
				{
					line: 1,
					column: 1,
					endColumn: 2,
					message: `internal assembler error: ${message}`,
					severity: 'error'
				}
			]
		};
	}
}

/** The address of symbol `name` in an image, or undefined. */
export function symbolValue(
	image: { symbols: { name: string; value: number }[] },
	name: string
): number | undefined {
	return image.symbols.find((s) => s.name === name)?.value;
}
