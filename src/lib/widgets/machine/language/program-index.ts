/**
 * What the editor knows about the program being edited: where each label, constant and macro is
 * defined (line and column, found with the assembler's lexer even while the program has errors),
 * and the value of each symbol from the last successful assembly (the image's symbol table).
 *
 * Only definitions written in the source are found: a label that a macro or `.rept` creates on
 * expansion has an address (from the symbol table) but no place of its own. Lines inside
 * `.if 0` are scanned too.
 */
import type { AsmSymbol } from '../../../emulator/asm/types.ts';
import { sourceLines, statementsOf, type Token } from './source-tokens.ts';

export type DefinitionKind = 'label' | 'local' | 'constant' | 'macro';

export interface Definition {
	name: string;
	kind: DefinitionKind;
	line: number;
	column: number;
	endColumn: number;
}

export interface ProgramIndex {
	/** In source order. Numeric local labels (`1:`) are named by their number. */
	definitions: readonly Definition[];
	/** The first definition of each name other than numeric labels. */
	byName: ReadonlyMap<string, Definition>;
	/** Symbol values (label addresses, constant values) from the last image, by name. */
	symbols: ReadonlyMap<string, AsmSymbol>;
}

const CONSTANT_DIRECTIVES = new Set(['.equ', '.set', '.equiv']);

/**
 * The definitions statement `st` of line `line` makes: its leading labels (as statement.ts in the
 * assembler reads them), then `name = expr`, `.equ name, expr` (or .set, .equiv) or `.macro name`.
 */
function definitionsIn(st: readonly Token[], line: number): Definition[] {
	const found: Definition[] = [];
	const at = (t: Token, kind: DefinitionKind, name = t.text): Definition => ({
		name,
		kind,
		line,
		column: t.column,
		endColumn: t.endColumn
	});
	let i = 0;
	while (st[i + 1]?.kind === 'colon') {
		const t = st[i];
		if (t.kind === 'ident') found.push(at(t, 'label'));
		else if (t.kind === 'number' && /^[0-9]+$/.test(t.text))
			found.push(at(t, 'local', String(Number(t.text))));
		i += 2;
	}
	const [head, next] = [st[i], st[i + 1]];
	if (head?.kind !== 'ident') return found;
	if (next?.kind === 'equals') found.push(at(head, 'constant'));
	else if (next?.kind === 'ident' && CONSTANT_DIRECTIVES.has(head.text.toLowerCase()))
		found.push(at(next, 'constant'));
	else if (next?.kind === 'ident' && head.text.toLowerCase() === '.macro')
		found.push(at(next, 'macro'));
	return found;
}

/** Indexes `source`; `symbols` is the symbol table of its last successful assembly, if any. */
export function indexProgram(source: string, symbols: readonly AsmSymbol[] = []): ProgramIndex {
	const definitions: Definition[] = [];
	sourceLines(source).forEach((text, i) => {
		for (const st of statementsOf(text)) definitions.push(...definitionsIn(st, i + 1));
	});
	const byName = new Map<string, Definition>();
	for (const d of definitions) if (d.kind !== 'local' && !byName.has(d.name)) byName.set(d.name, d);
	return { definitions, byName, symbols: new Map(symbols.map((s) => [s.name, s])) };
}

/**
 * The numeric label `1:` that `1b` (backwards) or `1f` (forwards) written at line/column means:
 * the nearest definition before, or after, that point (GNU as manual §5.3 "Local Labels").
 */
export function localLabelTarget(
	index: ProgramIndex,
	label: string,
	forward: boolean,
	line: number,
	column: number
): Definition | undefined {
	const before = (d: Definition) => d.line < line || (d.line === line && d.column < column);
	const locals = index.definitions.filter((d) => d.kind === 'local' && d.name === label);
	return forward ? locals.find((d) => !before(d)) : locals.findLast(before);
}
