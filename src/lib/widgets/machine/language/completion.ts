/**
 * Completion: what may be written where the cursor is. At the start of a statement, mnemonics,
 * directives and the program's macros; in an operand, what that operand of that mnemonic takes —
 * a register for `rd`, a CSR for `csr`, a label for a branch target, constants and `%hi`-style
 * relocations for an immediate — read from the instruction table's operand kinds, or from the
 * written form of a pseudo-instruction. Nothing inside a comment or a string.
 *
 * Wiring: monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, { provideCompletionItems:
 *   (model, pos) => ({ suggestions: completionsAt(model.getValue(), pos.lineNumber, pos.column,
 *   index).map((c) => ({ ...c, kind: monaco.languages.CompletionItemKind[c.kind] })) }) });
 */
import { KIND_NAME } from '../../../emulator/asm/standard.ts';
import { csrNumber } from '../../../emulator/isa/csr.ts';
import { instructionByName } from '../../../emulator/isa/table.ts';
import { csrAccess } from '../csr-fields.ts';
import { csrMarkdown } from './csr-docs.ts';
import { DIRECTIVE_DOCS } from './directives.ts';
import { instructionMarkdown, pseudoMarkdown } from './instruction-docs.ts';
import type { CompletionItem, CompletionKind, Range } from './monaco-shapes.ts';
import { OPERATIONS } from './operations.ts';
import type { ProgramIndex } from './program-index.ts';
import { PSEUDO_DOCS } from './pseudo-docs.ts';
import { REGISTER_DOCS } from './register-docs.ts';
import { sourceLines } from './source-tokens.ts';
import { INSTRUCTION_MNEMONICS, PSEUDO_MNEMONICS, RELOCATIONS } from './vocabulary.ts';
import { RELOCATION_DOCS, registerMarkdown, symbolMarkdown } from './word-docs.ts';

/** What an operand slot takes. */
type Slot = 'register' | 'csr' | 'target' | 'immediate' | 'memory' | 'fence' | 'any';

/** Operand names, as the table (KIND_NAME) and PSEUDO_DOCS write them, to what they take. */
const SLOT_OF_OPERAND: Readonly<Record<string, Slot>> = {
	rd: 'register',
	rs: 'register',
	rs1: 'register',
	rs2: 'register',
	rt: 'register',
	csr: 'csr',
	label: 'target',
	symbol: 'target',
	imm: 'immediate',
	imm12: 'immediate',
	imm20: 'immediate',
	uimm5: 'immediate',
	shamt: 'immediate',
	'offset(rs1)': 'memory',
	'(rs1)': 'memory',
	pred: 'fence',
	succ: 'fence'
};

/** FENCE's ordering sets: device input and output, memory reads and writes (Volume I §2.7). */
const FENCE_SETS = ['iorw', 'rw', 'r', 'w', 'io', 'i', 'o'];

/** The operand names of `mnemonic` in order, or undefined when it is not an instruction. */
function operandNames(mnemonic: string): string[] | undefined {
	const name = mnemonic.toLowerCase().replace(/\.(aqrl|aq|rl)$/, '');
	const spec = instructionByName.get(name);
	if (spec) return spec.operands.map((k) => KIND_NAME[k]);
	if (!Object.hasOwn(PSEUDO_DOCS, name)) return undefined;
	const rest = PSEUDO_DOCS[name].syntax.slice(name.length).trim();
	return rest ? rest.split(', ') : [];
}

/** Where the cursor is in the line: in a comment or a string, or in code. */
function inCommentOrString(before: string, original: string, column: number): boolean {
	let quoted = false;
	for (let i = 0; i < before.length; i++) {
		const c = before[i];
		if (quoted && c === '\\') i++;
		else if (c === '"') quoted = !quoted;
		else if (c === '#' && !quoted) return true;
	}
	// A C comment is blanked in `before`: the character before the cursor differs from the source.
	const blanked = column > 1 && before[column - 2] !== original[column - 2];
	return quoted || blanked;
}

/** `"a0, (t"` → the operand the cursor is in (0-based), counting commas outside parentheses. */
function operandIndex(operands: string): number {
	let depth = 0;
	let index = 0;
	for (const c of operands) {
		if (c === '(') depth++;
		else if (c === ')') depth = Math.max(0, depth - 1);
		else if (c === ',' && depth === 0) index++;
	}
	return index;
}

const LABELS_AT_START = /^\s*(?:(?:[A-Za-z_.$@][A-Za-z0-9_.$]*|[0-9]+)\s*:\s*)*/;

