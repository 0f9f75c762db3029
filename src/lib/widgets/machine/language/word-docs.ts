/**
 * The Markdown that hover and completion show for a word, whatever its class: instructions and
 * pseudo-instructions (instruction-docs.ts), CSRs (csr-docs.ts), and here registers, directives,
 * relocations, numbers and the program's own symbols.
 */
import { classify } from './classify.ts';
import { csrMarkdown } from './csr-docs.ts';
import { DIRECTIVE_DOCS } from './directives.ts';
import { instructionMarkdown, pseudoMarkdown } from './instruction-docs.ts';
import type { Definition, ProgramIndex } from './program-index.ts';
import { registerDoc } from './register-docs.ts';

/** What `%hi(…)` and friends give (Volume I chapter 25; GNU as manual §9.38.2 "Relocations"). */
export const RELOCATION_DOCS: Readonly<Record<string, string>> = {
	'%hi':
		'`%hi(x)`: the upper 20 bits of x, rounded so that `%hi(x) << 12` plus `%lo(x)` is x (for lui)',
	'%lo':
		'`%lo(x)`: the low 12 bits of x, as a signed number (for addi, loads and stores after lui)',
	'%pcrel_hi': '`%pcrel_hi(x)`: the upper 20 bits of x − pc, rounded like %hi (for auipc)',
	'%pcrel_lo': '`%pcrel_lo(L)`: the low 12 bits of the distance taken by the `auipc` at label L'
};

const hex = (n: number) => '0x' + (n >>> 0).toString(16);

export function registerMarkdown(name: string): string | undefined {
	const d = registerDoc.get(name);
	if (!d) return undefined;
	const saved = d.saver === '—' ? '' : ` · saved by the ${d.saver}`;
	return `**${d.name}** (${d.abi}) · ${d.role}${saved} · Volume I chapter 25, Table 25.1`;
}

export function directiveMarkdown(name: string): string | undefined {
	const key = name.toLowerCase();
	if (Object.hasOwn(DIRECTIVE_DOCS, key)) return `**${key}** directive · ${DIRECTIVE_DOCS[key]}`;
	if (key.startsWith('.cfi_'))
		return `**${key}** directive · call-frame information: accepted and ignored`;
	return undefined;
}

/** A number as the assembler reads it, in decimal, hex and (when short) binary. */
export function numberMarkdown(value: bigint): string {
	const forms = [
		value.toString(),
		(value < 0n ? '-0x' : '0x') + (value < 0n ? -value : value).toString(16)
	];
	if (value >= 0n && value < 1n << 16n) forms.push('0b' + value.toString(2));
	if (value >= 32n && value < 127n) forms.push(`'${String.fromCharCode(Number(value))}'`);
	return forms.join(' = ');
}

/** A label, constant or macro of the program: where it is defined and, once assembled, its value. */
export function symbolMarkdown(def: Definition | undefined, name: string, index: ProgramIndex) {
	const symbol = index.symbols.get(name);
	if (!def && !symbol) return undefined;
	const kind = def?.kind ?? (symbol!.section === undefined ? 'constant' : 'label');
	const parts = [`**${name}** · ${kind === 'local' ? 'numeric label' : kind}`];
	if (def) parts.push(`line ${def.line}`);
	if (symbol && kind === 'label')
		parts.push(`address ${hex(symbol.value)}${symbol.section ? ` in ${symbol.section}` : ''}`);
	if (symbol && kind === 'constant') parts.push(`value ${symbol.value} (${hex(symbol.value)})`);
	return parts.join(' · ');
}

/**
 * Markdown for `word`, by its class; for an identifier, the program symbol of that name.
 * `csrValue` gives a CSR's current value when a machine is paused, to decode it in place.
 */
export function wordMarkdown(
	word: string,
	index: ProgramIndex,
	csrValue?: (name: string) => number | undefined
): string | undefined {
	switch (classify(word)) {
		case 'instruction':
			return instructionMarkdown(word);
		case 'pseudo':
			return pseudoMarkdown(word);
		case 'directive':
			return directiveMarkdown(word);
		case 'register':
			return registerMarkdown(word);
		case 'csr':
			return csrMarkdown(word, csrValue?.(word));
		case 'relocation':
			return RELOCATION_DOCS[word];
		case 'identifier':
			return symbolMarkdown(index.byName.get(word), word, index);
	}
}
