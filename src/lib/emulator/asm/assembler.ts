/**
 * The two-pass assembler.
 *
 * Pass 1 reads the source line by line — expanding macros, following `.if*` conditionals and
 * `.include`s — and lays out every section: instructions and data get their offsets (every
 * instruction is 4 bytes; `li` picks its length from a value known at that point, as GNU as does),
 * labels get section offsets, and anything that needs an address is left as a fixup.
 * Then the sections are placed in memory (sections.ts) and pass 2 (resolve.ts) resolves the fixups:
 * branch and jump offsets, `%hi`/`%lo`/`%pcrel_hi`/`%pcrel_lo`, and data words holding addresses.
 *
 * Errors never stop the run: each becomes a diagnostic and the statement is skipped, so one pass
 * reports them all.
 */
import { handleDirective, isConditional, padCode } from './directives.ts';
import {
	evaluate,
	parseWholeExpression,
	type EvalEnv,
	type EvalResult,
	type Expr,
	type Span,
	type Value
} from './expression.ts';
import { parseInstruction, type InsnRequest } from './instructions.ts';
import { tokenizeLine, type Statement, type Token } from './lexer.ts';
import { bindArguments, parseMacroHeader, substitute, type MacroHeader } from './macros.ts';
import { isError, splitOperands, type OperandError } from './operands.ts';
import { buildImage } from './image.ts';
import { resolveFixups } from './resolve.ts';
import { MAX_SECTION_BYTES, place, SectionBuffer, sectionKind } from './sections.ts';
import { splitSource, type SourceLine } from './source.ts';
import type { AssembleOptions, AssembleResult, Diagnostic, Severity } from './types.ts';

export type { SourceLine } from './source.ts';

/** Where a statement is, for diagnostics raised later (pass 2). */
export interface Where {
	source: SourceLine;
}

type SymbolDef =
	| { kind: 'label'; section: SectionBuffer; offset: number; global: boolean; where: Where }
	| {
			kind: 'equ';
			expr: Expr;
			/** Value computed when defined, if it could be. */
			value?: Value;
			global: boolean;
			where: Where;
			resolving?: boolean;
	  };

export type Fixup =
	| { type: 'insn'; section: SectionBuffer; offset: number; request: InsnRequest; where: Where }
	| {
			type: 'data';
			section: SectionBuffer;
			offset: number;
			width: number;
			expr: Expr;
			span: Span;
			where: Where;
	  };

interface Conditional {
	/** This branch is being assembled. */
	active: boolean;
	/** Some branch of this .if has been taken already. */
	taken: boolean;
	/** The enclosing block was active. */
	parentActive: boolean;
	sawElse: boolean;
	where: SourceLine;
	span: Span;
}

const MAX_MACRO_DEPTH = 64;
/** Lines read after expanding macros, .rept and includes (real programs have a few thousand). */
const MAX_LINES = 500_000;
const MAX_INCLUDE_DEPTH = 16;
const MAX_SYMBOL_CHAIN = 100;

export class Assembler {
	readonly diagnostics: Diagnostic[] = [];
	readonly sections = new Map<string, SectionBuffer>();
	readonly symbols = new Map<string, SymbolDef>();
	/** Names declared global before (or after) their definition. */
	readonly globals = new Set<string>();
	readonly fixups: Fixup[] = [];
	readonly sourceMap: {
		section: SectionBuffer;
		offset: number;
		size: number;
		source: SourceLine;
	}[] = [];
	section: SectionBuffer;
	previousSection: SectionBuffer;
	readonly sectionStack: SectionBuffer[] = [];
	readonly macros = new Map<string, { header: MacroHeader; body: SourceLine[] }>();
	readonly conditionals: Conditional[] = [];
	/** Numeric local labels: how many times each has been defined so far. */
	private readonly localCounts = new Map<string, number>();
	private macroCounter = 0;
	/** Nesting of lazy `.equ` evaluations (a = b + 1, b = c + 1, …). */
	private resolvingDepth = 0;
	private linesSeen = 0;
	/** Set by `.end`. */
	ended = false;

	constructor(
		readonly options: Required<Pick<AssembleOptions, 'file' | 'base'>> & AssembleOptions
	) {
		this.section = this.sectionNamed('.text');
		this.sectionNamed('.data');
		this.sectionNamed('.bss');
		this.previousSection = this.section;
	}

	// ---- diagnostics -------------------------------------------------------------------------

