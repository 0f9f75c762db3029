/**
 * What each part of the assembler may ask of the run it belongs to, declared in one place.
 *
 * The parts (directives, `.insn`, the location counter, pass 2, the image, …) do not see the whole
 * assembler: each takes the narrowest context below that does its job, so it can be read without
 * the rest and tested with a small fake. assembler.ts builds the one object that provides them
 * all, from the run's state (output.ts, symbols.ts, report.ts, …).
 */
import type { Conditional } from './conditionals.ts';
import type { EvalEnv, EvalResult, Expr, Span } from './expression.ts';
import type { EarlyUse } from './immediates.ts';
import type { InsnRequest } from './instructions.ts';
import type { Token } from './lexer.ts';
import type { Work } from './limits.ts';
import type { Macros } from './macro-call.ts';
import type { Fixup, SourceMapping } from './output.ts';
import type { SectionBuffer } from './sections.ts';
import type { SourceLine } from './source.ts';
import type { SymbolDef } from './symbols.ts';
import type { AssembleOptions, Severity } from './types.ts';

// ---- building blocks ---------------------------------------------------------------------------

/** Reports a problem at a place in the source; the run goes on (report.ts). */
export interface Diagnostics {
	report(source: SourceLine, span: Span, message: string, severity?: Severity): void;
}

/** Reports a limit reached, which ends the run, and tells whether that has happened. */
export interface Stopping {
	fatal(source: SourceLine, span: Span, message: string): void;
	readonly stopped: boolean;
	/** Counts lines, tokens and text read or made, against the limits of limits.ts. */
	readonly work: Work;
}

/** Evaluates expressions while reading (pass 1): labels are section offsets, `.` is the current one. */
export interface Pass1Values {
	pass1Env(source: SourceLine): EvalEnv;
}

/** The section being filled, and the checks and records that go with filling it. */
export interface SectionWriter {
	readonly section: SectionBuffer;
	/** Checks that `n` more bytes fit (reporting when they do not). */
	roomFor(n: number, source: SourceLine, span: Span): boolean;
	/** Records that `source` made the `size` bytes at `offset` of the current section. */
	mapSource(offset: number, size: number, source: SourceLine): void;
}

/** Emits instructions whose immediates pass 2 completes. */
export interface InstructionEmitter {
	emitInstructions(requests: InsnRequest[], source: SourceLine, span: Span): void;
}

/** Rewrites `1b`/`1f` into the names of the numeric local labels they denote. */
export interface LocalRefs {
	resolveLocalRefs(tokens: Token[], source: SourceLine): Token[];
}

// ---- one per module ----------------------------------------------------------------------------

/** args.ts: reading directive operands. */
export type ArgsContext = Diagnostics & Pass1Values;

/** location.ts: `.align`, `.space`, `.org`. */
export type LocationContext = ArgsContext & SectionWriter;

/** immediates.ts, takeConstants: immediates valued where the instruction is. */
export interface ImmediatesContext extends Diagnostics, Pass1Values {
	/** Uses of symbols not defined yet, judged after pass 1. */
	readonly earlyUses: EarlyUse[];
}

/** immediates.ts, reportEarlyUses: judging those uses once every symbol is known. */
export interface EarlyUsesContext extends Diagnostics {
	readonly earlyUses: readonly EarlyUse[];
	/** The line a symbol is defined on, or undefined when it is not defined. */
	definitionLine(name: string): number | undefined;
}

/** insn.ts: `.insn`. */
export interface InsnDirectiveContext
	extends LocationContext, ImmediatesContext, InstructionEmitter {
	isDefined(name: string): boolean;
}

/** conditionals.ts: `.if`, `.ifdef`, `.else`, `.elseif`, `.endif`. */
export interface ConditionalContext extends ArgsContext {
	/** Open conditionals, innermost last. */
	readonly conditionals: Conditional[];
	isDefined(name: string): boolean;
}

/** directives.ts: every other directive (sections, data, symbols, options). */
export interface DirectiveContext extends InsnDirectiveContext, ConditionalContext {
	readonly previousSection: SectionBuffer;
	sectionNamed(name: string, flags?: string): SectionBuffer;
	switchTo(section: SectionBuffer): void;
	/** `.pushsection`: remembers the current section. */
	pushSection(): void;
	/** `.popsection`: the section remembered last, if any (not switched to). */
	popSection(): SectionBuffer | undefined;
	declareGlobal(name: string): void;
	defineConstant(name: string, expr: Expr, source: SourceLine, span: Span, redefine: boolean): void;
	emitData(width: number, expr: Expr, span: Span, source: SourceLine): void;
	/** `.end`: nothing after it is read. */
	end(): void;
}

/** repeat.ts, startBlock: the opening line of `.macro`, `.rept`, `.irp`, `.irpc`. */
export type BlockContext = Diagnostics & Pass1Values & LocalRefs;

/** macro-call.ts and repeat.ts: text made by macros and repetitions. */
export type ExpansionContext = Diagnostics & Stopping;

/** include.ts: `.include`. */
export interface IncludeContext extends Diagnostics {
	readonly work: Work;
	readonly include: AssembleOptions['include'];
}

/** statement.ts: one statement, after conditionals have let it through. */
export interface StatementContext
	extends DirectiveContext, BlockContext, ExpansionContext, IncludeContext {
	defineLabel(name: string, display: string, source: SourceLine, span: Span): void;
	defineLocal(label: string, source: SourceLine, span: Span): void;
	/** The macros defined so far. */
	readonly macros: Macros;
}

/** resolve.ts: pass 2. */
export interface ResolveContext extends Diagnostics {
	readonly fixups: readonly Fixup[];
	/** Evaluates with labels at their addresses and `.` at `dot`. */
	pass2Env(source: SourceLine, dot: number): EvalEnv;
}

/** image.ts: the output once addresses are final. */
export interface ImageContext {
	readonly sections: ReadonlyMap<string, SectionBuffer>;
	readonly symbols: ReadonlyMap<string, SymbolDef>;
	readonly globals: ReadonlySet<string>;
	readonly sourceMap: readonly SourceMapping[];
	/** The value of a symbol after placement, or undefined if it cannot be computed. */
	finalValue(name: string, source: SourceLine): EvalResult | undefined;
}

/** reader.ts: the line loop of pass 1. */
export interface ReaderContext extends StatementContext {
	/** Set by `.end`: nothing after it is read. */
	readonly ended: boolean;
}
