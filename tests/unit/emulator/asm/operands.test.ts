import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import {
	parseCsr,
	parseFenceSet,
	parseImmediate,
	parseMemory,
	parseRegister,
	splitOperands,
	type Operand
} from '../../../../src/lib/emulator/asm/operands.ts';

function ops(text: string): Operand[] {
	const r = splitOperands(tokenizeLine(text).statements[0].tokens, { column: 1, endColumn: 2 });
	if ('message' in r) throw new Error(r.message);
	return r;
}

describe('operands', () => {
	it('splits at top-level commas and flags empty operands', () => {
		expect(ops('a0, %lo(x + (1, 2)), 3').map((o) => o.tokens.length)).toEqual([1, 10, 1]);
		const tokens = tokenizeLine('a0, , a1').statements[0].tokens;
		expect(splitOperands(tokens, { column: 1, endColumn: 2 })).toMatchObject({
			message: 'empty operand'
		});
	});

	it('parses registers and explains a wrong one', () => {
		expect(parseRegister(ops('s0')[0], 'rd')).toBe(8);
		expect(parseRegister(ops('q1')[0], 'rs1')).toMatchObject({
			message: "expected a register for rs1, found 'q1'"
		});
	});

	it('splits memory operands into offset and base', () => {
		const m = parseMemory(ops('%lo(sym)(a1)')[0])!;
		expect(m.base).toBe(11);
		expect(m.offset.map((t) => t.text)).toEqual(['%lo', '(', 'sym', ')']);
		expect(parseMemory(ops('(sp)')[0])).toMatchObject({ offset: [], base: 2 });
		expect(parseMemory(ops('label')[0])).toBeUndefined();
	});

	it('parses relocation functions only where allowed', () => {
		const [op] = ops('%hi(x)');
		expect(parseImmediate(op.tokens, op.span, ['abs', 'hi'])).toMatchObject({ mode: 'hi' });
		expect(parseImmediate(op.tokens, op.span, ['abs', 'lo'])).toMatchObject({
			message: '%hi is not allowed here (this operand takes %lo)'
		});
		const [bad] = ops('%lo(x)+4');
		expect(parseImmediate(bad.tokens, bad.span, ['lo'])).toMatchObject({
			message: 'nothing may follow %lo(...) in this operand'
		});
	});

	it('parses CSR names and numbers', () => {
		expect(parseCsr(ops('mstatus')[0])).toBe(0x300);
		expect(parseCsr(ops('hgatp')[0])).toBe(0x680);
		// Named by GNU tools though the machine does not implement it.
		expect(parseCsr(ops('dcsr')[0])).toBe(0x7b0);
		expect(parseCsr(ops('0x7c0')[0])).toMatchObject({ kind: 'number', value: 0x7c0n });
	});

	it('parses fence sets in iorw order', () => {
		expect(parseFenceSet(ops('iorw')[0])).toBe(15);
		expect(parseFenceSet(ops('rw')[0])).toBe(3);
		expect(parseFenceSet(ops('wr')[0])).toMatchObject({
			message: expect.stringMatching(/in that order/)
		});
	});
});