	report(source: SourceLine, span: Span, message: string, severity: Severity = 'error'): void {
		if (source.macro) {
			const m = source.macro;
			this.diagnostics.push({
				line: m.line,
				column: m.span.column,
				endColumn: m.span.endColumn,
				message: `in macro '${m.name}' (its line ${source.line}): ${message}`,
				severity,
				...(m.file !== this.options.file ? { file: m.file } : {})
			});
			return;
		}
		this.diagnostics.push({
			line: source.line,
			column: span.column,
			endColumn: Math.max(span.endColumn, span.column + 1),
			message,
			severity,
			...(source.file !== this.options.file ? { file: source.file } : {})
		});
	}

	// ---- sections and symbols ----------------------------------------------------------------

	sectionNamed(name: string, flags?: string): SectionBuffer {
		let s = this.sections.get(name);
		if (!s) {
			s = new SectionBuffer(name, sectionKind(name, flags));
			// Flags without "a" (e.g. .note.GNU-stack, "") make a section that is not loaded.
			if (flags !== undefined && !flags.includes('a') && !/^\.(text|data|bss|rodata)/.test(name)) {
				s.alloc = false;
			}
			this.sections.set(name, s);
		}
		return s;
	}

	switchTo(s: SectionBuffer): void {
		if (s !== this.section) this.previousSection = this.section;
		this.section = s;
	}

	/** Checks that `n` more bytes fit in the current section. */
	roomFor(n: number, source: SourceLine, span: Span): boolean {
		if (this.section.size + n > MAX_SECTION_BYTES) {
			this.report(
				source,
				span,
				`section ${this.section.name} would exceed ${MAX_SECTION_BYTES} bytes`
			);
			return false;
		}
		return true;
	}

	defineLabel(name: string, display: string, source: SourceLine, span: Span): void {
		const existing = this.symbols.get(name);
		if (existing) {
			this.report(
				source,
				span,
				`symbol '${display}' is already defined (line ${existing.where.source.line})`
			);
			return;
		}
		this.symbols.set(name, {
			kind: 'label',
			section: this.section,
			offset: this.section.size,
			global: false,
			where: { source }
		});
	}

	defineConstant(
		name: string,
		expr: Expr,
		source: SourceLine,
		span: Span,
		redefine: boolean
	): void {
		const existing = this.symbols.get(name);
		if (existing && (existing.kind === 'label' || !redefine)) {
			this.report(
				source,
				span,
				`symbol '${name}' is already defined (line ${existing.where.source.line})`
			);
			return;
		}
		const r = evaluate(expr, this.pass1Env(source));
		const value = r.ok ? r.value : undefined;
		if (!r.ok && r.undefinedSymbol === undefined) {
			this.report(source, r.span, r.message);
			return;
		}
		this.symbols.set(name, { kind: 'equ', expr, value, global: false, where: { source } });
	}

	isDefined(name: string): boolean {
		return this.symbols.has(name);
	}

	/** Pass-1 environment: labels are section offsets; `.` is the current offset. */
	pass1Env(source: SourceLine): EvalEnv {
		return {
			lookup: (name, span) => this.lookup(name, span, source, 1),
			dot: () => ({ value: BigInt(this.section.size), section: this.section.name })
		};
	}

	private lookup(
		name: string,
		span: Span,
		source: SourceLine,
		pass: 1 | 2
	): EvalResult | undefined {
		const s = this.symbols.get(name);
		if (!s) return undefined;
		if (s.kind === 'label') {
			return pass === 1
				? { ok: true, value: { value: BigInt(s.offset), section: s.section.name } }
				: { ok: true, value: { value: BigInt((s.section.address + s.offset) >>> 0) } };
		}
		if (s.value && (pass === 1 || s.value.section === undefined))
			return { ok: true, value: s.value };
		if (s.value && s.value.section !== undefined) {
			const sec = this.sections.get(s.value.section)!;
			return { ok: true, value: { value: BigInt(sec.address) + s.value.value } };
		}
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
		this.resolvingDepth++;
		s.resolving = true;
		const env: EvalEnv =
			pass === 1
				? this.pass1Env(source)
				: { lookup: (n, sp) => this.lookup(n, sp, source, 2), dot: () => ({ value: 0n }) };
		const r = evaluate(s.expr, env);
		s.resolving = false;
		this.resolvingDepth--;
		return r;
	}

	// ---- local labels ------------------------------------------------------------------------

	private localName(label: string, instance: number): string {
		return `.L${label}\u0002${instance}`;
	}

	defineLocal(label: string, source: SourceLine, span: Span): void {
		const n = (this.localCounts.get(label) ?? 0) + 1;
		this.localCounts.set(label, n);
		this.defineLabel(this.localName(label, n), `${label}`, source, span);
	}

