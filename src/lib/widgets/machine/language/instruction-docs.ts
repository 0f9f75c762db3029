/**
 * Hover text for instructions and pseudo-instructions, in Markdown: how to write it, what it does
 * in one line, and for a real instruction its encoding format, extension and the section of the
 * specification that defines it. Everything is looked up from the instruction table, so the text
 * exists for every mnemonic the assembler knows.
 */
import { KIND_NAME } from '../../../emulator/asm/standard.ts';
import { instructionByName, type Extension } from '../../../emulator/isa/table.ts';
import { formatOf } from './formats.ts';
import { OPERATIONS } from './operations.ts';
import { PSEUDO_DOCS, SHORT_FORMS } from './pseudo-docs.ts';
import { specSection } from './spec-sections.ts';
import { ORDERING_SUFFIXES } from './vocabulary.ts';

const EXTENSION_NAME: Readonly<Record<Extension, string>> = {
	I: 'RV32I base',
	M: 'M (multiply and divide)',
	A: 'A (atomics)',
	Zicsr: 'Zicsr (CSR access)',
	Zifencei: 'Zifencei (instruction-fetch fence)',
	Priv: 'privileged architecture',
	H: 'H (hypervisor)'
};

/** What `.aq`, `.rl` and `.aqrl` add to an AMO or LR/SC (Volume I §8.1). */
const ORDERING: Readonly<Record<string, string>> = {
	'.aq': 'acquire: later memory accesses wait for this one',
	'.rl': 'release: this access waits for earlier ones',
	'.aqrl': 'acquire and release: sequentially consistent'
};

/** Splits `amoadd.w.aq` into the table's `amoadd.w` and the ordering suffix `.aq`. */
function withoutOrdering(mnemonic: string): [string, string | undefined] {
	for (const suffix of ORDERING_SUFFIXES) {
		const base = mnemonic.slice(0, -suffix.length);
		if (mnemonic.endsWith(suffix) && instructionByName.get(base)?.extension === 'A')
			return [base, suffix];
	}
	return [mnemonic, undefined];
}

/** `**name** \`operands\``, the way a reference card heads an entry. */
const heading = (name: string, operands: string) =>
	operands ? `**${name}** \`${operands}\`` : `**${name}**`;

/** The operands of a table instruction as the assembler's messages name them. */
export function instructionSyntax(name: string): string | undefined {
	const spec = instructionByName.get(name);
	if (!spec) return undefined;
	return [spec.name, spec.operands.map((k) => KIND_NAME[k]).join(', ')].join(' ').trim();
}

/** Markdown for an instruction of the table (any case, AMOs with an ordering suffix). */
export function instructionMarkdown(mnemonic: string): string | undefined {
	const [name, suffix] = withoutOrdering(mnemonic.toLowerCase());
	const spec = instructionByName.get(name);
	if (!spec) return undefined;
	const lines = [
		heading(mnemonic.toLowerCase(), instructionSyntax(name)!.slice(name.length).trim()),
		'',
		'`' + OPERATIONS[name] + '`',
		'',
		`${formatOf(spec)}-type · ${EXTENSION_NAME[spec.extension]} · ${specSection(spec)}`
	];
	if (suffix) lines.push('', `\`${suffix}\`: ${ORDERING[suffix]}`);
	if (Object.hasOwn(SHORT_FORMS, name)) lines.push('', `Also: ${SHORT_FORMS[name]}.`);
	return lines.join('\n');
}

/** Markdown for a pseudo-instruction (any case). */
export function pseudoMarkdown(mnemonic: string): string | undefined {
	const name = mnemonic.toLowerCase();
	if (!Object.hasOwn(PSEUDO_DOCS, name)) return undefined;
	const { syntax, meaning, expansion } = PSEUDO_DOCS[name];
	return [
		`${heading(name, syntax.slice(name.length).trim())} (pseudo-instruction)`,
		'',
		'`' + meaning + '`',
		'',
		`Assembles to \`${expansion}\` · Volume I chapter 25, Tables 25.2–25.3`
	].join('\n');
}
