/**
 * `virtlab asm prog.s [-o prog.elf] [--listing] [--base ADDR]`: assembles a GNU as syntax file into
 * an ELF32 executable. Errors print as `file:line:col: error: message` (the form editors and
 * compilers use) and the command exits 1.
 */
import { dirname, resolve } from 'node:path';
import { assemble, type AsmImage } from '../../lib/emulator/asm/index.ts';
import { writeElf } from '../../lib/emulator/elf/write.ts';
import type { Command } from '../main.ts';
import { formatDiagnostic, includeFrom, readUserFile, writeUserFile } from '../files.ts';
import { helpText, parseCommandLine, usageError, type OptionSpec } from '../options.ts';

const OPTIONS: OptionSpec[] = [
	{
		name: 'output',
		short: 'o',
		value: 'FILE',
		description: 'write the ELF32 executable here (default: prog.elf next to prog.s)'
	},
	{ name: 'listing', description: 'print address, bytes and source line for everything assembled' },
	{ name: 'base', value: 'ADDR', description: 'address of the first section (default 0x80000000)' }
];
const HELP = helpText(
	'virtlab asm prog.s [options]',
	'Assembles a GNU as syntax file (RV32IMA, Zicsr, Zifencei, H) into an ELF32 executable.',
	OPTIONS
);

/** Address, bytes and source text, one row per source line that produced bytes. */
export function listing(image: AsmImage, source: string, file: string): string {
	const lines = source.split('\n');
	const byLine = new Map<number, { address: number; bytes: Uint8Array; code: boolean }[]>();
	for (const m of image.sourceMap) {
		if (m.file !== file) continue;
		const section = image.sections.find(
			(s) => m.address >= s.address && m.address < s.address + s.bytes.length
		);
		if (!section) continue;
		const at = m.address - section.address;
		const list = byLine.get(m.line) ?? [];
		list.push({
			address: m.address,
			bytes: section.bytes.subarray(at, at + m.size),
			code: section.kind === 'code'
		});
		byLine.set(m.line, list);
	}
	const out: string[] = [];
	const blank = ' '.repeat(8 + 2 + 26);
	lines.forEach((text, i) => {
		const entries = byLine.get(i + 1);
		const src = `${String(i + 1).padStart(5)}  ${text}`;
		if (!entries) {
			out.push(`${blank}${src}`);
			return;
		}
		let first = true;
		for (const e of entries) {
			// Words for instructions (as objdump shows them), bytes for data; 8 bytes per row.
			for (let k = 0; k < e.bytes.length; k += 8) {
				const chunk = e.bytes.subarray(k, k + 8);
				let hex: string;
				if (e.code && chunk.length % 4 === 0) {
					const v = new DataView(chunk.buffer, chunk.byteOffset, chunk.length);
					const words: string[] = [];
					for (let j = 0; j < chunk.length; j += 4)
						words.push(v.getUint32(j, true).toString(16).padStart(8, '0'));
					hex = words.join(' ');
				} else {
					hex = [...chunk].map((b) => b.toString(16).padStart(2, '0')).join(' ');
				}
				const address = (e.address + k).toString(16).padStart(8, '0');
				out.push(`${address}  ${hex.padEnd(26)}${first ? src : ''}`);
				first = false;
			}
		}
	});
	return out.join('\n') + '\n';
}

export const command: Command = {
	summary: 'assemble a RISC-V source file into an ELF32 executable',
	async run(args: string[]): Promise<number> {
		const line = parseCommandLine(OPTIONS, args);
		if (!line.ok) return usageError('asm', line.error);
		const { options, positionals } = line.value;
		if (options.has('help')) {
			process.stdout.write(HELP);
			return 0;
		}
		const [input, extra] = positionals;
		if (input === undefined) return usageError('asm', 'which file? give a .s source');
		if (extra !== undefined)
			return usageError('asm', `only one input file, got '${input}' and '${extra}'`);
		const output = options.get('output') as string | undefined;
		const showListing = options.has('listing');
		const baseText = options.get('base') as string | undefined;
		const base = baseText === undefined ? undefined : Number(baseText);
		if (baseText !== undefined && (!/^(0x[0-9a-f]+|[0-9]+)$/i.test(baseText) || base! > 0xffffffff))
			return usageError('asm', `--base wants an address such as 0x80000000, not '${baseText}'`);
		const read = readUserFile(input);
		if (!read.ok) {
			process.stderr.write(`virtlab asm: ${read.error}\n`);
			return 1;
		}
		const source = new TextDecoder().decode(read.bytes);
		const dir = dirname(resolve(input));
		const { image, diagnostics } = assemble(source, {
			file: input,
			base,
			include: includeFrom(dir)
		});
		for (const d of diagnostics) process.stderr.write(formatDiagnostic(input, d) + '\n');
		if (!image) return 1;
		if (showListing) process.stdout.write(listing(image, source, input));
		const elfPath = output ?? input.replace(/\.s$|\.S$|\.asm$/, '') + '.elf';
		const writeError = writeUserFile(elfPath, writeElf(image));
		if (writeError) {
			process.stderr.write(`virtlab asm: ${writeError}\n`);
			return 1;
		}
		return 0;
	}
};
