import { describe, expect, it } from 'vitest';
import type { ImmediatesContext } from '../../../../src/lib/emulator/asm/context.ts';
import type { EarlyUse } from '../../../../src/lib/emulator/asm/immediates.ts';
import { reportEarlyUses, takeConstants } from '../../../../src/lib/emulator/asm/immediates.ts';
import { parseInstruction } from '../../../../src/lib/emulator/asm/instructions.ts';
import { tokenizeLine } from '../../../../src/lib/emulator/asm/lexer.ts';
import { isError, splitOperands } from '../../../../src/lib/emulator/asm/operands.ts';
import type { SourceLine } from '../../../../src/lib/emulator/asm/source.ts';

/** The requests of the instruction on `text`, with `N` = 5 and no other symbol known yet. */
function requests(text: string, later: Record<string, number> = {}) {
	const reports: string[] = [];
	const earlyUses: EarlyUse[] = [];
	const ctx: ImmediatesContext = {
		earlyUses,
		report: (_s, _sp, m) => reports.push(m),
		pass1Env: () => ({
			lookup: (name) => (name === 'N' ? { ok: true, value: { value: 5n } } : undefined),
			dot: () => ({ value: 0n })
		})
	};
	const line: SourceLine = { text, file: 'test.s', line: 1 };
	const [head, ...rest] = tokenizeLine(text).statements[0].tokens;
	const ops = splitOperands(rest, head);
	if (isError(ops)) throw new Error(ops.message);
	const parsed = parseInstruction(head, ops, head, { constant: () => 0n });
	if (!parsed || isError(parsed)) throw new Error('not an instruction');
	const taken = takeConstants(ctx, parsed, line, head.text);
	reportEarlyUses({ ...ctx, definitionLine: (name) => later[name] });
	return { taken, reports };
}

describe('immediates valued where the instruction is', () => {
	it('takes the value of a constant defined before', () => {
		const { taken, reports } = requests('addi a0, a0, N + 1');
		expect(taken[0].pending[0].expr).toMatchObject({ kind: 'number', value: 6n });
		expect(reports).toEqual([]);
	});

	it("reports symbols defined later, or never, in GNU as's words", () => {
		expect(requests('addi a0, a0, LATER', { LATER: 9 }).reports).toEqual([
			"illegal operands: symbol 'LATER' is defined only later (line 9); an immediate must be known where it is used"
		]);
		expect(requests('slli a0, a0, NEVER').reports).toEqual(["undefined symbol 'NEVER'"]);
	});

	it('leaves branch targets to pass 2', () => {
		const { taken, reports } = requests('beq a0, a1, later');
		expect(taken[0].pending[0].expr).toMatchObject({ kind: 'symbol' });
		expect(reports).toEqual([]);
	});
});
