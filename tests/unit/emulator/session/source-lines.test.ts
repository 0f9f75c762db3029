import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceLines } from '../../../../src/lib/emulator/session/source-lines.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

const SOURCE = `_start:
	li t0, 0x12345678   # two instructions
	nop

	.macro twice r
	addi \\r, \\r, 1
	addi \\r, \\r, 1
	.endm
	twice a0
	twice a1
`;

describe('SourceLines', () => {
	const image = assemble(SOURCE, { file: 'main.s' }).image!;
	const lines = new SourceLines(image.sourceMap);

	it('maps every code address to its line and each line start back to an address of it', () => {
		for (const e of image.sourceMap)
			for (let a = e.address; a < e.address + e.size; a += 4)
				expect(lines.placeOf(a)).toEqual({ file: e.file, line: e.line });
		for (const line of [2, 3, 9, 10])
			for (const a of lines.addressesOf('main.s', line))
				expect(lines.placeOf(a)).toEqual({ file: 'main.s', line });
	});

	it('gives a two-instruction line one start, at its first instruction', () => {
		expect(lines.addressesOf('main.s', 2)).toEqual([image.entry]);
	});

	it('lists the lines with code, each mapping back to itself', () => {
		const code = lines.codeLines()['main.s'];
		expect(code).toContain(2);
		expect(code).not.toContain(1);
		for (const line of code) expect(lines.lineWithCode('main.s', line)).toBe(line);
	});

	it('moves a line without code to the next line with code', () => {
		expect(lines.lineWithCode('main.s', 1)).toBe(2);
		expect(lines.lineWithCode('main.s', 4)).toBe(lines.placeOf(image.entry + 12)!.line);
		expect(lines.lineWithCode('main.s', 99)).toBeUndefined();
		expect(lines.lineWithCode('other.s', 1)).toBeUndefined();
	});

	it('answers undefined outside the map', () => {
		fc.assert(
			fc.property(fc.nat(1000), (n) => {
				expect(lines.placeOf(image.entry - 4 - 4 * n)).toBeUndefined();
			}),
			{ numRuns: 50 }
		);
	});
});