	/** Rewrites `1b`/`1f` into the internal names of the label instances they denote. */
	resolveLocalRefs(tokens: Token[], source: SourceLine): Token[] {
		return tokens.map((t) => {
			if (t.kind !== 'localref' || !t.local) return t;
			const count = this.localCounts.get(t.local.label) ?? 0;
			const instance = t.local.forward ? count + 1 : count;
			if (instance === 0) {
				this.report(
					source,
					t,
					`no local label '${t.local.label}:' before this reference '${t.text}'`
				);
			}
			return {
				...t,
				kind: 'ident',
				text: this.localName(t.local.label, instance),
				display: t.text
			};
		});
	}

	// ---- emission ----------------------------------------------------------------------------

	emitInstructions(requests: InsnRequest[], source: SourceLine, span: Span): void {
		if (this.section.kind === 'bss') {
			this.report(
				source,
				span,
				`instructions cannot go in ${this.section.name} (it holds only zeros)`
			);
			return;
		}
		if (!this.roomFor(4 * requests.length, source, span)) return;
		if (this.section.size % 4 !== 0) {
			this.report(
				source,
				span,
				'instruction is not at a multiple of 4 bytes (add .align 2 before it)',
				'warning'
			);
		}
		const start = this.section.size;
		for (const request of requests) {
			const offset = this.section.reserve(4);
			this.fixups.push({ type: 'insn', section: this.section, offset, request, where: { source } });
		}
		this.mapSource(start, 4 * requests.length, source);
	}

	emitData(width: number, expr: Expr, span: Span, source: SourceLine): void {
		const offset = this.section.reserve(width);
		this.fixups.push({
			type: 'data',
			section: this.section,
			offset,
			width,
			expr,
			span,
			where: { source }
		});
	}

	mapSource(offset: number, size: number, source: SourceLine): void {
		if (size > 0) this.sourceMap.push({ section: this.section, offset, size, source });
	}

	// ---- pass 1 ------------------------------------------------------------------------------

	assemble(lines: SourceLine[]): void {
		const queue: SourceLine[][] = [lines];
		const positions = [0];
		const depthOf: number[] = [0];
		// A `.macro` or `.rept` block being collected; `count` is set for `.rept`.
		let macroBody:
			| {
					header: MacroHeader;
					body: SourceLine[];
					nesting: number;
					where: SourceLine;
					span: Span;
					count?: number;
			  }
			| undefined;

		while (queue.length > 0 && !this.ended) {
			const top = queue.length - 1;
			if (positions[top] >= queue[top].length) {
				queue.pop();
				positions.pop();
				depthOf.pop();
				continue;
			}
			const line = queue[top][positions[top]++];
			if (++this.linesSeen > MAX_LINES) {
				this.report(
					line,
					{ column: 1, endColumn: 2 },
					`more than ${MAX_LINES} lines after expanding macros and includes; stopping`
				);
				break;
			}

			// Inside a macro definition: collect lines up to the matching .endm.
			if (macroBody) {
				const first = /^\s*(?:[A-Za-z_.$][A-Za-z0-9_.$]*:\s*)?(\.[A-Za-z]+)/.exec(line.text)?.[1];
				const rept = macroBody.count !== undefined;
				if (first === (rept ? '.rept' : '.macro')) macroBody.nesting++;
				const ends = rept ? first === '.endr' : first === '.endm' || first === '.endmacro';
				if (ends && macroBody.nesting === 0) {
					if (!rept) {
						this.macros.set(macroBody.header.name, {
							header: macroBody.header,
							body: macroBody.body
						});
					} else if (depthOf[top] >= MAX_MACRO_DEPTH) {
						this.report(
							line,
							{ column: 1, endColumn: 2 },
							`.rept nested more than ${MAX_MACRO_DEPTH} deep`
						);
					} else if (macroBody.count! * macroBody.body.length > MAX_LINES - this.linesSeen) {
						this.report(
							macroBody.where,
							macroBody.span,
							`.rept would make more than ${MAX_LINES} lines; stopping`
						);
						this.ended = true;
					} else {
						const body = macroBody.body;
						queue.push(Array.from({ length: macroBody.count! }, () => body).flat());
						positions.push(0);
						depthOf.push(depthOf[top] + 1);
					}
					macroBody = undefined;
					continue;
				}
				if (ends) macroBody.nesting--;
				macroBody.body.push(line);
				continue;
			}

			const { statements, errors } = tokenizeLine(line.text);
			const active = this.conditionals.every((c) => c.active);
			if (active) for (const e of errors) this.report(line, e, e.message);

			for (let k = 0; k < statements.length; k++) {
				const st = statements[k];
				const head = st.tokens[0];
				const name = head.kind === 'ident' ? head.text.toLowerCase() : '';
				if (isConditional(name)) {
					const args = { tokens: st.tokens.slice(1), column: st.column, endColumn: st.endColumn };
					handleDirective(this, name, args, line, head);
					continue;
				}
				if (!this.conditionals.every((c) => c.active)) continue;

				const result = this.statement(st, line);
				if (result?.kind === 'macro-def') {
					macroBody = { header: result.header, body: [], nesting: 0, where: line, span: st };
					break;
				}
				if (result?.kind === 'rept') {
					const header = { name: '.rept', params: [] };
					macroBody = { header, body: [], nesting: 0, where: line, span: st, count: result.count };
					break;
				}
				if (result?.kind === 'expand' || result?.kind === 'include') {
					const limit = result.kind === 'expand' ? MAX_MACRO_DEPTH : MAX_INCLUDE_DEPTH;
					if (depthOf[top] >= limit) {
						const what = result.kind === 'expand' ? 'macros' : '.include files';
						this.report(line, st, `${what} nested more than ${limit} deep (does one use itself?)`);
						continue;
					}
					// Statements after the call on the same line (`m; nop`) follow the expansion,
					// at their own columns.
					const next = statements[k + 1];
					const rest = next
						? [{ ...line, text: ' '.repeat(next.column - 1) + line.text.slice(next.column - 1) }]
						: [];
					queue.push([...result.lines, ...rest]);
					positions.push(0);
					depthOf.push(depthOf[top] + 1);
					break;
				}
			}
		}
		if (macroBody) {
			this.report(
				macroBody.where,
				macroBody.span,
				macroBody.count === undefined
					? `.macro ${macroBody.header.name} has no matching .endm`
					: '.rept has no matching .endr'
			);
		}
		for (const c of this.conditionals)
			this.report(c.where, c.span, 'this .if has no matching .endif');
	}

