import { describe, expect, it } from 'vitest';
import {
	evaluate,
	parseWholeExpression,
	type Value
} from '../../../../src/lib/emulator/asm/expression.ts';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';

function value(text: string, symbols: Record<string, Value> = {}) {
	const tokens = tokenizeLine(text).statements[0].tokens;
	const e = parseWholeExpression(tokens);
	if ('message' in e) return e.message;
	const r = evaluate(e, {
		lookup: (name) => (symbols[name] ? { ok: true, value: symbols[name] } : undefined),
		dot: () => ({ value: 100n })
	});
	return r.ok ? r.value : r.message;
}

describe('expressions', () => {
	it('uses GNU as precedence: * / % << >> above | & ^ above + -', () => {
		expect(value('2 + 3 & 1')).toEqual({ value: 3n });
		expect(value('1 + 2 * 3 << 1')).toEqual({ value: 13n });
		expect(value('7 >> 1 | 8')).toEqual({ value: 11n });
		expect(value('(2 + 3) & 1')).toEqual({ value: 1n });
	});

	it('truncates division toward zero and keeps the sign of the dividend in %', () => {
		expect(value('-7 / 2')).toEqual({ value: -3n });
		expect(value('-7 % 2')).toEqual({ value: -1n });
	});

	it('gives -1 for a true comparison', () => {
		expect(value('3 > 2')).toEqual({ value: -1n });
		expect(value('3 == 2')).toEqual({ value: 0n });
	});

	it('knows the location counter and symbols', () => {
		expect(value('. + 4')).toEqual({ value: 104n });
		expect(value('K * 2', { K: { value: 21n } })).toEqual({ value: 42n });
	});

	it('keeps section-relative values and subtracts labels of one section', () => {
		const a = { value: 8n, section: '.text' };
		const b = { value: 20n, section: '.text' };
		expect(value('a + 4', { a })).toEqual({ value: 12n, section: '.text' });
		expect(value('b - a', { a, b })).toEqual({ value: 12n });
		expect(value('a * 2', { a })).toMatch(/cannot use '\*' on addresses/);
	});

	it('reports division by zero, undefined symbols and syntax errors', () => {
		expect(value('1 / 0')).toBe('division by zero');
		expect(value('x + 1')).toBe("undefined symbol 'x'");
		expect(value('(1 + 2')).toBe("expected ')'");
		expect(value('1 2')).toBe("unexpected '2' after expression");
	});
});
