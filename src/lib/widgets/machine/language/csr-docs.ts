/**
 * Hover text for a CSR name, in Markdown: its number, who may access it (read from the number,
 * Volume II §2.1) and, for the CSRs the machine views decode, its fields — with their current
 * values when the editor knows them (a paused machine).
 */
import { objdumpOnlyCsrNumber } from '../../../emulator/isa/csr-objdump.ts';
import { csrNumber } from '../../../emulator/isa/csr.ts';
import { csrAccess, CSR_FIELDS, decodeCsr } from '../csr-fields.ts';

const hex3 = (n: number) => '0x' + n.toString(16).padStart(3, '0');
const hex8 = (n: number) => '0x' + (n >>> 0).toString(16).padStart(8, '0');
/** `|` would end a Markdown table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** Markdown for CSR `name`, or undefined when the assembler does not know the name. */
export function csrMarkdown(name: string, value?: number): string | undefined {
	const implemented = csrNumber.get(name);
	const number = implemented ?? objdumpOnlyCsrNumber.get(name);
	if (number === undefined) return undefined;
	const access = csrAccess(number);
	const lines = [`**${name}** · CSR ${hex3(number)} · ${access.summary} (Volume II §2.1)`];
	if (implemented === undefined) {
		lines.push('', 'Not implemented by this machine: accessing it is an illegal instruction.');
		return lines.join('\n');
	}
	if (value !== undefined) lines.push('', `Value: \`${hex8(value)}\``);
	if (Object.hasOwn(CSR_FIELDS, name)) {
		const withValue = value !== undefined;
		lines.push(
			'',
			withValue ? '| field | bits | value | meaning |' : '| field | bits | what it is |',
			withValue ? '|---|---|---|---|' : '|---|---|---|'
		);
		for (const f of decodeCsr(name, value ?? 0)) {
			const row = withValue
				? [f.field, f.bits, String(f.value), `${f.meaning}: ${f.doc}`]
				: [f.field, f.bits, f.doc];
			lines.push(`| ${row.map(cell).join(' | ')} |`);
		}
	}
	return lines.join('\n');
}
