import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import { Field, unpackField } from '../../../../../src/lib/emulator/isa/table.ts';
import {
	indexProgram,
	localLabelTarget
} from '../../../../../src/lib/widgets/machine/language/program-index.ts';

const PROGRAM = [
	'# a comment: fake: nop',
	'N = 4',
	'.equ M, 2',
	'  .macro push reg',
	'  .endm',
	'_start: li a0, N /* x: */',
	'loop:  addi a0, a0, -1; 1: bnez a0, loop',
	'a: b: j 1b'
].join('\n');

describe('indexProgram', () => {
	it('finds labels, numeric labels, constants and macros where they are written', () => {
		const defs = indexProgram(PROGRAM).definitions.map((d) => [
			d.name,
			d.kind,
			d.line,
			d.column,
			d.endColumn
		]);
		expect(defs).toEqual([
			['N', 'constant', 2, 1, 2],
			['M', 'constant', 3, 6, 7],
			['push', 'macro', 4, 10, 14],
			['_start', 'label', 6, 1, 7],
			['loop', 'label', 7, 1, 5],
			['1', 'local', 7, 25, 26],
			['a', 'label', 8, 1, 2],
			['b', 'label', 8, 4, 5]
		]);
	});

	it('still finds them while the program has errors', () => {
		const index = indexProgram('start: nop\n  bogus a0, 1\nend: j start');
		expect([...index.byName.keys()]).toEqual(['start', 'end']);
	});

	it('finds the labels and constants the assembler defines, and takes their values from it', () => {
		const name = fc
			.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/)
			.filter((n) => !/^(x\d+|[ast]\d+|ra|sp|gp|tp|fp|zero)$/.test(n));
		const line = fc.oneof(
			name.map((n) => ({ def: n, text: `${n}: nop` })),
			name.map((n) => ({ def: n, text: `${n} = 12` })),
			fc.constant({ def: undefined, text: 'addi a0, a0, 1' })
		);
		fc.assert(
			fc.property(
				fc.uniqueArray(line, { selector: (l) => l.def ?? l.text, maxLength: 12 }),
				(lines) => {
					const source = lines.map((l) => l.text).join('\n');
					const result = assemble(source);
					fc.pre(result.image !== undefined);
					const index = indexProgram(source, result.image!.symbols);
					expect([...index.byName.keys()].sort()).toEqual(
						result.image!.symbols.map((s) => s.name).sort()
					);
					for (const d of index.definitions) expect(index.symbols.get(d.name)).toBeDefined();
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('localLabelTarget', () => {
	it('resolves 1b and 1f to the numeric label the assembler jumps to', () => {
		const line = fc.constantFrom('1: nop', '2: nop', 'j 1b', 'j 1f', 'j 2b', 'j 2f', 'nop');
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
				const source = lines.join('\n');
				const result = assemble(source);
				fc.pre(result.image !== undefined);
				const { sections, sourceMap } = result.image!;
				const text = sections[0];
				const addressOfLine = (n: number) => sourceMap.find((e) => e.line === n)!.address;
				const index = indexProgram(source);
				lines.forEach((l, i) => {
					const ref = /^j (\d)([bf])$/.exec(l);
					if (!ref) return;
					const at = addressOfLine(i + 1);
					const o = at - text.address;
					const word =
						text.bytes[o] |
						(text.bytes[o + 1] << 8) |
						(text.bytes[o + 2] << 16) |
						(text.bytes[o + 3] << 24);
					const target = localLabelTarget(index, ref[1], ref[2] === 'f', i + 1, 3)!;
					expect(addressOfLine(target.line)).toBe((at + unpackField(Field.immJ, word)) >>> 0);
				});
			}),
			{ numRuns: 60 }
		);
	});

	it('counts a label earlier on the same line as before, and one later as after', () => {
		const index = indexProgram('1: j 1b; 1: nop\nj 1f\n1: nop');
		expect(localLabelTarget(index, '1', false, 1, 6)).toMatchObject({ line: 1, column: 1 });
		expect(localLabelTarget(index, '1', true, 1, 6)).toMatchObject({ line: 1, column: 10 });
		expect(localLabelTarget(index, '1', true, 2, 3)).toMatchObject({ line: 3, column: 1 });
		expect(localLabelTarget(index, '2', true, 2, 3)).toBeUndefined();
	});
});
