/**
 * The assembler's public data: what goes in (options) and what comes out (an image and its
 * diagnostics). Lines and columns are 1-based; `endColumn` is one past the last character, so
 * `endColumn - column` is the length of the underlined text.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
	line: number;
	column: number;
	endColumn: number;
	message: string;
	severity: Severity;
	/** The file the line belongs to, when it is not the main source (an `.include`d file). */
	file?: string;
}

export type SectionKind = 'code' | 'data' | 'bss';

export interface AsmSection {
	name: string;
	kind: SectionKind;
	/** Load address of the first byte. */
	address: number;
	/** Contents; for `bss` all zeros, of the section's size. */
	bytes: Uint8Array;
	/** Alignment of the start address, in bytes (a power of two). */
	align: number;
}

export interface AsmSymbol {
	name: string;
	/** Address of a label, or the value of an `.equ`/`.set` constant. */
	value: number;
	/** The output section a label lies in; absent for constants. */
	section?: string;
	/** Declared with `.globl`/`.global`. */
	global: boolean;
}

/** Which source line produced the bytes at [address, address + size). */
export interface SourceMapEntry {
	address: number;
	size: number;
	file: string;
	line: number;
}

export interface AsmImage {
	/**
	 * Output sections in address order, each placed after the previous one at its alignment; input
	 * sections such as `.text.init` or `.rodata.str1.4` are gathered into `.text`, `.rodata`, … as
	 * a linker script would (tests/fixtures/asm-golden/link.ld).
	 */
	sections: AsmSection[];
	/** Labels and constants, in order of definition (numeric local labels are left out). */
	symbols: AsmSymbol[];
	/** `_start` when defined, else the first address of `.text` (or of the first code section). */
	entry: number;
	/** Sorted by address. */
	sourceMap: SourceMapEntry[];
}

export interface AssembleOptions {
	/** Name used in diagnostics and the source map (default `input.s`). */
	file?: string;
	/** Address of the first section (default 0x80000000, RAM on the QEMU `virt` machine). */
	base?: number;
	/**
	 * Reads the file named by `.include "name"`: its text, undefined when it does not exist, or
	 * `{ error }` saying why it cannot be read (a device, a file too large to be source, …). The
	 * hook should refuse what is not a regular file before reading it: reading `/dev/zero` never
	 * ends. Included text is limited to 4 MiB in all.
	 */
	include?: (name: string) => string | undefined | { error: string };
}

export interface AssembleResult {
	/** Present when there were no errors (warnings allowed). */
	image?: AsmImage;
	diagnostics: Diagnostic[];
}
