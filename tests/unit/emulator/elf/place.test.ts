import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseElf, type ElfImage } from '../../../../src/lib/emulator/elf/load-elf.ts';
import { placeInRam } from '../../../../src/lib/emulator/elf/place.ts';

const RAM = 0x80000000;
const fixture = (name: string) =>
	new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/elf', name)));

function image(bytes: Uint8Array): ElfImage {
	const r = parseElf(bytes);
	if (!r.ok) throw new Error(r.error);
	return r.image;
}

/** The same file without section headers (e_shnum = 0), as a stripped-down loader input. */
function withoutSections(bytes: Uint8Array): Uint8Array {
	const copy = bytes.slice();
	copy[48] = 0;
	copy[49] = 0;
	return copy;
}

describe('placeInRam', () => {
	it('leaves out the ELF headers that `ld -Ttext=0x80000000` loads a page below RAM', () => {
		const bytes = fixture('gnu-ttext.elf');
		const img = image(bytes);
		expect(img.segments[0].paddr).toBe(0x7ffff000);
		const placed = placeInRam(img, RAM, 1 << 20);
		expect(placed.ok).toBe(true);
		if (!placed.ok) return;
		// .text starts at file offset 0x1000 (readelf -S), and lands at the start of RAM.
		expect(placed.pieces[0].offset).toBe(0);
		expect(placed.pieces[0].bytes).toEqual(bytes.subarray(0x1000, 0x1034));
		expect(placed.pieces.map((p) => p.offset)).toEqual([0, 0x1034]);
	});

	it('needs no section headers to tell headers and padding from code', () => {
		expect(placeInRam(image(withoutSections(fixture('gnu-ttext.elf'))), RAM, 1 << 20).ok).toBe(
			true
		);
		expect(placeInRam(image(withoutSections(fixture('text-below-ram.elf'))), RAM, 1 << 20)).toEqual(
			{
				ok: false,
				error:
					'code or data of the segment at 0x7ffff000 (byte at 0x7ffff800, file offset 0x00000800) lies outside RAM 0x80000000–0x80100000: it would be lost (link it inside RAM, e.g. ld -Ttext=0x80000000)'
			}
		);
	});

	it('names the sections that would be lost: code below RAM, data above it', () => {
		expect(placeInRam(image(fixture('text-below-ram.elf')), RAM, 1 << 20)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^section \.text \(0x7ffff800–0x7ffff834\) lies outside RAM/)
		});
		// With 4 KiB of RAM, .data at 0x80001034 lies past the end.
		expect(placeInRam(image(fixture('gnu-ttext.elf')), RAM, 4096)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/^section \.data \(0x80001034–0x8000104a\) lies outside RAM/)
		});
	});

	it('refuses a file with nothing to load', () => {
		const bytes = fixture('gnu-ttext.elf').slice();
		bytes[44] = 0; // e_phnum = 0
		expect(placeInRam(image(bytes), RAM, 1 << 20)).toEqual({
			ok: false,
			error: 'nothing to load: the file has no PT_LOAD segment with contents'
		});
	});
});
