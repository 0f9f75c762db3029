/**
 * Blocks the assembler collects before it assembles them: a `.macro` … `.endm` definition, and the
 * repetitions `.rept`, `.irp` and `.irpc` … `.endr` (GNU as manual §7 ".rept", ".irp", ".irpc"),
 * assembled as soon as their `.endr` is read:
 *
 *   .rept 3          the block 3 times, as written
 *   .irp r, a0, a1   once per value, with `\r` replaced by the value
 *   .irpc c, 123     once per character, with `\c` replaced by it
 *
 * Blocks nest: an inner `.rept` … `.endr` (or, in a macro, `.macro` … `.endm`) is part of the
 * outer block's text, and is collected again when that text is assembled. Errors in a repeated
 * line point at that line, as GNU as reports them.
 */
import type { BlockContext, ExpansionContext } from './context.ts';
import { evaluate, parseWholeExpression, type Span } from './expression.ts';
import type { Token } from './lexer.ts';
import { parseIrp } from './irp.ts';
import { MAX_LINES, MAX_MACRO_DEPTH, TEXT_LIMIT } from './limits.ts';
import { parseMacroHeader, substitute, type MacroHeader } from './macros.ts';
import type { SourceLine } from './source.ts';

export type BlockKind = 'macro' | 'rept' | 'irp' | 'irpc';

export interface Block {
	kind: BlockKind;
	/** `.macro`: its name and parameters. */
	header: MacroHeader;
	/** `.rept`: how many times. */
	count: number;
	/** `.irp`/`.irpc`: the values, one per repetition (`header` holds the parameter). */
	values: string[];
	body: SourceLine[];
	/** Inner blocks of the same family opened and not closed yet. */
	nesting: number;
	where: SourceLine;
	span: Span;
}

export { parseIrp } from './irp.ts';

const LINE_START: Span = { column: 1, endColumn: 2 };

const OPENERS: Record<string, BlockKind> = {
	'.macro': 'macro',
	'.rept': 'rept',
	'.irp': 'irp',
	'.irpc': 'irpc'
};

export function isBlockStart(name: string): boolean {
	return Object.hasOwn(OPENERS, name);
}

/** The directive a line starts with, after any labels, in lower case. */
function leadingDirective(text: string): string | undefined {
	const m = /^\s*(?:[A-Za-z0-9_.$]+:\s*)*(\.[A-Za-z]+)(?![A-Za-z0-9_.$])/.exec(text);
	return m?.[1].toLowerCase();
}

/** Adds a line to the block being collected. True when the line closes the block (and is not kept). */
export function collect(block: Block, line: SourceLine): boolean {
	const d = leadingDirective(line.text);
	const macro = block.kind === 'macro';
	const opens = macro ? d === '.macro' : d === '.rept' || d === '.irp' || d === '.irpc';
	const closes = macro ? d === '.endm' || d === '.endmacro' : d === '.endr';
	if (opens) block.nesting++;
	if (closes) {
		if (block.nesting === 0) return true;
		block.nesting--;
	}
	block.body.push(line);
	return false;
}

/** The error for a block still open at the end of the input. */
export function unterminated(block: Block): string {
	return block.kind === 'macro'
		? `.macro ${block.header.name} has no matching .endm`
		: `.${block.kind} has no matching .endr`;
}

/**
 * Starts a block at its opening directive. After an error in the directive the block is still
 * collected, so that its `.endr` or `.endm` is not read as a stray one, and then assembled zero times.
 */
