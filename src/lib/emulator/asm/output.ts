/**
 * What pass 1 writes: the contents of every section, the fixups that pass 2 completes once
 * addresses are known, and the source map (which line made which bytes).
 *
 * There is always a current section, `.text` at the start as in GNU as; `.section`, `.previous`,
 * `.pushsection` and `.popsection` change it (GNU as manual §7 ".section", ".previous").
 */
import type { Diagnostics } from './context.ts';
import type { Expr, Span } from './expression.ts';
import type { InsnRequest } from './instructions.ts';
import { SectionBuffer, sectionKind, SectionSpace } from './sections.ts';
import type { SourceLine } from './source.ts';

/** Where a statement is, for diagnostics raised later (pass 2). */
export interface Where {
	source: SourceLine;
}

/** Bytes reserved in pass 1 and written in pass 2: an instruction, or a data item. */
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

/** `source` made the `size` bytes at `offset` in `section`. */
export interface SourceMapping {
	section: SectionBuffer;
	offset: number;
	size: number;
	source: SourceLine;
}

export class Output {
	readonly sections = new Map<string, SectionBuffer>();
	readonly fixups: Fixup[] = [];
	readonly sourceMap: SourceMapping[] = [];
	/** Bytes of all sections, shared by them (see roomFor). */
	readonly space = new SectionSpace();
	section: SectionBuffer;
	/** The section before the last switch, for `.previous`. */
	previousSection: SectionBuffer;
	private readonly stack: SectionBuffer[] = [];

	constructor(private readonly diagnostics: Diagnostics) {
		this.section = this.sectionNamed('.text');
		this.sectionNamed('.data');
		this.sectionNamed('.bss');
		this.previousSection = this.section;
	}

	/** The section called `name`, made on first use. */
	sectionNamed(name: string, flags?: string): SectionBuffer {
		let s = this.sections.get(name);
		if (!s) {
			s = new SectionBuffer(name, sectionKind(name, flags), this.space);
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

	pushSection(): void {
		this.stack.push(this.section);
	}

	popSection(): SectionBuffer | undefined {
		return this.stack.pop();
	}

	/** Checks that `n` more bytes fit in the current section (and in all sections together). */
	roomFor(n: number, source: SourceLine, span: Span): boolean {
		const problem = this.space.check(this.section, n);
		if (problem) this.diagnostics.report(source, span, problem);
		return problem === undefined;
	}

	/** Reserves a word per instruction; pass 2 encodes them once their immediates are known. */
	emitInstructions(requests: InsnRequest[], source: SourceLine, span: Span): void {
		const section = this.section;
		if (section.kind === 'bss') {
			const message = `instructions cannot go in ${section.name} (it holds only zeros)`;
			this.diagnostics.report(source, span, message);
			return;
		}
		if (!this.roomFor(4 * requests.length, source, span)) return;
		if (section.size % 4 !== 0) {
			const message = 'instruction is not at a multiple of 4 bytes (add .align 2 before it)';
			this.diagnostics.report(source, span, message, 'warning');
		}
		const start = section.size;
		for (const request of requests) {
			const offset = section.reserve(4);
			this.fixups.push({ type: 'insn', section, offset, request, where: { source } });
		}
		this.mapSource(start, 4 * requests.length, source);
	}

	/** Reserves `width` bytes for the value of `expr`, written in pass 2. */
	emitData(width: number, expr: Expr, span: Span, source: SourceLine): void {
		const section = this.section;
		const offset = section.reserve(width);
		this.fixups.push({ type: 'data', section, offset, width, expr, span, where: { source } });
	}

	mapSource(offset: number, size: number, source: SourceLine): void {
		if (size > 0) this.sourceMap.push({ section: this.section, offset, size, source });
	}
}
