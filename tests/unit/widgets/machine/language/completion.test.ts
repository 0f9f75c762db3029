import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import { completionsAt } from '../../../../../src/lib/widgets/machine/language/completion.ts';
import { indexProgram } from '../../../../../src/lib/widgets/machine/language/program-index.ts';

/** Completions where `|` is in `line`, the last line of a program after `before`. */
function complete(line: string, before = 'SIZE = 8\nloop: nop\n.macro twice x\n.endm') {
	const column = line.indexOf('|') + 1;
	const source = `${before}\n${line.replace('|', '')}`;
	const lineNumber = source.split('\n').length;
	const result = assemble(source);
	const index = indexProgram(source, result.image?.symbols ?? []);
	return completionsAt(source, lineNumber, column, index);
}
const labels = (line: string) => complete(line).map((c) => c.label);
/** The labels in the order Monaco shows them (by sortText). */
const ordered = (line: string) =>
	complete(line)
		.sort((a, b) => a.sortText.localeCompare(b.sortText))
		.map((c) => c.label);

describe('completionsAt', () => {
	it('offers mnemonics, directives and macros at the start of a statement', () => {
		const all = labels('  ad|');
		expect(all).toEqual(
			expect.arrayContaining(['add', 'addi', 'amoadd.w.aq', 'li', '.word', 'twice'])
		);
		expect(all).not.toContain('a0');
		expect(labels('start: |')).toContain('csrr');
		expect(labels('nop; |')).toContain('ret');
	});

	it('describes each item and replaces the word being typed', () => {
		const add = complete('  ad|').find((c) => c.label === 'add')!;
		expect(add).toMatchObject({ kind: 'Keyword', detail: 'rd = rs1 + rs2', insertText: 'add' });
		expect(add.documentation!.value).toContain('R-type');
		expect(add.range).toEqual({
			startLineNumber: 5,
			startColumn: 3,
			endLineNumber: 5,
			endColumn: 5
		});
		expect(complete('  li|').find((c) => c.label === 'li')!.kind).toBe('Function');
		expect(complete('  .wo|').find((c) => c.label === '.word')!.kind).toBe('Module');
	});

	it('offers registers for a register operand, ABI names first', () => {
		const regs = ordered('  add a0, |');
		expect(regs[0]).toBe('zero');
		expect(regs).toContain('x31');
		expect(regs.indexOf('t0')).toBeLessThan(regs.indexOf('x5'));
		expect(regs).not.toContain('mstatus');
		expect(regs).not.toContain('loop');
	});

	it('offers CSRs where an instruction takes one', () => {
		expect(labels('  csrr a0, ms|')).toContain('mstatus');
		expect(labels('  csrw |')).toContain('satp');
		expect(labels('  csrrw a0, |')).toContain('hgatp');
		expect(labels('  csrrw |')).not.toContain('hgatp');
		const mstatus = complete('  csrr a0, |').find((c) => c.label === 'mstatus')!;
		expect(mstatus.detail).toBe('CSR 0x300 · read/write, in M-mode only');
	});

	it('offers labels for a branch target, and constants first for an immediate', () => {
		expect(ordered('  beq a0, a1, |')[0]).toBe('loop');
		expect(labels('  beq a0, a1, |')).not.toContain('a0');
		const imm = ordered('  addi a0, a0, |');
		expect(imm[0]).toBe('SIZE');
		expect(imm).toContain('%lo');
		expect(labels('  lui a0, %|')).toEqual(['%hi', '%lo', '%pcrel_hi', '%pcrel_lo']);
	});

	it('offers registers inside the parentheses of an address', () => {
		expect(labels('  lw a0, 8(|')).toContain('sp');
		expect(labels('  lw a0, 8(|')).not.toContain('loop');
		expect(labels('  fence |')).toContain('iorw');
	});

	it('offers nothing in a comment or a string', () => {
		expect(complete('  nop # ad|')).toEqual([]);
		expect(complete('  .asciz "ad|')).toEqual([]);
		expect(complete('  /* ad| */')).toEqual([]);
	});
});
