import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../../src/lib/emulator/asm/index.ts';
import {
	problemsList,
	toMarkers
} from '../../../../../src/lib/widgets/machine/language/markers.ts';

const SOURCE = ['  addi a0, a0', '  .option rvc', '  frob a1', '  li a0, 1'].join('\n');
const { diagnostics } = assemble(SOURCE);

describe('toMarkers', () => {
	it('puts each error and warning under the exact text the assembler names', () => {
		const markers = toMarkers(diagnostics);
		expect(markers.map((m) => [m.severity, m.startLineNumber, m.endLineNumber])).toEqual(
			expect.arrayContaining([
				['Error', 1, 1],
				['Warning', 2, 2],
				['Error', 3, 3]
			])
		);
		const unknown = markers.find((m) => m.startLineNumber === 3)!;
		expect(SOURCE.split('\n')[2].slice(unknown.startColumn - 1, unknown.endColumn - 1)).toBe(
			'frob'
		);
		expect(unknown.message).toContain("unknown instruction 'frob'");
		expect(unknown.source).toBe('virtlab-as');
	});

	it('gives an empty span one character and leaves out included files', () => {
		const markers = toMarkers([
			{ line: 2, column: 5, endColumn: 5, message: 'm', severity: 'error' },
			{ line: 9, column: 1, endColumn: 3, message: 'n', severity: 'error', file: 'inc.s' }
		]);
		expect(markers).toHaveLength(1);
		expect(markers[0]).toMatchObject({ startColumn: 5, endColumn: 6 });
	});
});

describe('problemsList', () => {
	it('lists errors first, then warnings, each by position, with counts', () => {
		const list = problemsList(diagnostics);
		expect(list.errors).toBe(2);
		expect(list.warnings).toBe(1);
		expect(list.problems.map((p) => [p.severity, p.line])).toEqual([
			['error', 1],
			['error', 3],
			['warning', 2]
		]);
		expect(list.problems[1].text).toMatch(/^input\.s:3:3: error: unknown instruction 'frob'/);
		expect(problemsList(diagnostics, 'prog.s').problems[0].text).toMatch(/^prog\.s:1:/);
	});

	it('names the included file a problem is in', () => {
		const list = problemsList([
			{ line: 9, column: 1, endColumn: 3, message: 'bad', severity: 'error', file: 'inc.s' }
		]);
		expect(list.problems[0]).toMatchObject({ file: 'inc.s', text: 'inc.s:9:1: error: bad' });
	});
});
