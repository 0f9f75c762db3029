import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import { hoverAt } from '../../../../../src/lib/widgets/machine/language/hover.ts';
import { indexProgram } from '../../../../../src/lib/widgets/machine/language/program-index.ts';

const SOURCE = [
	'_start: csrr t0, mstatus   # read mstatus',
	'        la a0, msg',
	'1:      addi a0, a0, 0x10',
	'        bnez a0, 1b',
	'N = 3',
	'/* a comment with add */ li a1, N',
	'msg:    .asciz "add x"'
].join('\n');

const index = indexProgram(SOURCE, assemble(SOURCE).image!.symbols);
const hover = (line: number, column: number, csrValue?: (n: string) => number | undefined) =>
	hoverAt(SOURCE, line, column, { index, csrValue });
const text = (line: number, column: number) => hover(line, column)?.contents[0].value;

describe('hoverAt', () => {
	it('documents an instruction under the mouse, over the whole word', () => {
		const h = hover(3, 10)!;
		expect(h.range).toEqual({
			startLineNumber: 3,
			startColumn: 9,
			endLineNumber: 3,
			endColumn: 13
		});
		expect(h.contents[0].value).toContain('rd = rs1 + imm12');
		expect(h.contents[0].value).toContain('I-type');
	});

	it('documents pseudo-instructions, registers, directives and numbers', () => {
		expect(text(1, 9)).toContain('csrrs rd, csr, x0');
		expect(text(1, 14)).toMatch(/\*\*x5\*\* \(t0\) · temporary/);
		expect(text(7, 10)).toContain('zero byte');
		expect(text(3, 25)).toBe('16 = 0x10 = 0b10000');
	});

	it('documents a CSR with its fields, decoded when the machine gives a value', () => {
		expect(text(1, 18)).toContain('CSR 0x300 · read/write, in M-mode only');
		expect(text(1, 18)).toContain('| MPP | 12:11 |');
		const live = hover(1, 18, (n) => (n === 'mstatus' ? 3 << 11 : undefined))!.contents[0].value;
		expect(live).toContain('Value: `0x00001800`');
		expect(live).toMatch(/\| MPP \| 12:11 \| 3 \| M: /);
	});

	it('gives a label its line and address, and a constant its value', () => {
		const msg = index.symbols.get('msg')!.value;
		expect(text(2, 16)).toBe(`**msg** · label · line 7 · address 0x${msg.toString(16)} in .text`);
		expect(text(6, 33)).toBe('**N** · constant · line 5 · value 3 (0x3)');
		expect(text(4, 19)).toContain('the nearest `1:` before this point · line 3');
	});

	it('has nothing for comments, strings, or past the end', () => {
		expect(hover(1, 32)).toBeUndefined();
		expect(hover(6, 20)).toBeUndefined();
		expect(hover(7, 18)).toBeUndefined();
		expect(hover(9, 1)).toBeUndefined();
	});
});