export function completionsAt(
	source: string,
	line: number,
	column: number,
	index: ProgramIndex
): CompletionItem[] {
	const original = source.split('\n')[line - 1] ?? '';
	const text = sourceLines(source)[line - 1] ?? '';
	const before = text.slice(0, column - 1);
	if (inCommentOrString(before, original, column)) return [];
	const prefix = /[A-Za-z0-9_.$@%]*$/.exec(before)![0];
	const range: Range = {
		startLineNumber: line,
		startColumn: column - prefix.length,
		endLineNumber: line,
		endColumn: column
	};
	const statement = before
		.slice(0, before.length - prefix.length)
		.split(';')
		.pop()!;
	const body = statement.replace(LABELS_AT_START, '');
	const items = new Items(range, index);
	if (body.trim() === '') {
		items.mnemonics();
		return items.list;
	}
	const head = /^[^\s,]+/.exec(body)![0];
	const operands = body.slice(head.length);
	const names = operandNames(head);
	const slot: Slot = head.startsWith('.')
		? 'immediate'
		: (SLOT_OF_OPERAND[names?.[operandIndex(operands)] ?? ''] ?? 'any');
	const inParentheses = /\([^)]*$/.test(operands);
	items.operand(inParentheses ? 'register' : slot, prefix.startsWith('%'));
	return items.list;
}

/**
 * The completion list being built. Items sort by group, then in the order they were added (the
 * table's order for mnemonics, x0..x31 for registers); Monaco ranks what matches the typed prefix
 * best first and uses this order between equals.
 */
class Items {
	readonly list: CompletionItem[] = [];
	private group = 0;

	constructor(
		private readonly range: Range,
		private readonly index: ProgramIndex
	) {}

	private add(
		label: string,
		kind: CompletionKind,
		detail: string,
		documentation: string | undefined
	): void {
		const sortText = `${String(this.group).padStart(2, '0')}${String(this.list.length).padStart(4, '0')}`;
		this.list.push({
			label,
			kind,
			detail,
			...(documentation === undefined ? {} : { documentation: { value: documentation } }),
			insertText: label,
			range: this.range,
			sortText
		});
	}

	/** Everything a statement may start with. */
	mnemonics(): void {
		this.group++;
		for (const name of INSTRUCTION_MNEMONICS) {
			const base = name.replace(/\.(aqrl|aq|rl)$/, '');
			this.add(name, 'Keyword', OPERATIONS[base], instructionMarkdown(name));
		}
		for (const name of PSEUDO_MNEMONICS)
			this.add(name, 'Function', PSEUDO_DOCS[name].meaning, pseudoMarkdown(name));
		this.group++;
		for (const [name, doc] of Object.entries(DIRECTIVE_DOCS)) this.add(name, 'Module', doc, doc);
		for (const d of this.index.definitions)
			if (d.kind === 'macro') this.add(d.name, 'Function', `macro · line ${d.line}`, undefined);
	}

	/** What operand slot `slot` takes, its likeliest words first. */
	operand(slot: Slot, relocation: boolean): void {
		if (relocation) return this.relocations();
		if (slot === 'register' || slot === 'memory' || slot === 'any') this.registers();
		if (slot === 'csr') this.csrs();
		if (slot === 'fence')
			for (const set of FENCE_SETS) this.add(set, 'Operator', 'fence ordering set', undefined);
		if (slot === 'target' || slot === 'immediate' || slot === 'memory' || slot === 'any')
			this.symbols(slot === 'target' ? 'label' : 'constant');
		if (slot === 'immediate' || slot === 'memory') this.relocations();
	}

	/** ABI names first: they say what a register is for. */
	private registers(): void {
		this.group++;
		for (const d of REGISTER_DOCS)
			this.add(d.abi, 'Variable', `${d.name} · ${d.role}`, registerMarkdown(d.abi));
		this.group++;
		for (const d of REGISTER_DOCS)
			this.add(d.name, 'Variable', `${d.abi} · ${d.role}`, registerMarkdown(d.name));
	}

	private csrs(): void {
		this.group++;
		for (const [name, number] of csrNumber) {
			const detail = `CSR 0x${number.toString(16).padStart(3, '0')} · ${csrAccess(number).summary}`;
			this.add(name, 'Constant', detail, csrMarkdown(name));
		}
	}

	/** The program's labels and constants; `first` of the two kinds sorts before the other. */
	private symbols(first: 'label' | 'constant'): void {
		const seen = new Set<string>();
		const base = this.group;
		for (const d of this.index.definitions) {
			if ((d.kind !== 'label' && d.kind !== 'constant') || seen.has(d.name)) continue;
			seen.add(d.name);
			this.group = base + (d.kind === first ? 1 : 2);
			this.add(
				d.name,
				'Reference',
				`${d.kind} · line ${d.line}`,
				symbolMarkdown(d, d.name, this.index)
			);
		}
		// Symbols a macro or .rept made: known from the last assembly, written nowhere.
		for (const [name, s] of this.index.symbols) {
			if (seen.has(name)) continue;
			const kind = s.section === undefined ? 'constant' : 'label';
			this.group = base + (kind === first ? 1 : 2);
			this.add(name, 'Reference', kind, symbolMarkdown(undefined, name, this.index));
		}
		this.group = base + 2;
	}

	private relocations(): void {
		this.group++;
		for (const r of RELOCATIONS) this.add(r, 'Operator', 'relocation', RELOCATION_DOCS[r]);
	}
}
