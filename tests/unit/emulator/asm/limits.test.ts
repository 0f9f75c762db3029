/**
 * Limits that keep the assembler quick on any input: included text, expansion work, and the
 * number of diagnostics. (How long a run takes is a benchmark's business, not a unit test's: each
 * limit is checked by what the assembler reports when it is reached.)
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

const messages = (source: string, options = {}) =>
	assemble(source, options).diagnostics.map((d) => d.message);

describe('.include limits', () => {
	it('stops reading included text past 4 MiB in total', () => {
		const big = `# ${'filler '.repeat(150)}\n`.repeat(3000); // 3.2 MB
		const include = () => big;
		const r = assemble('.include "a.s"\n.include "b.s"\nnop', { include });
		expect(r.diagnostics).toEqual([
			expect.objectContaining({
				line: 2,
				column: 10,
				message: "cannot include 'b.s': included files would exceed 4 MiB of source in total"
			})
		]);
	});

	it('reports the reason an include hook gives, and an exception it throws', () => {
		const include = (name: string) =>
			name === 'dev' ? { error: 'not a regular file' } : JSON.parse('{');
		expect(messages('.include "dev"', { include })).toEqual([
			"cannot include 'dev': not a regular file"
		]);
		expect(messages('.include "x"', { include })[0]).toMatch(/^cannot include 'x': /);
	});

	it('stops a file that includes itself twice', () => {
		const include = () => '.include "self.s"\n.include "self.s"';
		const all = messages('.include "self.s"', { include });
		expect(all.length).toBeLessThanOrEqual(101);
	});
});

describe('expansion limits', () => {
	it('stops a macro that calls itself twice at the first level too deep', () => {
		const all = messages('.macro r\nr\nr\n.endm\nr');
		expect(all).toEqual([
			"in macro 'r' (its line 2): macros nested more than 64 deep (does one use itself?); stopping"
		]);
	});

	it('stops a macro whose arguments grow at every call', () => {
		expect(messages('.macro m a\nm \\a\\a\\a\\a\n.endm\nm x')).toEqual([
			"in macro 'm' (its line 2): line longer than 262144 characters"
		]);
	});

	it('bounds the text that macros make', () => {
		const src = `.macro m a\n# ${'\\a'.repeat(8)}\n.endm\n.rept 1000\nm ${'x'.repeat(30000)}\n.endr`;
		expect(messages(src)).toEqual([
			expect.stringMatching(
				/more than 32 MiB of text after expanding macros, .rept and includes; stopping$/
			)
		]);
	});

	it('counts the characters of strings as tokens', () => {
		const src = `.data\n.rept 1000\n.ascii "${'x'.repeat(20000)}"\n.endr`;
		expect(messages(src)).toEqual([
			'more than 500000 tokens after expanding macros, .rept and includes; stopping'
		]);
	});

	it('bounds the work of long repeated lines', () => {
		const values = Array(400).fill('1').join(',');
		const all = messages(`.data\n.rept 5000\n.byte ${values}\n.endr`);
		expect(all).toEqual([expect.stringMatching(/more than .* tokens after expanding/)]);
	});

	it('bounds symbols defined through a tree of other symbols', () => {
		const tree = Array.from({ length: 60 }, (_, i) => `.equ a${60 - i}, a${59 - i} + a${59 - i}`);
		const all = messages(`${tree.join('\n')}\n.equ a0, 1\naddi a0, a0, a60`);
		expect(all).toEqual([
			'symbols defined through one another take more than 2000000 steps to evaluate'
		]);
		// After placement each value is computed once: 2^60 is too large for a word, but quick.
		const data = messages(`${tree.join('\n')}\n.equ a0, 1\n.word a60`);
		expect(data).toEqual(['value 0x1000000000000000 truncated to 0x0']);
	});
});

describe('diagnostic limits', () => {
	it('stops after 100 errors and says so last', () => {
		const r = assemble('foo a0\n'.repeat(1000));
		expect(r.diagnostics).toHaveLength(101);
		expect(r.diagnostics[100]).toMatchObject({
			line: 101,
			severity: 'error',
			message: 'too many errors (100); stopping'
		});
	});

	it('shows at most 100 warnings and counts the rest', () => {
		const r = assemble(`.byte 1\n${'nop\n'.repeat(300)}`);
		expect(r.image).toBeDefined();
		expect(r.diagnostics).toHaveLength(101);
		expect(r.diagnostics[100].message).toBe('200 more warnings not shown');
	});
});
