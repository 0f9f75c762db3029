/**
 * Pass 1's line loop. Input is a stack of frames: the source at the bottom, then any `.include`d
 * file, macro expansion or repetition being read, innermost on top. Each line is counted against
 * the limits (limits.ts), collected into an open `.macro`/`.rept`-like block, or tokenized and
 * assembled statement by statement, with conditional assembly deciding which statements count.
 */
import { allActive, isConditional, reportUnclosed } from './conditionals.ts';
import type { ReaderContext } from './context.ts';
import { handleDirective } from './directives.ts';
import type { Span } from './expression.ts';
import { tokenizeLine, type Statement } from './lexer.ts';
import { MAX_INCLUDE_DEPTH, MAX_LINE_LENGTH, MAX_MACRO_DEPTH } from './limits.ts';
import { collect, expandBlock, unterminated, type Block } from './repeat.ts';
import type { SourceLine } from './source.ts';
import { statement, type Next } from './statement.ts';

/** Lines being read: the source, an included file, or what a macro or a repetition made. */
interface Frame {
	lines: SourceLine[];
	next: number;
	/** How many expansions and includes deep. */
	depth: number;
}

const LINE_START: Span = { column: 1, endColumn: 2 };

/** Reads `lines` (and all they include and expand to) until the end, `.end`, or a limit. */
export function readSource(ctx: ReaderContext, lines: SourceLine[]): void {
	new Reader(ctx, lines).run();
}

class Reader {
	private readonly frames: Frame[];
	/** A `.macro`, `.rept`, `.irp` or `.irpc` block being collected up to its end. */
	private block: Block | undefined;

	constructor(
		private readonly ctx: ReaderContext,
		lines: SourceLine[]
	) {
		this.frames = [{ lines, next: 0, depth: 0 }];
	}

	run(): void {
		const ctx = this.ctx;
		while (!ctx.ended && !ctx.stopped) {
			const frame = this.frameWithLines();
			if (!frame) break;
			const line = frame.lines[frame.next++];
			const over = ctx.work.readLine(line.text);
			if (over) {
				ctx.fatal(line, LINE_START, over);
				break;
			}
			if (this.block) this.collectLine(this.block, line);
			else if (!this.assembleLine(line, frame)) break;
		}
		if (this.block) ctx.report(this.block.where, this.block.span, unterminated(this.block));
		reportUnclosed(ctx);
	}

	/** The innermost frame with a line left to read, dropping those that are done. */
	private frameWithLines(): Frame | undefined {
		const frames = this.frames;
		while (frames.length > 0) {
			const frame = frames[frames.length - 1];
			if (frame.next < frame.lines.length) return frame;
			frames.pop();
		}
		return undefined;
	}

	/** A line inside an open block; at its closing line, the block is defined or repeated. */
	private collectLine(block: Block, line: SourceLine): void {
		if (!collect(block, line)) return;
		this.block = undefined;
		if (block.kind === 'macro') {
			this.ctx.macros.define(block.header, block.body);
			return;
		}
		const depth = this.frames[this.frames.length - 1].depth;
		const waiting = this.frames.reduce((n, f) => n + f.lines.length - f.next, 0);
		const counter = this.ctx.macros.counter;
		const lines = expandBlock(this.ctx, block, line, counter, depth, waiting);
		if (lines) this.frames.push({ lines, next: 0, depth: depth + 1 });
	}

	/** Tokenizes and assembles one line. False when a limit stops the run. */
	private assembleLine(line: SourceLine, frame: Frame): boolean {
		const ctx = this.ctx;
		if (line.text.length > MAX_LINE_LENGTH) {
			ctx.report(line, LINE_START, `line longer than ${MAX_LINE_LENGTH} characters`);
			return true;
		}
		const { statements, errors } = tokenizeLine(line.text);
		const tooMany = ctx.work.readTokens(statements);
		if (tooMany) {
			ctx.fatal(line, LINE_START, tooMany);
			return false;
		}
		if (allActive(ctx.conditionals)) for (const e of errors) ctx.report(line, e, e.message);

		for (let k = 0; k < statements.length; k++) {
			const st = statements[k];
			const head = st.tokens[0];
			const name = head.kind === 'ident' ? head.text.toLowerCase() : '';
			// Conditionals are followed even where lines are skipped, so that they pair up.
			if (isConditional(name)) {
				const args = { tokens: st.tokens.slice(1), column: st.column, endColumn: st.endColumn };
				handleDirective(ctx, name, args, line, head);
				continue;
			}
			if (!allActive(ctx.conditionals)) continue;
			const next = statement(ctx, st, line);
			if (next === undefined) continue;
			// The rest of the line is read after the new input (see enter).
			if (next.kind === 'block') this.block = next.block;
			else this.enter(next, line, statements[k + 1], frame, st);
			break;
		}
		return true;
	}

	/**
	 * Reads a macro's expansion or an included file next. Statements after the call on the same
	 * line (`m; nop`) follow the expansion, at their own columns.
	 */
	private enter(
		next: Exclude<Next, { kind: 'block' } | undefined>,
		line: SourceLine,
		after: Statement | undefined,
		frame: Frame,
		call: Span
	): void {
		const macro = next.kind === 'expand';
		const limit = macro ? MAX_MACRO_DEPTH : MAX_INCLUDE_DEPTH;
		if (frame.depth >= limit) {
			const what = macro ? 'macros' : '.include files';
			const message = `${what} nested more than ${limit} deep (does one use itself?)`;
			// As GNU as ("macros nested too deeply" is fatal): a macro that calls itself twice
			// would otherwise go on for 2^64 calls.
			if (macro) this.ctx.fatal(line, call, `${message}; stopping`);
			else this.ctx.report(line, call, message);
			return;
		}
		const rest = after
			? [{ ...line, text: ' '.repeat(after.column - 1) + line.text.slice(after.column - 1) }]
			: [];
		this.frames.push({ lines: [...next.lines, ...rest], next: 0, depth: frame.depth + 1 });
	}
}