	/** Assembles one statement. Returns a request to the line loop when it must change input. */
	private statement(
		st: Statement,
		line: SourceLine
	):
		| { kind: 'macro-def'; header: MacroHeader }
		| { kind: 'rept'; count: number }
		| { kind: 'expand'; lines: SourceLine[] }
		| { kind: 'include'; lines: SourceLine[] }
		| undefined {
		let tokens = st.tokens;
		// Labels: `name:` or `1:` (numeric local label), possibly several.
		while (tokens.length >= 2 && tokens[1].kind === 'colon') {
			const t = tokens[0];
			if (t.kind === 'ident') this.defineLabel(t.text, t.text, line, t);
			else if (t.kind === 'number' && /^[0-9]+$/.test(t.text))
				this.defineLocal(String(Number(t.text)), line, t);
			else {
				this.report(line, t, `expected a label name before ':', found '${t.text}'`);
			}
			tokens = tokens.slice(2);
		}
		if (tokens.length === 0) return undefined;
		const span: Span = { column: tokens[0].column, endColumn: tokens[tokens.length - 1].endColumn };
		const head = tokens[0];

		// `name = expression` is `.set name, expression`.
		if (head.kind === 'ident' && tokens[1]?.kind === 'equals') {
			const expr = parseWholeExpression(this.resolveLocalRefs(tokens.slice(2), line));
			if ('message' in expr) this.report(line, expr.span, expr.message);
			else this.defineConstant(head.text, expr, line, head, true);
			return undefined;
		}
		if (head.kind !== 'ident') {
			this.report(line, head, `expected an instruction or directive, found '${head.text}'`);
			return undefined;
		}
		const name = head.text.toLowerCase();
		const rest = { tokens: tokens.slice(1), column: span.column, endColumn: span.endColumn };

		if (name === '.macro') {
			const header = parseMacroHeader(line.text.slice(head.endColumn - 1, span.endColumn - 1));
			if (typeof header === 'string') {
				this.report(line, span, header);
				return { kind: 'macro-def', header: { name: '\u0000invalid', params: [] } };
			}
			return { kind: 'macro-def', header };
		}
		if (name === '.endm' || name === '.endmacro') {
			this.report(line, head, `${name} without .macro`);
			return undefined;
		}
		if (name === '.rept') return this.rept(rest.tokens, line, span);
		if (name === '.endr') {
			this.report(line, head, '.endr without .rept');
			return undefined;
		}
		if (name === '.include') return this.include(rest.tokens, line, span);
		if (name.startsWith('.') && !this.macros.has(head.text)) {
			handleDirective(
				this,
				name,
				{ ...rest, tokens: this.resolveLocalRefs(rest.tokens, line) },
				line,
				head
			);
			return undefined;
		}
		const macro = this.macros.get(head.text);
		if (macro) {
			const argText = line.text.slice(head.endColumn - 1, span.endColumn - 1);
			const bound = bindArguments(macro.header, argText);
			if (typeof bound === 'string') {
				this.report(line, span, bound);
				return undefined;
			}
			const counter = this.macroCounter++;
			const origin = line.macro ?? {
				name: macro.header.name,
				line: line.line,
				file: line.file,
				span
			};
			return {
				kind: 'expand',
				lines: macro.body.map((b) => ({
					text: substitute(b.text, bound, counter),
					file: b.file,
					line: b.line,
					macro: line.macro ? origin : { ...origin, name: macro.header.name }
				}))
			};
		}

		const operandTokens = this.resolveLocalRefs(rest.tokens, line);
		const ops = splitOperands(operandTokens, head);
		if (isError(ops)) {
			this.report(line, ops.span, ops.message);
			return undefined;
		}
		const ctx = {
			constant: (expr: Expr, sp: Span): bigint | OperandError => {
				const r = evaluate(expr, this.pass1Env(line));
				if (!r.ok) return { message: r.message, span: r.span };
				if (r.value.section !== undefined) {
					return { message: 'expected a constant, found an address', span: sp };
				}
				return r.value.value;
			}
		};
		const requests = parseInstruction(head, ops, span, ctx);
		if (requests === undefined) {
			this.report(line, head, `unknown instruction '${head.text}'`);
			return undefined;
		}
		if (isError(requests)) {
			this.report(line, requests.span, requests.message);
			return undefined;
		}
		this.emitInstructions(requests, line, span);
		return undefined;
	}

