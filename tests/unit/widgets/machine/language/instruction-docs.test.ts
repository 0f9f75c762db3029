import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import { instructions } from '../../../../../src/lib/emulator/isa/table.ts';
import { formatOf } from '../../../../../src/lib/widgets/machine/language/formats.ts';
import {
	instructionMarkdown,
	instructionSyntax,
	pseudoMarkdown
} from '../../../../../src/lib/widgets/machine/language/instruction-docs.ts';
import { OPERATIONS } from '../../../../../src/lib/widgets/machine/language/operations.ts';
import { specSection } from '../../../../../src/lib/widgets/machine/language/spec-sections.ts';

/** An example value for each operand as the syntax names it. */
const EXAMPLE: Record<string, string> = {
	rd: 'a0',
	rs1: 'a1',
	rs2: 'a2',
	imm12: '1',
	shamt: '1',
	imm20: '1',
	uimm5: '1',
	csr: 'mscratch',
	label: 'target',
	'offset(rs1)': '8(a1)',
	'(rs1)': '(a1)',
	pred: 'rw',
	succ: 'rw'
};

describe('instructionSyntax', () => {
	it('writes each instruction in a form the assembler accepts', () => {
		for (const spec of instructions) {
			const [name, ...rest] = instructionSyntax(spec.name)!.split(' ');
			const operands = rest.join(' ').split(', ').filter(Boolean);
			const source = `${name} ${operands.map((o) => EXAMPLE[o]).join(', ')}\ntarget: nop`;
			expect(assemble(source).diagnostics, source).toEqual([]);
		}
	});
});

describe('instructionMarkdown', () => {
	it('gives each instruction its operation, format, extension and section', () => {
		for (const spec of instructions) {
			const md = instructionMarkdown(spec.name)!;
			expect(md).toContain(`**${spec.name}**`);
			expect(md).toContain(OPERATIONS[spec.name]);
			expect(md).toContain(`${formatOf(spec)}-type`);
			expect(md).toContain(specSection(spec));
		}
		expect(instructionMarkdown('add')).toContain('RV32I base');
		expect(instructionMarkdown('hlv.w')).toContain('H (hypervisor)');
	});

	it('reads upper case and ordering suffixes', () => {
		expect(instructionMarkdown('ADDI')).toContain('rd = rs1 + imm12');
		const amo = instructionMarkdown('amoadd.w.aqrl')!;
		expect(amo).toContain('**amoadd.w.aqrl**');
		expect(amo).toContain('acquire and release');
		expect(amo).toContain('rd = M32[rs1]; M32[rs1] = rd + rs2');
		expect(instructionMarkdown('add.aq')).toBeUndefined();
	});

	it('mentions short forms, and has nothing for other words', () => {
		expect(instructionMarkdown('jal')).toContain('`jal label`');
		expect(instructionMarkdown('ecall')).toMatch(/^\*\*ecall\*\*\n/);
		expect(instructionMarkdown('li')).toBeUndefined();
	});
});

describe('pseudoMarkdown', () => {
	it('gives the written form, the meaning and the expansion', () => {
		const md = pseudoMarkdown('BEQZ')!;
		expect(md).toContain('**beqz** `rs, label` (pseudo-instruction)');
		expect(md).toContain('if (rs == 0) pc = label');
		expect(md).toContain('beq rs, x0, label');
		expect(pseudoMarkdown('add')).toBeUndefined();
	});
});
