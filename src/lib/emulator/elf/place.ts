/**
 * Placing an ELF executable in RAM: which bytes of each PT_LOAD segment go where, and what may be
 * left out.
 *
 * A linker may load bytes that no program ever reads. `ld -Ttext=0x80000000` starts the first
 * PT_LOAD segment a page below .text, at 0x7ffff000, so that it also carries the ELF header and
 * the program headers (the System V ABI lets a segment start at file offset 0). On QEMU's virt
 * board nothing lies there, and QEMU runs the program anyway. So do we: bytes outside RAM that
 * belong to no allocated section are dropped without a word. Bytes of code or data (an SHF_ALLOC
 * section; without section headers, anything past the headers that is not zero) are never dropped
 * silently: loading fails and the message names them.
 */
import type { ElfImage, ElfSegment } from './load-elf.ts';

/** A run of RAM to fill: `bytes` at RAM offset `offset`, then `zeros` zero bytes. */
export interface RamPiece {
	offset: number;
	bytes: Uint8Array;
	zeros: number;
}

export type Placement = { ok: true; pieces: RamPiece[] } | { ok: false; error: string };

const hex = (v: number) => `0x${v.toString(16).padStart(8, '0')}`;

/** Splits every segment into the part inside RAM [ramBase, ramBase + ramSize) and checks the rest. */
export function placeInRam(image: ElfImage, ramBase: number, ramSize: number): Placement {
	const top = ramBase + ramSize;
	const ram = `RAM ${hex(ramBase)}–${hex(top)}`;
	const pieces: RamPiece[] = [];
	if (!image.segments.some((s) => s.memsz > 0))
		return { ok: false, error: 'nothing to load: the file has no PT_LOAD segment with contents' };
	for (const seg of image.segments) {
		const end = seg.paddr + seg.memsz;
		const outside = [
			[seg.paddr, Math.min(end, ramBase)],
			[Math.max(seg.paddr, top), end]
		].filter(([a, b]) => a < b);
		for (const [a, b] of outside) {
			const lost = lostContents(image, seg, a, b);
			if (lost)
				return {
					ok: false,
					error: `${lost} lies outside ${ram}: it would be lost (link it inside RAM, e.g. ld -Ttext=${hex(ramBase)})`
				};
		}
		const lo = Math.max(seg.paddr, ramBase);
		const hi = Math.min(end, top);
		if (lo >= hi) continue;
		const fileEnd = Math.min(hi - seg.paddr, seg.data.length);
		const bytes = seg.data.subarray(Math.min(lo - seg.paddr, fileEnd), fileEnd);
		pieces.push({ offset: lo - ramBase, bytes, zeros: hi - lo - bytes.length });
	}
	return { ok: true, pieces };
}

/**
 * What code or data lies in physical addresses [a, b) of `seg`, as words for an error message, or
 * undefined when those addresses hold only headers and padding.
 */
function lostContents(image: ElfImage, seg: ElfSegment, a: number, b: number): string | undefined {
	if (image.sections.length > 0) {
		// Sections are placed by virtual address; the segment maps vaddr to paddr one to one.
		const names = image.sections
			.map((s) => ({ ...s, paddr: s.addr - seg.vaddr + seg.paddr }))
			.filter((s) => s.addr >= seg.vaddr && s.addr < seg.vaddr + seg.memsz)
			.filter((s) => s.paddr < b && s.paddr + s.size > a)
			.map((s) => `${s.name || '(unnamed)'} (${hex(s.paddr)}–${hex(s.paddr + s.size)})`);
		return names.length > 0 ? `section ${names.join(', section ')}` : undefined;
	}
	// A stripped file: the file bytes past the ELF and program headers, or the zero-filled tail.
	const where = `of the segment at ${hex(seg.paddr)}`;
	if (b - seg.paddr > seg.data.length) return `zero-initialized data ${where}`;
	for (let p = a; p < b; p++) {
		const i = p - seg.paddr;
		if (seg.fileOffset + i >= image.headersEnd && seg.data[i] !== 0)
			return `code or data ${where} (byte at ${hex(p)}, file offset ${hex(seg.fileOffset + i)})`;
	}
	return undefined;
}
