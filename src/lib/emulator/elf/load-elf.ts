/**
 * ELF32 parsing for the loader (System V ABI, "ELF-32 Object File Format" and the RISC-V ELF psABI):
 * the header, PT_LOAD segments, the entry point and the symbol table. Every malformed input gives a
 * positioned error message instead of an exception.
 */

export interface ElfSegment {
	/** Physical load address (p_paddr), as QEMU's ELF loader uses. */
	paddr: number;
	vaddr: number;
	/** File bytes (p_filesz of them); the rest up to memsz is zero. */
	data: Uint8Array;
	memsz: number;
	flags: number;
	/** Where the segment's bytes start in the file (p_offset). */
	fileOffset: number;
}

/** An allocated section (SHF_ALLOC): code or data that must reach memory. */
export interface ElfSection {
	name: string;
	/** Virtual address (sh_addr) and size in memory (sh_size). */
	addr: number;
	size: number;
}

export interface ElfSymbol {
	name: string;
	value: number;
	size: number;
	/** STT_* type: 0 notype, 1 object, 2 func, 3 section, 4 file. */
	type: number;
}

export interface ElfImage {
	entry: number;
	segments: ElfSegment[];
	symbols: ElfSymbol[];
	/** Allocated sections with a size, when the file has section headers (a stripped file may not). */
	sections: ElfSection[];
	/** End of the ELF header and program header table in the file: loaded with code, never run. */
	headersEnd: number;
}

export type ElfResult = { ok: true; image: ElfImage } | { ok: false; error: string };

const PT_LOAD = 1;
const SHT_SYMTAB = 2;
const SHF_ALLOC = 2;
const EM_RISCV = 0xf3;

const hex = (v: number) => `0x${v.toString(16)}`;

export function parseElf(bytes: Uint8Array): ElfResult {
	const fail = (error: string): ElfResult => ({ ok: false, error });
	if (bytes.length < 52)
		return fail(`not an ELF file: ${bytes.length} bytes is shorter than an ELF32 header (52)`);
	if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
		return fail('not an ELF file: the first four bytes are not 0x7f "ELF"');
	if (bytes[4] !== 1) return fail(`byte 4 (EI_CLASS) is ${bytes[4]}: only ELF32 (1) is supported`);
	if (bytes[5] !== 1)
		return fail(`byte 5 (EI_DATA) is ${bytes[5]}: only little-endian (1) is supported`);
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (o: number) => dv.getUint16(o, true);
	const u32 = (o: number) => dv.getUint32(o, true);
	const machine = u16(18);
	if (machine !== EM_RISCV) return fail(`e_machine (offset 18) is ${machine}: not RISC-V (243)`);
	const type = u16(16);
	if (type !== 2)
		return fail(`e_type (offset 16) is ${type}: only executables (ET_EXEC = 2) can be loaded`);
	const entry = u32(24);
	const phoff = u32(28);
	const shoff = u32(32);
	const phentsize = u16(42);
	const phnum = u16(44);
	const shentsize = u16(46);
	const shnum = u16(48);
	const inFile = (off: number, len: number) => off + len <= bytes.length && off >= 0;

	if (phnum > 0 && (phentsize < 32 || !inFile(phoff, phnum * phentsize)))
		return fail(
			`program headers at offset ${hex(phoff)} (${phnum} × ${phentsize} bytes) lie outside the file`
		);
	const segments: ElfSegment[] = [];
	for (let i = 0; i < phnum; i++) {
		const o = phoff + i * phentsize;
		if (u32(o) !== PT_LOAD) continue;
		const offset = u32(o + 4);
		const vaddr = u32(o + 8);
		const paddr = u32(o + 12);
		const filesz = u32(o + 16);
		const memsz = u32(o + 20);
		const flags = u32(o + 24);
		if (!inFile(offset, filesz))
			return fail(
				`segment ${i} (program header at ${hex(o)}): file bytes ${hex(offset)}+${hex(filesz)} lie outside the file`
			);
		if (memsz < filesz)
			return fail(`segment ${i}: p_memsz ${hex(memsz)} is smaller than p_filesz ${hex(filesz)}`);
		segments.push({
			paddr,
			vaddr,
			data: bytes.subarray(offset, offset + filesz),
			memsz,
			flags,
			fileOffset: offset
		});
	}

	const symbols: ElfSymbol[] = [];
	const sections: ElfSection[] = [];
	if (shnum > 0 && shentsize >= 40 && inFile(shoff, shnum * shentsize)) {
		const shstrndx = u16(50);
		const names = shoff + shstrndx * shentsize;
		const namesOff = shstrndx < shnum ? u32(names + 16) : 0;
		const namesSize = shstrndx < shnum && inFile(namesOff, u32(names + 20)) ? u32(names + 20) : 0;
		for (let i = 0; i < shnum; i++) {
			const sh = shoff + i * shentsize;
			const size = u32(sh + 20);
			if (u32(sh + 8) & SHF_ALLOC && size > 0) {
				const nameAt = u32(sh);
				sections.push({
					name: nameAt < namesSize ? cString(bytes, namesOff + nameAt, namesOff + namesSize) : '',
					addr: u32(sh + 12),
					size
				});
			}
			if (u32(sh + 4) !== SHT_SYMTAB) continue;
			const symOff = u32(sh + 16);
			const symSize = u32(sh + 20);
			const link = u32(sh + 24);
			const entsize = u32(sh + 36) || 16;
			if (link >= shnum || !inFile(symOff, symSize) || entsize < 16)
				return fail(
					`symbol table (section ${i}) is malformed: data or string table outside the file`
				);
			const strSh = shoff + link * shentsize;
			const strOff = u32(strSh + 16);
			const strSize = u32(strSh + 20);
			if (!inFile(strOff, strSize))
				return fail(`string table (section ${link}) lies outside the file`);
			for (let s = symOff; s + 16 <= symOff + symSize; s += entsize) {
				const nameOff = u32(s);
				const name = nameOff < strSize ? cString(bytes, strOff + nameOff, strOff + strSize) : '';
				if (name === '') continue;
				symbols.push({ name, value: u32(s + 4), size: u32(s + 8), type: bytes[s + 12] & 0xf });
			}
		}
	}
	const headersEnd = Math.max(52, phnum > 0 ? phoff + phnum * phentsize : 0);
	return { ok: true, image: { entry, segments, symbols, sections, headersEnd } };
}

/** The NUL-terminated string at `start`, read no further than `limit`. */
function cString(bytes: Uint8Array, start: number, limit: number): string {
	let end = start;
	while (end < limit && bytes[end] !== 0) end++;
	return new TextDecoder().decode(bytes.subarray(start, end));
}
