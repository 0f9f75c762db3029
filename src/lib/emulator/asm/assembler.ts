/**
 * The two-pass assembler.
 *
 * Pass 1 (reader.ts, statement.ts) reads the source line by line — expanding macros, following
 * `.if*` conditionals and `.include`s — and lays out every section: instructions and data get
 * their offsets (every instruction is 4 bytes; `li` picks its length from a value known at that
 * point, as GNU as does), labels get section offsets, and anything that needs an address is left
 * as a fixup. Then the sections are placed in memory (sections.ts) and pass 2 (resolve.ts)
 * resolves the fixups: branch and jump offsets, `%hi`/`%lo`/`%pcrel_hi`/`%pcrel_lo`, and data
 * words holding addresses.
 *
 * Errors do not stop the run: each becomes a diagnostic and the statement is skipped, so one pass
 * reports them all — up to the limits of limits.ts (100 errors, a bounded amount of expansion
 * work), past which the run stops with a last diagnostic saying why.
 *
 * This file wires the run's state together: the class below is the one object that gives every
 * part the context it asks for (context.ts), each member handing the work to the part that owns it.
 */
import type { Conditional } from './conditionals.ts';
import type { EarlyUsesContext, ImageContext, ReaderContext, ResolveContext } from './context.ts';
import type { EvalEnv, EvalResult, Expr, Span } from './expression.ts';
import { buildImage } from './image.ts';
import { reportEarlyUses, type EarlyUse } from './immediates.ts';
import type { InsnRequest } from './instructions.ts';
import type { Token } from './lexer.ts';
import { Work } from './limits.ts';
import { LocalLabels } from './local-labels.ts';
import { padCode } from './location.ts';
import { Macros } from './macro-call.ts';
import { Output } from './output.ts';
import { readSource } from './reader.ts';
import { Reporter } from './report.ts';
import { resolveFixups } from './resolve.ts';
import { place, type SectionBuffer } from './sections.ts';
import { splitSource, type SourceLine } from './source.ts';
import { SymbolTable } from './symbols.ts';
import type { AssembleOptions, AssembleResult, Severity } from './types.ts';

export type { SourceLine } from './source.ts';

export class Assembler implements ReaderContext, ResolveContext, ImageContext, EarlyUsesContext {
	readonly reporter: Reporter;
	readonly work = new Work();
	readonly output: Output;
	readonly table: SymbolTable;
	readonly locals: LocalLabels;
	readonly macros = new Macros();
	readonly conditionals: Conditional[] = [];
	/** Immediates naming symbols not defined yet (see immediates.ts). */
	readonly earlyUses: EarlyUse[] = [];
	readonly include: AssembleOptions['include'];
	ended = false;

	constructor(file: string, include?: AssembleOptions['include']) {
		this.reporter = new Reporter(file);
		this.output = new Output(this);
		this.table = new SymbolTable(this.output, this, this.work);
		this.locals = new LocalLabels(this, (...a) => this.table.defineLabel(...a));
		this.include = include;
	}

	// ---- diagnostics (report.ts) --------------------------------------------------------------

	report(source: SourceLine, span: Span, message: string, severity: Severity = 'error'): void {
		this.reporter.report(source, span, message, severity);
	}

	fatal(source: SourceLine, span: Span, message: string): void {
		this.reporter.fatal(source, span, message);
	}

	get stopped(): boolean {
		return this.reporter.stopped;
	}

	end(): void {
		this.ended = true;
	}

	// ---- sections and what goes in them (output.ts) ------------------------------------------

	get sections(): ReadonlyMap<string, SectionBuffer> {
		return this.output.sections;
	}
	get section(): SectionBuffer {
		return this.output.section;
	}
	get previousSection(): SectionBuffer {
		return this.output.previousSection;
	}
	get fixups() {
		return this.output.fixups;
	}
	get sourceMap() {
		return this.output.sourceMap;
	}
	sectionNamed(name: string, flags?: string): SectionBuffer {
		return this.output.sectionNamed(name, flags);
	}
	switchTo(s: SectionBuffer): void {
		this.output.switchTo(s);
	}
	pushSection(): void {
		this.output.pushSection();
	}
	popSection(): SectionBuffer | undefined {
		return this.output.popSection();
	}
	roomFor(n: number, source: SourceLine, span: Span): boolean {
		return this.output.roomFor(n, source, span);
	}
	mapSource(offset: number, size: number, source: SourceLine): void {
		this.output.mapSource(offset, size, source);
	}
	emitInstructions(requests: InsnRequest[], source: SourceLine, span: Span): void {
		this.output.emitInstructions(requests, source, span);
	}
	emitData(width: number, expr: Expr, span: Span, source: SourceLine): void {
		this.output.emitData(width, expr, span, source);
	}

	// ---- symbols (symbols.ts, local-labels.ts) ------------------------------------------------

	get symbols() {
		return this.table.symbols;
	}
	get globals(): ReadonlySet<string> {
		return this.table.globals;
	}
	declareGlobal(name: string): void {
		this.table.globals.add(name);
	}
	defineLabel(name: string, display: string, source: SourceLine, span: Span): void {
		this.table.defineLabel(name, display, source, span);
	}
	defineLocal(label: string, source: SourceLine, span: Span): void {
		this.locals.define(label, source, span);
	}
	resolveLocalRefs(tokens: Token[], source: SourceLine): Token[] {
		return this.locals.resolveRefs(tokens, source);
	}
	defineConstant(name: string, expr: Expr, source: SourceLine, span: Span, redefine: boolean) {
		this.table.defineConstant(name, expr, source, span, redefine);
	}
	isDefined(name: string): boolean {
		return this.table.isDefined(name);
	}
	definitionLine(name: string): number | undefined {
		return this.table.definitionLine(name);
	}
	pass1Env(source: SourceLine): EvalEnv {
		return this.table.pass1Env(source);
	}
	pass2Env(source: SourceLine, dot: number): EvalEnv {
		return this.table.pass2Env(source, dot);
	}
	finalValue(name: string, source: SourceLine): EvalResult | undefined {
		return this.table.finalValue(name, source);
	}
}

/** Assembles `source`; see index.ts. */
export function assembleSource(source: string, options: AssembleOptions = {}): AssembleResult {
	const file = options.file ?? 'input.s';
	const asm = new Assembler(file, options.include);
	readSource(asm, splitSource(source, file));
	reportEarlyUses(asm);
	padCodeSections(asm.sections);
	const outputs = place([...asm.sections.values()], options.base ?? 0x80000000);
	if (!asm.stopped) resolveFixups(asm);
	const diagnostics = asm.reporter.sorted();
	const failed = diagnostics.some((d) => d.severity === 'error');
	return failed ? { diagnostics } : { image: buildImage(asm, outputs), diagnostics };
}

/**
 * GNU as ends each code section at a multiple of its alignment, padding with nops; data sections
 * are left as they are.
 */
function padCodeSections(sections: ReadonlyMap<string, SectionBuffer>): void {
	for (const s of sections.values()) {
		if (s.kind === 'code') padCode(s, (s.align - (s.size % s.align)) % s.align);
	}
}