export function startBlock(
	ctx: BlockContext,
	name: string,
	head: Token,
	tokens: Token[],
	line: SourceLine,
	span: Span
): Block {
	const kind = OPENERS[name];
	const text = line.text.slice(head.endColumn - 1, span.endColumn - 1);
	const block: Block = {
		kind,
		header: { name: '', params: [] },
		count: 0,
		values: [],
		body: [],
		nesting: 0,
		where: line,
		span
	};
	if (kind === 'macro') {
		const header = parseMacroHeader(text);
		if (typeof header === 'string') {
			ctx.report(line, span, header);
			block.header = { name: '\u0000invalid', params: [] };
		} else block.header = header;
	} else if (kind === 'rept') {
		block.count = reptCount(ctx, tokens, line, span);
	} else {
		const irp = parseIrp(kind, text);
		if (typeof irp === 'string') ctx.report(line, span, irp);
		else {
			block.header = { name: kind, params: [{ name: irp.param, required: false }] };
			block.values = irp.values;
		}
	}
	return block;
}

/**
 * The lines a finished `.rept`/`.irp`/`.irpc` block stands for, to be read next, or undefined
 * after reporting why there are none. `end` is the block's closing line, `depth` how many
 * expansions deep it is, and `waiting` how many lines are already waiting to be read: they count
 * against the limit too, so that nested repetitions cannot each take all that is left.
 */
export function expandBlock(
	ctx: ExpansionContext,
	block: Block,
	end: SourceLine,
	counter: number,
	depth: number,
	waiting: number
): SourceLine[] | undefined {
	if (depth >= MAX_MACRO_DEPTH) {
		ctx.report(end, LINE_START, `.${block.kind} nested more than ${MAX_MACRO_DEPTH} deep`);
		return undefined;
	}
	const linesLeft = MAX_LINES - ctx.work.lines - waiting;
	const r = repeatLines(block, counter, linesLeft, ctx.work.textLeft());
	const over = typeof r === 'string' ? r : ctx.work.addText(r.text);
	if (over !== undefined) {
		ctx.fatal(block.where, block.span, over);
		return undefined;
	}
	return typeof r === 'string' ? undefined : r.lines;
}

/** `.rept count`: any count GNU as takes (0 and up); the limits on work bound the result. */
function reptCount(ctx: BlockContext, tokens: Token[], line: SourceLine, span: Span): number {
	const e = parseWholeExpression(ctx.resolveLocalRefs(tokens, line));
	if ('message' in e) {
		ctx.report(line, e.span, e.message);
		return 0;
	}
	const r = evaluate(e, ctx.pass1Env(line));
	if (!r.ok) {
		ctx.report(line, r.span, `${r.message} (the .rept count must be known here)`);
		return 0;
	}
	if (r.value.section !== undefined) {
		ctx.report(line, span, '.rept count must be a number, not an address');
		return 0;
	}
	if (r.value.value < 0n) {
		ctx.report(line, span, 'negative count for .rept - ignored');
		return 0;
	}
	return Number(r.value.value > 2n ** 53n ? 2n ** 53n : r.value.value);
}

/**
 * The lines a finished `.rept`/`.irp`/`.irpc` block stands for, or why it cannot be expanded
 * within `linesLeft` lines and `textLeft` characters of new text. `counter` is what `\@` becomes.
 */
export function repeatLines(
	block: Block,
	counter: number,
	linesLeft: number,
	textLeft: number
): { lines: SourceLine[]; text: number } | string {
	const times = block.kind === 'rept' ? block.count : block.values.length;
	if (block.body.length === 0) return { lines: [], text: 0 };
	if (times * block.body.length > linesLeft) {
		return `.${block.kind} would make more than ${MAX_LINES} lines; stopping`;
	}
	// `.rept` repeats the very lines (no text is made); .irp and .irpc substitute their values.
	if (block.kind === 'rept') {
		return { lines: Array.from({ length: times }, () => block.body).flat(), text: 0 };
	}
	const lines: SourceLine[] = [];
	let made = 0;
	const param = block.header.params[0].name;
	for (const value of block.values) {
		const bound = new Map([[param, value]]);
		for (const b of block.body) {
			const text = substitute(b.text, bound, counter, textLeft - made);
			if (text === undefined) return `.${block.kind} would make more than ${TEXT_LIMIT}; stopping`;
			made += text.length;
			lines.push({ ...b, text });
		}
	}
	return { lines, text: made };
}
