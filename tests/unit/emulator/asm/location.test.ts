import { describe, expect, it } from 'vitest';
import type { LocationContext } from '../../../../src/lib/emulator/asm/context.ts';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import {
	alignDirective,
	orgDirective,
	padCode,
	spaceDirective
} from '../../../../src/lib/emulator/asm/location.ts';
import { SectionBuffer } from '../../../../src/lib/emulator/asm/sections.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';

/** A context writing into one section of `kind`, with no symbols. */
function context(kind: 'code' | 'data' | 'bss') {
	const reports: string[] = [];
	const mapped: [number, number][] = [];
	const section = new SectionBuffer(kind === 'code' ? '.text' : '.data', kind);
	const ctx: LocationContext = {
		section,
		report: (_source, _span, message) => reports.push(message),
		pass1Env: () => ({
			lookup: () => undefined,
			dot: () => ({ value: BigInt(section.size), section: section.name })
		}),
		roomFor: () => true,
		mapSource: (offset, size) => mapped.push([offset, size])
	};
	return { ctx, section, reports, mapped };
}

/** The operands of a directive whose operand text is `text`. */
function args(text: string) {
	const tokens = tokenizeLine(text).statements[0]?.tokens ?? [];
	return { tokens, column: 1, endColumn: text.length + 1 };
}

const line: SourceLine = { text: '', file: 'test.s', line: 1 };

describe('the location counter', () => {
	it('pads code as GNU as does: a zero byte, a c.nop, then nops', () => {
		const s = new SectionBuffer('.text', 'code');
		padCode(s, 7);
		expect([...s.bytes()]).toEqual([0, 0x01, 0x00, 0x13, 0, 0, 0]);
	});

	it('aligns data with the fill byte, and raises the section alignment', () => {
		const { ctx, section } = context('data');
		section.append([1]);
		alignDirective(ctx, '.balign', args('8, 0xaa'), line);
		expect([...section.bytes()]).toEqual([1, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa]);
		expect(section.align).toBe(8);
	});

	it('reserves space and maps it to its line', () => {
		const { ctx, section, mapped } = context('data');
		spaceDirective(ctx, '.space', args('3, 7'), line);
		expect([...section.bytes()]).toEqual([7, 7, 7]);
		expect(mapped).toEqual([[0, 3]]);
	});

	it('moves .org forward only', () => {
		const { ctx, section, reports } = context('data');
		orgDirective(ctx, args('4'), line);
		expect(section.size).toBe(4);
		orgDirective(ctx, args('2'), line);
		expect(reports).toEqual(['attempt to move .org backwards (from offset 4 to 2)']);
	});
});
