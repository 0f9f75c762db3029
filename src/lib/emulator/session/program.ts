/**
 * A program ready to debug: what the machine loads, plus what a debugger needs to talk about it
 * in the user's terms (symbols, the source map of its code). It comes from assembly source, through
 * the VirtLab assembler, or from an ELF file (symbols only: an ELF carries no source map here).
 */
import {
	assemble,
	type AssembleOptions,
	type Diagnostic,
	type SourceMapEntry
} from '../asm/index.ts';
import { parseElf } from '../elf/load-elf.ts';
import type { Machine } from '../machine/machine.ts';
import type { KernelImage } from '../vmm/guest-memory.ts';
import { SourceLines } from './source-lines.ts';

export type ProgramInput =
	| {
			kind: 'source';
			text: string;
			/** Name in diagnostics and the source map (default `main.s`). */
			file?: string;
			/** Text of the files `.include` may name. */
			includes?: Record<string, string>;
			/** Or a hook that reads them (the CLI's; not for a worker message, a function cannot cross). */
			include?: AssembleOptions['include'];
	  }
	| { kind: 'elf'; bytes: Uint8Array };

export interface Program {
	symbols: { name: string; value: number }[];
	entry: number;
	/** Source map entries of code sections only, sorted by address. */
	codeMap: SourceMapEntry[];
	lines: SourceLines;
	/** Assembler warnings (errors stop the load). */
	diagnostics: Diagnostic[];
	/** Puts the program into a fresh machine; a one-line reason when it does not fit. */
	loadInto(machine: Machine): string | undefined;
	/** The same program as a kernel for firmware to boot (session/firmware.ts). */
	kernel: KernelImage;
}

export type ProgramResult =
	{ ok: true; program: Program } | { ok: false; error: string; diagnostics: Diagnostic[] };

export function loadProgram(input: ProgramInput): ProgramResult {
	if (input.kind === 'elf') {
		const parsed = parseElf(input.bytes);
		if (!parsed.ok) return { ok: false, error: parsed.error, diagnostics: [] };
		const bytes = input.bytes;
		return {
			ok: true,
			program: {
				symbols: parsed.image.symbols.map((s) => ({ name: s.name, value: s.value >>> 0 })),
				entry: parsed.image.entry >>> 0,
				codeMap: [],
				lines: new SourceLines([]),
				diagnostics: [],
				loadInto: (m) => {
					const r = m.loadElf(bytes);
					return r.ok ? undefined : r.error;
				},
				kernel: { elf: bytes }
			}
		};
	}
	const file = input.file ?? 'main.s';
	const includes = input.includes ?? {};
	const result = assemble(input.text, {
		file,
		include: input.include ?? ((name) => includes[name])
	});
	const image = result.image;
	if (!image) {
		const errors = result.diagnostics.filter((d) => d.severity === 'error');
		const first = errors[0];
		const where = first ? `${first.file ?? file}:${first.line}:${first.column}: ` : '';
		return {
			ok: false,
			error: `${where}${first?.message ?? 'assembly failed'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
			diagnostics: result.diagnostics
		};
	}
	const code = image.sections.filter((s) => s.kind === 'code');
	const inCode = (a: number) => code.some((s) => a >= s.address && a < s.address + s.bytes.length);
	const codeMap = image.sourceMap.filter((e) => inCode(e.address));
	return {
		ok: true,
		program: {
			symbols: image.symbols.map((s) => ({ name: s.name, value: s.value >>> 0 })),
			entry: image.entry >>> 0,
			codeMap,
			lines: new SourceLines(codeMap),
			diagnostics: result.diagnostics,
			loadInto: (m) => {
				const r = m.loadImage(image);
				return r.ok ? undefined : r.error;
			},
			kernel: { image }
		}
	};
}
