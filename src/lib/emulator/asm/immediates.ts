/**
 * Immediates that must be known where the instruction is. GNU as 2.40 reads an instruction's
 * plain immediate (not a branch or jump target, not `%hi`/`%lo`/`%pcrel_*`) as a constant when it
 * reads the line; anything else is refused there:
 *
 *   addi a0, a1, FWD      "illegal operands"          (also lui, auipc, lw, sw, jalr, .insn)
 *   slli a0, a1, FWD      "instruction slli requires absolute expression"  (also csrrwi, …)
 *   csrrw a0, FWD, a1     "unknown CSR `FWD'"
 *
 * when FWD is defined by a later `.equ`, never defined, or is a label. Data (`.word FWD`), branch
 * targets and relocations are left to the linker (to pass 2 here), so they may come first.
 *
 * Taking the value now also gives a `.set` symbol the value it has at the instruction, not the
 * last one it is given.
 */
import type { EarlyUsesContext, ImmediatesContext } from './context.ts';
import { evaluate, symbolsOf, type Expr } from './expression.ts';
import type { InsnRequest, PendingImmediate } from './instructions.ts';
import type { SourceLine } from './source.ts';

/** A use of a symbol that was not defined yet; judged once the whole source has been read. */
export interface EarlyUse {
	source: SourceLine;
	symbol: string;
	display: string;
	span: { column: number; endColumn: number };
	/** GNU as's words for the error, e.g. "illegal operands". */
	prefix: string;
}

/** What GNU as calls an immediate it cannot take, by the kind of operand. */
function gnuWords(p: PendingImmediate, mnemonic: string, text: string): string {
	if (p.kind === 'shamt' || p.kind === 'uimm5') {
		return `instruction ${mnemonic} requires absolute expression`;
	}
	if (p.kind === 'csr') return `unknown CSR '${text}'`;
	return 'illegal operands';
}

/**
 * Replaces the plain immediates of `requests` by their values, reporting those that have none yet.
 * Uses of symbols defined later are recorded in `ctx.earlyUses` (see reportEarlyUses).
 */
export function takeConstants(
	ctx: ImmediatesContext,
	requests: InsnRequest[],
	line: SourceLine,
	mnemonic: string
): InsnRequest[] {
	return requests.map((request) => ({
		...request,
		pending: request.pending.map((p) => {
			if (p.mode !== 'abs') return p;
			const zero: Expr = { kind: 'number', value: 0n, span: p.span };
			const text = line.text.slice(p.span.column - 1, p.span.endColumn - 1);
			const r = evaluate(p.expr, ctx.pass1Env(line));
			if (r.ok && r.value.section === undefined) {
				return { ...p, expr: { kind: 'number', value: r.value.value, span: p.span } };
			}
			if (r.ok) {
				ctx.report(
					line,
					p.span,
					`illegal operands: '${text}' is an address, not a constant (use %lo(${text}), or la to load it)`
				);
			} else if (r.undefinedSymbol !== undefined) {
				// The symbol may be in the operand, or in the definition of a symbol the operand uses.
				const direct = symbolsOf(p.expr).includes(r.undefinedSymbol);
				const span = direct ? r.span : p.span;
				ctx.earlyUses.push({
					source: line,
					symbol: r.undefinedSymbol,
					display: direct
						? line.text.slice(span.column - 1, span.endColumn - 1)
						: r.undefinedSymbol,
					span,
					prefix: gnuWords(p, mnemonic, text)
				});
			} else {
				// An error in another symbol's definition has a span on that definition's line.
				const inside = r.span.column >= p.span.column && r.span.endColumn <= p.span.endColumn;
				ctx.report(line, inside ? r.span : p.span, r.message);
			}
			// Reported (or to be): pass 2 must not report it again.
			return { ...p, expr: zero };
		})
	}));
}

/** After pass 1: each early use is of a symbol defined later, or of one never defined. */
export function reportEarlyUses(ctx: EarlyUsesContext): void {
	for (const use of ctx.earlyUses) {
		const defined = ctx.definitionLine(use.symbol);
		ctx.report(
			use.source,
			use.span,
			defined !== undefined
				? `${use.prefix}: symbol '${use.display}' is defined only later (line ${defined}); an immediate must be known where it is used`
				: `undefined symbol '${use.display}'`
		);
	}
}
