import { describe, expect, it } from 'vitest';
import {
	evaluate,
	parseWholeExpression,
	type Expr
} from '../../../../src/lib/emulator/asm/expression.ts';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import { Work } from '../../../../src/lib/emulator/asm/limits.ts';
import { SectionBuffer } from '../../../../src/lib/emulator/asm/sections.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';
import { SymbolTable } from '../../../../src/lib/emulator/asm/symbols.ts';

const line = (n: number): SourceLine => ({ text: '', file: 'test.s', line: n });
const span = { column: 1, endColumn: 2 };
const expr = (text: string) =>
	parseWholeExpression(tokenizeLine(text).statements[0].tokens) as Expr;

/** A table over one .text section, recording reports. */
function table() {
	const text = new SectionBuffer('.text', 'code');
	const sections = new Map([['.text', text]]);
	const reports: string[] = [];
	const diagnostics = { report: (_s: SourceLine, _sp: unknown, m: string) => reports.push(m) };
	const symbols = new SymbolTable({ section: text, sections }, diagnostics, new Work());
	return { symbols, text, reports };
}

describe('the symbol table', () => {
	it('gives labels section offsets in pass 1 and addresses in pass 2', () => {
		const { symbols, text } = table();
		text.reserve(8);
		symbols.defineLabel('here', 'here', line(1), span);
		const pass1 = evaluate(expr('here + 4'), symbols.pass1Env(line(2)));
		expect(pass1).toEqual({ ok: true, value: { value: 12n, section: '.text' } });
		text.address = 0x1000;
		expect(symbols.finalValue('here', line(3))).toEqual({ ok: true, value: { value: 0x1008n } });
	});

	it('evaluates a constant defined before the symbols it uses, once they are defined', () => {
		const { symbols } = table();
		symbols.defineConstant('A', expr('B * 2'), line(1), span, true);
		symbols.defineConstant('B', expr('21'), line(2), span, true);
		expect(evaluate(expr('A'), symbols.pass1Env(line(3)))).toEqual({
			ok: true,
			value: { value: 42n }
		});
		expect(symbols.definitionLine('B')).toBe(2);
	});

	it('reports a second definition, and a constant defined in terms of itself', () => {
		const { symbols, reports } = table();
		symbols.defineLabel('x', 'x', line(1), span);
		symbols.defineLabel('x', 'x', line(2), span);
		symbols.defineConstant('L', expr('L + 1'), line(3), span, true);
		expect(symbols.finalValue('L', line(4))).toMatchObject({
			ok: false,
			message: "symbol 'L' is defined in terms of itself"
		});
		expect(reports).toEqual(["symbol 'x' is already defined (line 1)"]);
	});
});
