/**
 * `virtlab asm prog.s [-o prog.elf] [--listing] [--base ADDR]`: assembles a GNU as syntax file into
 * an ELF32 executable. Errors print as `file:line:col: error: message` (the form editors and
 * compilers use) and the command exits 1.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { assemble, type AsmImage, type Diagnostic } from '../../lib/emulator/asm/index.ts';
import { writeElf } from '../../lib/emulator/elf/write.ts';
import type { Command } from '../main.ts';

const HELP = `usage: virtlab asm prog.s [-o prog.elf] [--listing] [--base ADDR]
  -o FILE      write an ELF32 executable (default: prog.elf next to prog.s)
  --listing    print address, bytes and source line for everything assembled
  --base ADDR  address of the first section (default 0x80000000)
`;

export function formatDiagnostic(file: string, d: Diagnostic): string {
	return `${d.file ?? file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

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
		let input: string | undefined;
		let output: string | undefined;
		let showListing = false;
		let base: number | undefined;
		for (let i = 0; i < args.length; i++) {
			const a = args[i];
			if (a === '--help' || a === '-h') {
				process.stdout.write(HELP);
				return 0;
			} else if (a === '-o') output = args[++i];
			else if (a === '--listing') showListing = true;
			else if (a === '--base') {
				const text = args[++i] ?? '';
				base = Number(text);
				if (!/^(0x[0-9a-f]+|[0-9]+)$/i.test(text) || base > 0xffffffff) {
					process.stderr.write(
						`virtlab asm: --base expects an address such as 0x80000000, got '${text}'\n`
					);
					return 2;
				}
			} else if (a.startsWith('-')) {
				process.stderr.write(`virtlab asm: unknown option '${a}'\n${HELP}`);
				return 2;
			} else if (input === undefined) input = a;
			else {
				process.stderr.write(`virtlab asm: only one input file, got '${input}' and '${a}'\n`);
				return 2;
			}
		}
		if (input === undefined || (args.includes('-o') && !output)) {
			process.stderr.write(HELP);
			return 2;
		}
		if (!existsSync(input)) {
			process.stderr.write(`virtlab asm: cannot read '${input}': no such file\n`);
			return 1;
		}
		const source = readFileSync(input, 'utf8');
		const dir = dirname(resolve(input));
		const { image, diagnostics } = assemble(source, {
			file: input,
			base,
			include: (name) => {
				const path = resolve(dir, name);
				return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
			}
		});
		for (const d of diagnostics) process.stderr.write(formatDiagnostic(input, d) + '\n');
		if (!image) return 1;
		if (showListing) process.stdout.write(listing(image, source, input));
		const elfPath = output ?? input.replace(/\.s$|\.S$|\.asm$/, '') + '.elf';
		writeFileSync(elfPath, writeElf(image));
		return 0;
	}
};
