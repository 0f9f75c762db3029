import { describe, expect, it } from 'vitest';
import { Output } from '../../../../src/lib/emulator/asm/output.ts';
import { loadImmediate } from '../../../../src/lib/emulator/asm/instructions.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';

const line: SourceLine = { text: '', file: 'test.s', line: 1 };
const span = { column: 1, endColumn: 2 };

function output() {
	const reports: string[] = [];
	return { out: new Output({ report: (_s, _sp, m) => reports.push(m) }), reports };
}

describe('pass 1 output', () => {
	it('starts in .text, and switches sections with .previous and a section stack', () => {
		const { out } = output();
		const text = out.section;
		expect(text.name).toBe('.text');
		out.switchTo(out.sectionNamed('.data'));
		out.pushSection();
		out.switchTo(out.sectionNamed('.rodata'));
		expect(out.previousSection.name).toBe('.data');
		out.switchTo(out.popSection()!);
		expect(out.section.name).toBe('.data');
		expect(out.popSection()).toBeUndefined();
	});

	it('reserves a word per instruction, with a fixup and a source map entry', () => {
		const { out, reports } = output();
		out.emitInstructions(loadImmediate(10, 0x12345, span), line, span);
		expect(out.section.size).toBe(8);
		expect(out.fixups.map((f) => f.offset)).toEqual([0, 4]);
		expect(out.sourceMap).toMatchObject([{ offset: 0, size: 8, source: line }]);
		expect(reports).toEqual([]);
	});

	it('refuses instructions in .bss and warns about misaligned ones', () => {
		const { out, reports } = output();
		out.section.reserve(2);
		out.emitInstructions(loadImmediate(10, 1, span), line, span);
		out.switchTo(out.sectionNamed('.bss'));
		out.emitInstructions(loadImmediate(10, 1, span), line, span);
		expect(reports).toEqual([
			'instruction is not at a multiple of 4 bytes (add .align 2 before it)',
			'instructions cannot go in .bss (it holds only zeros)'
		]);
	});
});
