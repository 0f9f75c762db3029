/**
 * Section contents while assembling, and their placement in memory. Placement follows what a
 * minimal linker script does (`. = base; .text : {…} .rodata : {…} .data : {…} .bss : {…}`, see
 * tests/fixtures/asm-golden/link.ld): code first, then read-only data, data, and zero-initialised
 * data, each section starting at the next multiple of its alignment.
 */
import type { SectionKind } from './types.ts';

/** Largest section the assembler builds (a guard against `.space 0x7fffffff`). */
export const MAX_SECTION_BYTES = 64 * 1024 * 1024;
/** Largest size of all sections together (many sections of 64 MiB would fill the memory). */
export const MAX_TOTAL_BYTES = 128 * 1024 * 1024;

/** The bytes of all sections of one run, counted as they are reserved. */
export class SectionSpace {
	bytes = 0;

	/** Why `n` more bytes cannot go into `s`, or undefined when they fit. */
	check(s: SectionBuffer, n: number): string | undefined {
		if (s.size + n > MAX_SECTION_BYTES) {
			return `section ${s.name} would exceed ${MAX_SECTION_BYTES} bytes`;
		}
		if (this.bytes + n > MAX_TOTAL_BYTES) {
			return `the sections together would exceed ${MAX_TOTAL_BYTES} bytes`;
		}
		return undefined;
	}
}

export class SectionBuffer {
	/** Alignment in bytes: code starts word aligned (no compressed instructions), data at 1. */
	align: number;
	size = 0;
	private data = new Uint8Array(64);
	/** Assigned by `place`. */
	address = 0;
	/** False for sections that are not loaded into memory (left out of the image). */
	alloc = true;

	constructor(
		readonly name: string,
		readonly kind: SectionKind,
		private readonly space = new SectionSpace()
	) {
		this.align = kind === 'code' ? 4 : 1;
	}

	/** Reserves `n` bytes filled with `fill` and returns their offset. */
	reserve(n: number, fill = 0): number {
		const at = this.size;
		if (this.kind !== 'bss') {
			this.ensure(at + n);
			if (fill !== 0) this.data.fill(fill, at, at + n);
		}
		this.size += n;
		this.space.bytes += n;
		return at;
	}

	append(bytes: ArrayLike<number>): number {
		const at = this.reserve(bytes.length);
		if (this.kind !== 'bss') this.data.set(bytes, at);
		return at;
	}

	/** Appends `times` copies of `pattern` (code padding: many nops at once). */
	appendRepeated(pattern: readonly number[], times: number): number {
		const n = pattern.length * times;
		const at = this.reserve(n);
		if (this.kind === 'bss' || n === 0) return at;
		this.data.set(pattern, at);
		// Double the copied run until it fills the space.
		for (let done = pattern.length; done < n; done *= 2) {
			this.data.copyWithin(at + done, at, at + Math.min(done, n - done));
		}
		return at;
	}

	/** Writes `width` bytes of `value` little-endian at `offset` (already reserved). */
	writeLE(offset: number, width: number, value: bigint): void {
		if (this.kind === 'bss') return;
		if (width <= 4) {
			const v = Number(BigInt.asUintN(32, value));
			for (let i = 0; i < width; i++) this.data[offset + i] = (v >>> (8 * i)) & 0xff;
			return;
		}
		for (let i = 0; i < width; i++)
			this.data[offset + i] = Number((value >> BigInt(8 * i)) & 0xffn);
	}

	bytes(): Uint8Array {
		return this.kind === 'bss' ? new Uint8Array(this.size) : this.data.slice(0, this.size);
	}

	private ensure(n: number) {
		if (n <= this.data.length) return;
		let cap = this.data.length;
		while (cap < n) cap *= 2;
		const grown = new Uint8Array(cap);
		grown.set(this.data);
		this.data = grown;
	}
}

/** The kind a section gets from its name (and `.section` flags, when given). */
export function sectionKind(name: string, flags?: string): SectionKind {
	if (/^\.(s?bss|tbss)(\.|$)/.test(name)) return 'bss';
	if (/^\.text(\.|$)/.test(name) || name === '.init' || name === '.fini') return 'code';
	if (flags !== undefined && flags.includes('x')) return 'code';
	return 'data';
}

/** A section of the image: the input sections a linker script would gather under one name. */
export interface OutputSection {
	name: string;
	kind: SectionKind;
	address: number;
	/** The largest alignment of its inputs. */
	align: number;
	size: number;
	inputs: SectionBuffer[];
}

/**
 * The output section an input section goes to, as `.text : { *(.text .text.*) }` and its siblings
 * in tests/fixtures/asm-golden/link.ld gather them (e.g. `.rodata.str1.4` into `.rodata`).
 */
export function outputName(name: string): string {
	const m = /^\.(text|rodata|data|bss)(\.|$)/.exec(name);
	return m ? `.${m[1]}` : name;
}

/** Output order rank: code, read-only data, data, bss. */
function rank(s: OutputSection): number {
	if (s.kind === 'code') return 0;
	if (s.kind === 'bss') return 3;
	return /^\.(s?rodata)(\.|$)/.test(s.name) ? 1 : 2;
}

/**
 * Gathers the loaded sections into output sections and assigns addresses from `base` upward: each
 * output section starts at a multiple of its alignment, and its inputs follow one another in the
 * order they were first used, each at its own alignment. Returns the output sections in address
 * order; every input's `address` is set.
 */
export function place(sections: SectionBuffer[], base: number): OutputSection[] {
	const outputs = new Map<string, OutputSection>();
	for (const s of sections) {
		if (!s.alloc) continue;
		const name = outputName(s.name);
		let out = outputs.get(name);
		if (!out) {
			out = { name, kind: s.kind, address: 0, align: 1, size: 0, inputs: [] };
			outputs.set(name, out);
		}
		out.align = Math.max(out.align, s.align);
		out.inputs.push(s);
	}
	const ordered = [...outputs.values()]
		.map((o, i) => ({ o, i }))
		.sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
		.map(({ o }) => o);
	let address = base >>> 0;
	for (const out of ordered) {
		address = Math.ceil(address / out.align) * out.align;
		out.address = address >>> 0;
		for (const s of out.inputs) {
			address = Math.ceil(address / s.align) * s.align;
			s.address = address >>> 0;
			address += s.size;
		}
		out.size = address - out.address;
	}
	return ordered;
}
