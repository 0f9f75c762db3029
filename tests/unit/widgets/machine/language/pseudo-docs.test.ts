/**
 * The pseudo-instruction notes are true: there is one for each pseudo-instruction the assembler
 * expands, its written form assembles, and where the expansion is written out in full it
 * assembles to the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import {
	PSEUDO_DOCS,
	SHORT_FORMS
} from '../../../../../src/lib/widgets/machine/language/pseudo-docs.ts';
import {
	INSTRUCTION_MNEMONICS,
	PSEUDO_MNEMONICS
} from '../../../../../src/lib/widgets/machine/language/vocabulary.ts';

const OPERANDS: Record<string, string> = {
	rd: 'a0',
	rs: 'a1',
	rt: 'a2',
	imm: '5',
	uimm5: '3',
	csr: 'mscratch',
	label: 'target',
	symbol: 'target'
};
const concrete = (text: string) =>
	text.replace(/\b(rd|rs|rt|imm|uimm5|csr|label|symbol)\b/g, (name) => OPERANDS[name]);

function textBytes(source: string): number[] {
	const result = assemble(`${source}\ntarget: nop\n`);
	expect(result.diagnostics, source).toEqual([]);
	return [...result.image!.sections.find((s) => s.name === '.text')!.bytes];
}

describe('PSEUDO_DOCS', () => {
	it('covers exactly the pseudo-instructions the assembler expands', () => {
		expect(Object.keys(PSEUDO_DOCS).sort()).toEqual([...PSEUDO_MNEMONICS].sort());
	});

	it('gives forms that assemble', () => {
		for (const { syntax } of Object.values(PSEUDO_DOCS)) textBytes(concrete(syntax));
	});

	it('gives expansions that assemble to the same bytes, where written in full', () => {
		let compared = 0;
		for (const { syntax, expansion } of Object.values(PSEUDO_DOCS)) {
			if (/…| or | with /.test(expansion)) continue;
			expect(textBytes(concrete(expansion)), syntax).toEqual(textBytes(concrete(syntax)));
			compared++;
		}
		expect(compared).toBeGreaterThan(35);
	});
});

describe('SHORT_FORMS', () => {
	it('notes short forms of real instructions only, each of which assembles', () => {
		for (const [name, note] of Object.entries(SHORT_FORMS)) {
			expect(INSTRUCTION_MNEMONICS).toContain(name);
			const form = /^`([^`]+)`/.exec(note)?.[1];
			if (form) textBytes(concrete(form));
		}
	});
});
