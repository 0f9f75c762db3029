/**
 * Golden corpus: every program in tests/fixtures/asm-golden was assembled and linked once by GNU
 * binutils (generate.sh); our assembler must produce the same section bytes at the same addresses
 * and the same symbol values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';

const dir = join(import.meta.dirname, '../../../fixtures/asm-golden');
const programs = readdirSync(dir)
	.filter((f) => f.endsWith('.expected'))
	.map((f) => f.replace(/\.expected$/, ''));

interface Expected {
	sections: { name: string; address: number; hex?: string; size: number }[];
	symbols: Map<string, number>;
}

function readExpected(name: string): Expected {
	const sections: Expected['sections'] = [];
	const symbols = new Map<string, number>();
	for (const line of readFileSync(join(dir, `${name}.expected`), 'utf8').split('\n')) {
		const [kind, a, b, c] = line.split(' ');
		if (kind === 'section')
			sections.push({ name: a, address: parseInt(b, 16), hex: c, size: c.length / 2 });
		if (kind === 'zeros')
			sections.push({ name: a, address: parseInt(b, 16), size: parseInt(c, 16) });
		if (kind === 'symbol') symbols.set(a, parseInt(b, 16));
	}
	return { sections, symbols };
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('golden corpus (GNU as 2.40)', () => {
	it('has programs to compare', () => {
		expect(programs.length).toBeGreaterThanOrEqual(9);
	});

	it('covers every instruction of the table and every pseudo-instruction and directive', () => {
		const mnemonics = new Set<string>();
		for (const name of programs.filter((p) => p !== 'disasm-words')) {
			for (const line of readFileSync(join(dir, `${name}.s`), 'utf8').split('\n')) {
				const m = /^\s*(?:[\w.]+:\s*)*([.\w]+)/.exec(line.replace(/#.*/, ''));
				if (m) mnemonics.add(m[1].replace(/\.(aq|rl|aqrl)$/, ''));
			}
		}
		const wanted = [
			...instructions.map((s) => s.name),
			...'li la lla mv not neg j jr jal jalr ret call tail beqz bnez blez bgez bltz bgtz bgt ble bgtu bleu'.split(
				' '
			),
			...'csrr csrw csrs csrc csrwi csrsi csrci nop seqz snez sltz sgtz fence fence.tso'.split(' '),
			...'rdcycle rdcycleh rdtime rdtimeh rdinstret rdinstreth sfence.vma'.split(' '),
			...'.text .data .bss .section .globl .global .align .balign .p2align .word .half .short .byte'.split(
				' '
			),
			...'.ascii .asciz .string .space .zero .equ .set .option .ifdef .ifndef .else .endif .macro .endm'.split(
				' '
			),
			...'sext.b sext.h zext.h sgt sgtu jump .insn .rept .irp .irpc .endr .org'.split(' ')
		];
		expect(wanted.filter((w) => !mnemonics.has(w))).toEqual([]);
	});

	for (const name of programs) {
		it(`${name}.s assembles to the same bytes and symbols as GNU as`, () => {
			const source = readFileSync(join(dir, `${name}.s`), 'utf8');
			const { image, diagnostics } = assemble(source, { file: `${name}.s` });
			expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
			expect(image).toBeDefined();
			const expected = readExpected(name);
			const ours = image!.sections.map((s) => ({
				name: s.name,
				address: s.address,
				size: s.bytes.length,
				...(s.kind === 'bss' ? {} : { hex: hex(s.bytes) })
			}));
			expect(ours).toEqual(expected.sections);
			const values = new Map(image!.symbols.map((s) => [s.name, s.value]));
			for (const [sym, value] of expected.symbols) {
				expect({ sym, value: values.get(sym) }).toEqual({ sym, value });
			}
		});
	}
});