	/** `.rept count`: the block up to `.endr` is assembled `count` times (0 to 100000). */
	private rept(tokens: Token[], line: SourceLine, span: Span): { kind: 'rept'; count: number } {
		const e = parseWholeExpression(this.resolveLocalRefs(tokens, line));
		let count = 0;
		if ('message' in e) this.report(line, e.span, e.message);
		else {
			const r = evaluate(e, this.pass1Env(line));
			if (!r.ok) this.report(line, r.span, `${r.message} (the .rept count must be known here)`);
			else if (r.value.section !== undefined || r.value.value < 0n || r.value.value > 100000n) {
				this.report(line, span, '.rept expects a count from 0 to 100000');
			} else count = Number(r.value.value);
		}
		// Even after an error the block is collected (and then assembled zero times).
		return { kind: 'rept', count };
	}

	private include(
		tokens: Token[],
		line: SourceLine,
		span: Span
	): { kind: 'include'; lines: SourceLine[] } | undefined {
		if (tokens.length !== 1 || tokens[0].kind !== 'string') {
			this.report(line, span, '.include expects a file name in double quotes');
			return undefined;
		}
		const name = String.fromCharCode(...(tokens[0].bytes ?? []));
		const text = this.options.include?.(name);
		if (text === undefined) {
			this.report(line, tokens[0], `cannot include '${name}': file not found`);
			return undefined;
		}
		return { kind: 'include', lines: splitSource(text, name) };
	}

	// ---- pass 2 support ----------------------------------------------------------------------

	/** Pass-2 environment: labels are addresses; `.` is `dot`. */
	pass2Env(source: SourceLine, dot: number): EvalEnv {
		return {
			lookup: (name, span) => this.lookup(name, span, source, 2),
			dot: () => ({ value: BigInt(dot >>> 0) })
		};
	}

	/** The final value of a symbol (after placement), or undefined if it cannot be computed. */
	finalValue(name: string, source: SourceLine): EvalResult | undefined {
		return this.lookup(name, { column: 1, endColumn: 2 }, source, 2);
	}
}

/** Assembles `source`; see index.ts. */
export function assembleSource(source: string, options: AssembleOptions = {}): AssembleResult {
	const file = options.file ?? 'input.s';
	const base = options.base ?? 0x80000000;
	const asm = new Assembler({ ...options, file, base });
	asm.assemble(splitSource(source, file));
	// GNU as ends each code section at a multiple of its alignment (padding with nops); data
	// sections are left as they are.
	for (const s of asm.sections.values()) {
		if (s.kind === 'code') padCode(s, (s.align - (s.size % s.align)) % s.align);
	}
	const outputs = place([...asm.sections.values()], base);
	resolveFixups(asm);
	const diagnostics = asm.diagnostics.sort(
		(a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.column - b.column
	);
	const failed = diagnostics.some((d) => d.severity === 'error');
	return failed ? { diagnostics } : { image: buildImage(asm, outputs), diagnostics };
}
