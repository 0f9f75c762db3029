import { describe, expect, it } from 'vitest';
import { constant, operands, symbolName } from '../../../../src/lib/emulator/asm/args.ts';
import type { ArgsContext } from '../../../../src/lib/emulator/asm/context.ts';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';

/** A context with the constants `symbols` (and `here`, an address in .text), recording reports. */
function context(symbols: Record<string, bigint> = {}) {
	const reports: string[] = [];
	const ctx: ArgsContext = {
		report: (_source, span, message) => reports.push(`${span.column}: ${message}`),
		pass1Env: () => ({
			lookup: (name) =>
				name === 'here'
					? { ok: true, value: { value: 8n, section: '.text' } }
					: name in symbols
						? { ok: true, value: { value: symbols[name] } }
						: undefined,
			dot: () => ({ value: 0n, section: '.text' })
		})
	};
	return { ctx, reports };
}

/** The operands of `text`, a directive's operand list. */
function args(text: string) {
	const tokens = tokenizeLine(text).statements[0].tokens;
	return { tokens, column: 1, endColumn: text.length + 1 };
}

const line: SourceLine = { text: '', file: 'test.s', line: 1 };

describe('directive operands', () => {
	it('evaluates constants that are known where the directive is', () => {
		const { ctx, reports } = context({ N: 3n });
		const ops = operands(ctx, args('N * 4, 1 << 2'), line)!;
		expect(ops.map((op) => constant(ctx, op, line, 'the size'))).toEqual([12, 4]);
		expect(reports).toEqual([]);
	});

	it('says why a value is not a constant: undefined, or an address', () => {
		const { ctx, reports } = context();
		const [missing, address] = operands(ctx, args('later, here'), line)!;
		expect(constant(ctx, missing, line, 'the size')).toBeUndefined();
		expect(constant(ctx, address, line, 'the size')).toBeUndefined();
		expect(reports).toEqual([
			"1: undefined symbol 'later' (the size must be known at this point)",
			'8: the size must be a number, not an address'
		]);
	});

	it('reads a symbol name, and reports anything else', () => {
		const { ctx, reports } = context();
		const [name, other] = operands(ctx, args('foo, 1 + 2'), line)!;
		expect(symbolName(ctx, name, line)).toBe('foo');
		expect(symbolName(ctx, other, line)).toBeUndefined();
		expect(reports).toEqual(["6: expected a symbol name, found '1+2'"]);
	});
});
