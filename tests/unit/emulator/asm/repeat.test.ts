/**
 * `.rept`, `.irp` and `.irpc` … `.endr`. The expected bytes are what GNU as 2.40 assembles for the
 * same source.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { parseIrp } from '../../../../src/lib/emulator/asm/repeat.ts';

function data(source: string): number[] {
	const { image, diagnostics } = assemble(`.data\n${source}`);
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return [...(image!.sections.find((s) => s.name === '.data')?.bytes ?? [])];
}

const messages = (source: string) => assemble(source).diagnostics.map((d) => d.message);

describe('.irp', () => {
	it('assembles the block once per value, with \\name replaced by the value', () => {
		expect(data('.irp x, 1, 2, 3\n.byte \\x\n.endr')).toEqual([1, 2, 3]);
		// Values may also be separated by spaces, and the comma after the name is optional.
		expect(data('.irp x 4 5\n.byte \\x\n.endr')).toEqual([4, 5]);
		expect(data('.irp x, 6 7, 8\n.byte \\x\n.endr')).toEqual([6, 7, 8]);
	});

	it('assembles the block once with an empty value when there is none', () => {
		expect(data('.irp x\n.byte 9\\x\n.endr')).toEqual([9]);
		expect(data('.irp x,\n.byte 10\\x\n.endr')).toEqual([10]);
		expect(data('.irp c, 1,,2\n.byte 5\\c\n.endr')).toEqual([51, 5, 52]);
	});

	it('takes a quoted value without its quotes, and substitutes inside strings', () => {
		expect(data('.irp r, "1, 2", 3\n.byte \\r\n.endr')).toEqual([1, 2, 3]);
		expect(data('.irp c, "xy"\n.ascii "\\c"\n.endr')).toEqual([0x78, 0x79]);
		// Parentheses do not group: (1 and 2) are two values.
		expect(data('.irp r, (1, 2), 3\n.byte 0xee\n.endr')).toEqual([0xee, 0xee, 0xee]);
	});

	it('nests with .irpc, .rept and macros, and keeps \\() as a separator', () => {
		expect(data('.irp a, 1, 2\n.irpc b, 34\n.byte \\a\\b\n.endr\n.endr')).toEqual([13, 14, 23, 24]);
		expect(data('.rept 2\n.irp x, 5\n.byte \\x\n.endr\n.endr')).toEqual([5, 5]);
		expect(data('.irp x, 1\n.rept 2\n.byte \\x\\()0\n.endr\n.endr')).toEqual([10, 10]);
		expect(data('.macro m a, b\n.irp x, \\a, \\b\n.byte \\x\n.endr\n.endm\nm 11, 12')).toEqual([
			11, 12
		]);
	});

	it('reports a missing name, a missing .endr and a stray .endr as GNU as does', () => {
		expect(messages('.irp\n.endr')).toEqual([
			'.irp expects a parameter name (missing model parameter)'
		]);
		expect(messages('.irp 1x, 1\n.endr')[0]).toMatch(/missing model parameter/);
		expect(messages('.irp x, 1\nnop')).toEqual(['.irp has no matching .endr']);
		expect(assemble('.endr').diagnostics).toEqual([
			expect.objectContaining({
				severity: 'warning',
				message: '.endr encountered without preceding .rept, .irp, or .irpc'
			})
		]);
	});

	it('points errors at the line of the block that made them, as GNU as does', () => {
		const [e] = assemble('nop\n.irp r, a0, q9\naddi \\r, \\r, 1\n.endr').diagnostics;
		expect(e).toMatchObject({
			line: 3,
			column: 6,
			message: "expected a register for rd, found 'q9'"
		});
	});
});

describe('.irpc', () => {
	it('assembles the block once per character', () => {
		expect(data('.irpc c, 123\n.byte \\c\n.endr')).toEqual([1, 2, 3]);
		expect(data('.irpc c 45\n.byte \\c+1\n.endr')).toEqual([5, 6]);
		// Spaces separate outside quotes and count inside them.
		expect(data('.irpc c, 1 2\n.byte 1\\c\n.endr')).toEqual([11, 12]);
		expect(data('.irpc c, "1 2"\n.byte 1\\c\n.endr')).toEqual([11, 1, 12]);
		expect(data('.irpc c,\n.byte 77\\c\n.endr')).toEqual([77]);
	});
});

describe('.rept', () => {
	it('refuses a negative count and ignores the block', () => {
		const r = assemble('.data\n.rept -1\n.byte 1\n.endr\n.byte 2');
		expect(r.diagnostics.map((d) => d.message)).toEqual(['negative count for .rept - ignored']);
	});

	it('allows large counts of small blocks, and stops a runaway one with a clear error', () => {
		expect(data('.rept 1000000000\n.endr\n.byte 1')).toEqual([1]);
		expect(data('.rept 120000\n.byte 1\n.endr').length).toBe(120000);
		expect(messages('.rept 1000000000\nnop\n.endr')).toEqual([
			'.rept would make more than 250000 lines; stopping'
		]);
		expect(messages('.rept 1000\n.rept 1000\n.rept 1000\nnop\n.endr\n.endr\n.endr')).toEqual([
			'.rept would make more than 250000 lines; stopping'
		]);
	});
});

describe('parseIrp', () => {
	it('reads values as GNU as reads macro arguments', () => {
		expect(parseIrp('irp', ' x, a (b c), "d, e" f"g h"i')).toEqual({
			param: 'x',
			values: ['a', '(b c)', 'd, e', 'f"g h"i']
		});
		expect(parseIrp('irpc', ' c, "a b"c')).toEqual({ param: 'c', values: ['a', ' ', 'b', 'c'] });
		expect(parseIrp('irp', ' x')).toEqual({ param: 'x', values: [''] });
	});
});
