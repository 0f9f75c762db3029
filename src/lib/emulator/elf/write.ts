/**
 * Writes an assembled image as an ELF32 little-endian RISC-V executable (ET_EXEC, EM_RISCV): one
 * PT_LOAD segment per section, section headers, and a symbol table, so that GNU objdump, QEMU's
 * `-kernel` loader and VirtLab's own loader can all read it.
 * Layout and field meanings: System V ABI, "ELF Object Files" (gABI 4.1), and the RISC-V ELF psABI
 * (e_machine 243, e_flags 0 = soft-float ABI, no compressed instructions).
 */
import type { AsmImage, AsmSection } from '../asm/types.ts';

const EM_RISCV = 243;
const ET_EXEC = 2;
const PT_LOAD = 1;
const SHT_PROGBITS = 1;
const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHT_NOBITS = 8;
const SHF_WRITE = 1;
const SHF_ALLOC = 2;
const SHF_EXECINSTR = 4;
const PF_X = 1;
const PF_W = 2;
const PF_R = 4;
const SHN_ABS = 0xfff1;
const STB_LOCAL = 0;
const STB_GLOBAL = 1;
const STT_NOTYPE = 0;

const EHDR_SIZE = 52;
const PHDR_SIZE = 32;
const SHDR_SIZE = 40;
const SYM_SIZE = 16;

/** A string table: NUL-separated names, offset 0 is the empty name. */
class StringTable {
	private readonly parts: number[] = [0];
	private readonly offsets = new Map<string, number>();
	add(s: string): number {
		const known = this.offsets.get(s);
		if (known !== undefined) return known;
		const at = this.parts.length;
		for (const b of new TextEncoder().encode(s)) this.parts.push(b);
		this.parts.push(0);
		this.offsets.set(s, at);
		return at;
	}
	bytes(): Uint8Array {
		return Uint8Array.from(this.parts);
	}
}

const alignUp = (n: number, a: number) => Math.ceil(n / a) * a;

function sectionFlags(s: AsmSection): number {
	if (s.kind === 'code') return SHF_ALLOC | SHF_EXECINSTR;
	if (/^\.s?rodata/.test(s.name)) return SHF_ALLOC;
	return SHF_ALLOC | SHF_WRITE;
}

function segmentFlags(s: AsmSection): number {
	if (s.kind === 'code') return PF_R | PF_X;
	if (/^\.s?rodata/.test(s.name)) return PF_R;
	return PF_R | PF_W;
}

