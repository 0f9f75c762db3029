import { describe, expect, it } from 'vitest';
import {
	allActive,
	conditional,
	reportUnclosed,
	type Conditional
} from '../../../../src/lib/emulator/asm/conditionals.ts';
import type { ConditionalContext } from '../../../../src/lib/emulator/asm/context.ts';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';

/** A context where `defined` are the defined symbols (each a constant 1). */
function context(defined: string[] = []) {
	const reports: string[] = [];
	const conditionals: Conditional[] = [];
	const ctx: ConditionalContext = {
		conditionals,
		isDefined: (name) => defined.includes(name),
		report: (source, _span, message) => reports.push(`${source.line}: ${message}`),
		pass1Env: () => ({
			lookup: (name) => (defined.includes(name) ? { ok: true, value: { value: 1n } } : undefined),
			dot: () => ({ value: 0n })
		})
	};
	/** Runs the conditional directive on `text`, as line `n`; returns whether lines are assembled. */
	const run = (text: string, n: number) => {
		const [head, ...tokens] = tokenizeLine(text).statements[0].tokens;
		const line: SourceLine = { text, file: 'test.s', line: n };
		const args = { tokens, column: tokens[0]?.column ?? 1, endColumn: text.length + 1 };
		conditional(ctx, head.text, args, line, head);
		return allActive(conditionals);
	};
	return { ctx, run, reports };
}

describe('conditional assembly', () => {
	it('takes the first true branch of .if / .elseif / .else', () => {
		const { run, reports } = context();
		expect(run('.if 0', 1)).toBe(false);
		expect(run('.elseif 2 > 1', 2)).toBe(true);
		expect(run('.else', 3)).toBe(false);
		expect(run('.endif', 4)).toBe(true);
		expect(reports).toEqual([]);
	});

	it('tests whether symbols are defined', () => {
		const { run } = context(['A']);
		expect(run('.ifdef A', 1)).toBe(true);
		expect(run('.ifndef A', 2)).toBe(false);
		expect(run('.endif', 3)).toBe(true);
		expect(run('.ifdef B', 4)).toBe(false);
		expect(run('.endif', 5)).toBe(true);
	});

	it('does not evaluate conditions inside a skipped block', () => {
		const { run, reports } = context();
		run('.if 0', 1);
		expect(run('.if undefined_symbol', 2)).toBe(false);
		run('.endif', 3);
		run('.endif', 4);
		expect(reports).toEqual([]);
	});

	it('reports a stray .else or .endif, a second .else and an unclosed .if', () => {
		const { ctx, run, reports } = context();
		run('.else', 1);
		run('.endif', 2);
		run('.if 1', 3);
		run('.else', 4);
		run('.else', 5);
		reportUnclosed(ctx);
		expect(reports).toEqual([
			'1: .else without .if',
			'2: .endif without .if',
			'5: second .else for one .if',
			'3: this .if has no matching .endif'
		]);
	});
});
