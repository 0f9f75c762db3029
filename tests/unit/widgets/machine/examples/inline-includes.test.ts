/** Inlining includes: text in place of each directive, named; unknown and recursive ones stay. */
import { describe, expect, it } from 'vitest';
import { inlineIncludes } from '$lib/widgets/machine/examples/inline-includes.ts';
import { assemble } from '$lib/emulator/asm/index.ts';

describe('inlineIncludes', () => {
	it('puts each included file in place of its directive, nested, between named comments', () => {
		const files = {
			'top.s': '.include "a.s"\n\tnop\n',
			'a.s': '\tli a0, 1\n  .include "b.s"   # the second\n',
			'b.s': '\tli a1, 2'
		};
		expect(inlineIncludes(files, 'top.s')).toBe(
			[
				'# ======== a.s (included by top.s) ========',
				'\tli a0, 1',
				'# ======== b.s (included by a.s) ========',
				'\tli a1, 2',
				'# ======== end of b.s ========',
				'# ======== end of a.s ========',
				'\tnop',
				''
			].join('\n')
		);
	});

	it('assembles to what the includes assemble to', () => {
		const files = {
			'top.s': '_start:\n.include "m.s"\n\tbody 3\n1:\tj 1b\n',
			'm.s': '.macro body n\n\tli a0, \\n\n.endm\n'
		};
		const included = assemble(files['top.s'], { file: 'top.s', include: (n) => files[n as 'm.s'] });
		const inlined = assemble(inlineIncludes(files, 'top.s'), { file: 'top.s' });
		expect(inlined.diagnostics).toEqual([]);
		expect(inlined.image!.sections.map((s) => [...s.bytes])).toEqual(
			included.image!.sections.map((s) => [...s.bytes])
		);
	});

	it('leaves a directive whose file is not given, or that includes itself, to the assembler', () => {
		const files = { 'top.s': '.include "missing.s"\n.include "top.s"\n' };
		expect(inlineIncludes(files, 'top.s')).toBe(files['top.s']);
	});
});
