/**
 * The macros of one run, and what a call of one makes: the body with the arguments in place of
 * the parameters (macros.ts does the text), read next as if it had been written there.
 *
 * `\@` counts the macros expanded so far (GNU as manual §7.86 ".macro"); `.irp` and `.irpc` see the
 * same count, without adding to it, as in GNU as.
 */
import type { ExpansionContext } from './context.ts';
import type { Span } from './expression.ts';
import type { Token } from './lexer.ts';
import { bindArguments, expandMacro, type MacroHeader } from './macros.ts';
import type { SourceLine } from './source.ts';

export interface Macro {
	header: MacroHeader;
	body: SourceLine[];
}

export class Macros {
	private readonly definitions = new Map<string, Macro>();
	/** What `\@` becomes in the next expansion. */
	counter = 0;

	/** `.macro` … `.endm`: a later definition of the same name replaces the earlier one. */
	define(header: MacroHeader, body: SourceLine[]): void {
		this.definitions.set(header.name, { header, body });
	}

	/** The macro called `name` (names are case-sensitive, unlike mnemonics and directives). */
	get(name: string): Macro | undefined {
		return this.definitions.get(name);
	}

	/**
	 * The lines of a call of `macro` (`head` is its name in `line`, `span` the whole statement), or
	 * undefined after reporting why there are none.
	 */
	call(
		ctx: ExpansionContext,
		macro: Macro,
		head: Token,
		line: SourceLine,
		span: Span
	): SourceLine[] | undefined {
		const argText = line.text.slice(head.endColumn - 1, span.endColumn - 1);
		const bound = bindArguments(macro.header, argText);
		if (typeof bound === 'string') {
			ctx.report(line, span, bound);
			return undefined;
		}
		// Errors anywhere inside point at the outermost call.
		const origin = line.macro ?? {
			name: macro.header.name,
			line: line.line,
			file: line.file,
			span
		};
		const left = ctx.work.textLeft();
		const lines = expandMacro(macro.body, bound, this.counter++, origin, left);
		const made = lines ? lines.reduce((n, l) => n + l.text.length, 0) : left + 1;
		const over = ctx.work.addText(made);
		if (over) {
			ctx.fatal(line, span, over);
			return undefined;
		}
		return lines;
	}
}
