import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { writeElf } from '../../../../src/lib/emulator/elf/write.ts';
import { parseElf } from '../../../../src/lib/emulator/elf/load-elf.ts';

const source = `
	.globl _start
_start:	la a0, msg
	j _start
	.section .rodata
msg:	.asciz "hi"
	.data
	.align 2
tohost:	.word 0
	.bss
buf:	.space 16
`;

function build() {
	const { image, diagnostics } = assemble(source);
	expect(diagnostics).toEqual([]);
	return { image: image!, elf: writeElf(image!) };
}

describe('writeElf', () => {
	it('writes an ELF32 little-endian RISC-V executable header', () => {
		const { image, elf } = build();
		const v = new DataView(elf.buffer);
		expect([...elf.subarray(0, 7)]).toEqual([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
		expect(v.getUint16(16, true)).toBe(2); // ET_EXEC
		expect(v.getUint16(18, true)).toBe(243); // EM_RISCV
		expect(v.getUint32(24, true)).toBe(image.entry);
		expect(v.getUint16(44, true)).toBe(image.sections.length); // one PT_LOAD per section
	});

	it('gives one PT_LOAD per section with the section bytes at its address, bss as memsz only', () => {
		const { image, elf } = build();
		const v = new DataView(elf.buffer);
		image.sections.forEach((s, i) => {
			const ph = 52 + 32 * i;
			expect(v.getUint32(ph, true)).toBe(1);
			expect(v.getUint32(ph + 8, true)).toBe(s.address);
			expect(v.getUint32(ph + 20, true)).toBe(s.bytes.length);
			const fileSize = v.getUint32(ph + 16, true);
			const offset = v.getUint32(ph + 4, true);
			expect(fileSize).toBe(s.kind === 'bss' ? 0 : s.bytes.length);
			expect(elf.subarray(offset, offset + fileSize)).toEqual(s.bytes.subarray(0, fileSize));
			expect(v.getUint32(ph + 24, true)).toBe(s.kind === 'code' ? 5 : s.name === '.rodata' ? 4 : 6);
		});
	});

	it('is read back by the machine loader with entry, segments and symbols', () => {
		const { image, elf } = build();
		const r = parseElf(elf);
		if (!r.ok) throw new Error(r.error);
		expect(r.image.entry).toBe(image.entry);
		expect(r.image.segments.map((s) => [s.vaddr, s.memsz])).toEqual(
			image.sections.map((s) => [s.address, s.bytes.length])
		);
		const symbols = new Map(r.image.symbols.map((s) => [s.name, s.value]));
		for (const s of image.symbols) expect(symbols.get(s.name)).toBe(s.value);
	});
});