/** The ELF file for `image`. */
export function writeElf(image: AsmImage): Uint8Array {
	const sections = image.sections;
	const shstr = new StringTable();
	const strtab = new StringTable();

	// Symbols: locals first, then globals (sh_info of .symtab = index of the first global).
	const sectionIndex = new Map(sections.map((s, i) => [s.name, i + 1]));
	const ordered = [
		...image.symbols.filter((s) => !s.global),
		...image.symbols.filter((s) => s.global)
	];
	const firstGlobal = 1 + image.symbols.filter((s) => !s.global).length;
	const symtab = new Uint8Array(SYM_SIZE * (ordered.length + 1));
	const sv = new DataView(symtab.buffer);
	ordered.forEach((sym, i) => {
		const at = SYM_SIZE * (i + 1);
		sv.setUint32(at, strtab.add(sym.name), true);
		sv.setUint32(at + 4, sym.value >>> 0, true);
		sv.setUint32(at + 8, 0, true);
		symtab[at + 12] = ((sym.global ? STB_GLOBAL : STB_LOCAL) << 4) | STT_NOTYPE;
		symtab[at + 13] = 0;
		const index = sym.section !== undefined ? sectionIndex.get(sym.section) : undefined;
		sv.setUint16(at + 14, index ?? SHN_ABS, true);
	});
	const strBytes = strtab.bytes();

	// File layout: header, program headers, section contents, tables, section headers.
	let offset = EHDR_SIZE + PHDR_SIZE * sections.length;
	const dataOffsets = sections.map((s) => {
		const align = Math.max(4, s.align);
		offset = alignUp(offset, align);
		const at = offset;
		if (s.kind !== 'bss') offset += s.bytes.length;
		return at;
	});
	offset = alignUp(offset, 4);
	const symtabOffset = offset;
	offset += symtab.length;
	const strtabOffset = offset;
	offset += strBytes.length;
	const names = sections.map((s) => shstr.add(s.name));
	const symtabName = shstr.add('.symtab');
	const strtabName = shstr.add('.strtab');
	const shstrName = shstr.add('.shstrtab');
	const shstrBytes = shstr.bytes();
	const shstrOffset = offset;
	offset += shstrBytes.length;
	offset = alignUp(offset, 4);
	const shoff = offset;
	const shnum = sections.length + 4;
	const total = shoff + SHDR_SIZE * shnum;

	const out = new Uint8Array(total);
	const v = new DataView(out.buffer);
	// e_ident: magic, ELFCLASS32, ELFDATA2LSB, EV_CURRENT, ELFOSABI_NONE.
	out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1, 0], 0);
	v.setUint16(16, ET_EXEC, true);
	v.setUint16(18, EM_RISCV, true);
	v.setUint32(20, 1, true);
	v.setUint32(24, image.entry >>> 0, true);
	v.setUint32(28, EHDR_SIZE, true);
	v.setUint32(32, shoff, true);
	v.setUint32(36, 0, true);
	v.setUint16(40, EHDR_SIZE, true);
	v.setUint16(42, PHDR_SIZE, true);
	v.setUint16(44, sections.length, true);
	v.setUint16(46, SHDR_SIZE, true);
	v.setUint16(48, shnum, true);
	v.setUint16(50, shnum - 1, true);

	sections.forEach((s, i) => {
		const ph = EHDR_SIZE + PHDR_SIZE * i;
		const fileSize = s.kind === 'bss' ? 0 : s.bytes.length;
		v.setUint32(ph, PT_LOAD, true);
		v.setUint32(ph + 4, dataOffsets[i], true);
		v.setUint32(ph + 8, s.address >>> 0, true);
		v.setUint32(ph + 12, s.address >>> 0, true);
		v.setUint32(ph + 16, fileSize, true);
		v.setUint32(ph + 20, s.bytes.length, true);
		v.setUint32(ph + 24, segmentFlags(s), true);
		v.setUint32(ph + 28, Math.max(4, s.align), true);
		if (s.kind !== 'bss') out.set(s.bytes, dataOffsets[i]);
	});
	out.set(symtab, symtabOffset);
	out.set(strBytes, strtabOffset);
	out.set(shstrBytes, shstrOffset);

	const header = (
		index: number,
		name: number,
		type: number,
		flags: number,
		addr: number,
		off: number,
		size: number,
		link: number,
		info: number,
		align: number,
		entsize: number
	) => {
		const at = shoff + SHDR_SIZE * index;
		[name, type, flags, addr >>> 0, off, size, link, info, align, entsize].forEach((x, k) =>
			v.setUint32(at + 4 * k, x, true)
		);
	};
	sections.forEach((s, i) => {
		const type = s.kind === 'bss' ? SHT_NOBITS : SHT_PROGBITS;
		header(
			i + 1,
			names[i],
			type,
			sectionFlags(s),
			s.address,
			dataOffsets[i],
			s.bytes.length,
			0,
			0,
			s.align,
			0
		);
	});
	const symIndex = sections.length + 1;
	header(
		symIndex,
		symtabName,
		SHT_SYMTAB,
		0,
		0,
		symtabOffset,
		symtab.length,
		symIndex + 1,
		firstGlobal,
		4,
		SYM_SIZE
	);
	header(symIndex + 1, strtabName, SHT_STRTAB, 0, 0, strtabOffset, strBytes.length, 0, 0, 1, 0);
	header(symIndex + 2, shstrName, SHT_STRTAB, 0, 0, shstrOffset, shstrBytes.length, 0, 0, 1, 0);
	return out;
}
