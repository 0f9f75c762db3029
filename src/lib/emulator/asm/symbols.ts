/**
 * The symbol table: labels (a section and an offset in it) and constants (`.equ`, `.set`,
 * `name = expr`), and how expressions see them.
 *
 * A constant keeps its expression: GNU as lets `a = b + 1` come before `b` is defined, so its value
 * may only be known later. While reading (pass 1) a label is an offset in its section and `.` the
 * current offset; once sections are placed (pass 2) both are addresses, and each constant's final
 * value is computed once and remembered.
 */
import type { Diagnostics } from './context.ts';
import {
	evaluate,
	type EvalEnv,
	type EvalResult,
	type Expr,
	type Span,
	type Value
} from './expression.ts';
import { MAX_SYMBOL_CHAIN, MAX_SYMBOL_EVALUATIONS, type Work } from './limits.ts';
import type { Where } from './output.ts';
import type { SectionBuffer } from './sections.ts';
import type { SourceLine } from './source.ts';

export type SymbolDef =
	| { kind: 'label'; section: SectionBuffer; offset: number; global: boolean; where: Where }
	| {
			kind: 'equ';
			expr: Expr;
			/** Value computed when defined, if it could be. */
			value?: Value;
			global: boolean;
			where: Where;
			resolving?: boolean;
			/** The value after placement, once computed (pass 2). */
			final?: EvalResult;
	  };

/** What the table needs to know about sections: the current one, and each one by name. */
export interface SectionsView {
	readonly section: SectionBuffer;
	readonly sections: ReadonlyMap<string, SectionBuffer>;
}

const LINE_START: Span = { column: 1, endColumn: 2 };

export class SymbolTable {
	readonly symbols = new Map<string, SymbolDef>();
	/** Names declared global before (or after) their definition. */
	readonly globals = new Set<string>();
	/** Nesting of lazy constant evaluations (a = b + 1, b = c + 1, …). */
	private resolvingDepth = 0;

	constructor(
		private readonly output: SectionsView,
		private readonly diagnostics: Diagnostics,
		private readonly work: Work
	) {}

	isDefined(name: string): boolean {
		return this.symbols.has(name);
	}

	definitionLine(name: string): number | undefined {
		return this.symbols.get(name)?.where.source.line;
	}

	/** A label at the current offset of the current section. `display` names it in messages. */
	defineLabel(name: string, display: string, source: SourceLine, span: Span): void {
		const existing = this.symbols.get(name);
		if (existing) {
			const message = `symbol '${display}' is already defined (line ${existing.where.source.line})`;
			this.diagnostics.report(source, span, message);
			return;
		}
		const section = this.output.section;
		this.symbols.set(name, {
			kind: 'label',
			section,
			offset: section.size,
			global: false,
			where: { source }
		});
	}

	/** A constant; `.set` and `=` may give a constant a new value (`redefine`), `.equiv` may not. */
	defineConstant(
		name: string,
		expr: Expr,
		source: SourceLine,
		span: Span,
		redefine: boolean
	): void {
		const existing = this.symbols.get(name);
		if (existing && (existing.kind === 'label' || !redefine)) {
			const message = `symbol '${name}' is already defined (line ${existing.where.source.line})`;
			this.diagnostics.report(source, span, message);
			return;
		}
		const r = evaluate(expr, this.pass1Env(source));
		const value = r.ok ? r.value : undefined;
		if (!r.ok && r.undefinedSymbol === undefined) {
			this.diagnostics.report(source, r.span, r.message);
			return;
		}
		this.symbols.set(name, { kind: 'equ', expr, value, global: false, where: { source } });
	}

	/** Pass-1 environment: labels are section offsets; `.` is the current offset. */
	pass1Env(source: SourceLine): EvalEnv {
		return {
			lookup: (name, span) => this.lookup(name, span, source, 1),
			dot: () => ({ value: BigInt(this.output.section.size), section: this.output.section.name })
		};
	}

	/** Pass-2 environment: labels are addresses; `.` is `dot`. */
	pass2Env(source: SourceLine, dot: number): EvalEnv {
		return {
			lookup: (name, span) => this.lookup(name, span, source, 2),
			dot: () => ({ value: BigInt(dot >>> 0) })
		};
	}

	/** The final value of a symbol (after placement), or undefined if it cannot be computed. */
	finalValue(name: string, source: SourceLine): EvalResult | undefined {
		return this.lookup(name, LINE_START, source, 2);
	}

	private lookup(
		name: string,
		span: Span,
		source: SourceLine,
		pass: 1 | 2
	): EvalResult | undefined {
		const s = this.symbols.get(name);
		if (!s) return undefined;
		if (s.kind === 'equ' && pass === 2 && s.final) return s.final;
		if (s.kind === 'label') {
			return pass === 1
				? { ok: true, value: { value: BigInt(s.offset), section: s.section.name } }
				: { ok: true, value: { value: BigInt((s.section.address + s.offset) >>> 0) } };
		}
		if (s.value && (pass === 1 || s.value.section === undefined))
			return { ok: true, value: s.value };
		if (s.value && s.value.section !== undefined) {
			const sec = this.output.sections.get(s.value.section)!;
			return { ok: true, value: { value: BigInt(sec.address) + s.value.value } };
		}
		return this.evaluateDefinition(s, name, span, source, pass);
	}

	/** Evaluates a constant whose value was not known when it was defined. */
	private evaluateDefinition(
		s: Extract<SymbolDef, { kind: 'equ' }>,
		name: string,
		span: Span,
		source: SourceLine,
		pass: 1 | 2
	): EvalResult {
		if (s.resolving) {
			return { ok: false, message: `symbol '${name}' is defined in terms of itself`, span };
		}
		if (this.resolvingDepth >= MAX_SYMBOL_CHAIN) {
			return {
				ok: false,
				message: `symbol '${name}' is defined through more than ${MAX_SYMBOL_CHAIN} other symbols`,
				span
			};
		}
		// Definitions that use one symbol twice, each defined the same way, double the work at
		// every level; pass 2 remembers each value, and this bounds pass 1.
		if (++this.work.symbolEvaluations > MAX_SYMBOL_EVALUATIONS) {
			return {
				ok: false,
				message: `symbols defined through one another take more than ${MAX_SYMBOL_EVALUATIONS} steps to evaluate`,
				span
			};
		}
		this.resolvingDepth++;
		s.resolving = true;
		const env: EvalEnv =
			pass === 1
				? this.pass1Env(source)
				: { lookup: (n, sp) => this.lookup(n, sp, source, 2), dot: () => ({ value: 0n }) };
		const r = evaluate(s.expr, env);
		s.resolving = false;
		this.resolvingDepth--;
		if (pass === 2) s.final = r;
		return r;
	}
}
