import { describe, expect, it } from 'vitest';
import {
	outputName,
	place,
	SectionBuffer,
	sectionKind
} from '../../../../src/lib/emulator/asm/sections.ts';

describe('sections', () => {
	it('classifies sections by name and flags', () => {
		expect(sectionKind('.text')).toBe('code');
		expect(sectionKind('.text.init')).toBe('code');
		expect(sectionKind('.bss')).toBe('bss');
		expect(sectionKind('.sbss')).toBe('bss');
		expect(sectionKind('.rodata')).toBe('data');
		expect(sectionKind('.mine', 'ax')).toBe('code');
	});

	it('places code, read-only data, data and bss in that order, each at its alignment', () => {
		const data = new SectionBuffer('.data', 'data');
		data.reserve(3);
		const bss = new SectionBuffer('.bss', 'bss');
		bss.align = 16;
		bss.reserve(8);
		const text = new SectionBuffer('.text', 'code');
		text.reserve(6);
		const ro = new SectionBuffer('.rodata', 'data');
		ro.reserve(1);
		const order = place([data, bss, text, ro], 0x1000);
		expect(order.map((s) => [s.name, s.address, s.size])).toEqual([
			['.text', 0x1000, 6],
			['.rodata', 0x1006, 1],
			['.data', 0x1007, 3],
			['.bss', 0x1010, 8]
		]);
	});

	it('gathers .rodata.* into .rodata and .text.* into .text, each input at its alignment', () => {
		const text = new SectionBuffer('.text', 'code');
		text.reserve(4);
		const init = new SectionBuffer('.text.init', 'code');
		init.align = 16;
		init.reserve(4);
		const str = new SectionBuffer('.rodata.str1.4', 'data');
		str.reserve(2);
		const note = new SectionBuffer('.note.GNU-stack', 'data');
		note.alloc = false;
		const [t, r] = place([text, init, str, note], 0);
		expect([t.name, t.align, t.size, init.address]).toEqual(['.text', 16, 20, 16]);
		expect([r.name, r.address, r.inputs]).toEqual(['.rodata', 20, [str]]);
		expect(outputName('.data.rel')).toBe('.data');
		expect(outputName('.tohost')).toBe('.tohost');
	});

	it('grows its buffer and writes little-endian values', () => {
		const s = new SectionBuffer('.data', 'data');
		s.reserve(100, 0xaa);
		s.writeLE(96, 4, 0x11223344n);
		const bytes = s.bytes();
		expect(bytes.length).toBe(100);
		expect([...bytes.subarray(95)]).toEqual([0xaa, 0x44, 0x33, 0x22, 0x11]);
	});
});

describe('SectionBuffer.appendRepeated', () => {
	it('appends copies of a pattern', () => {
		const s = new SectionBuffer('.text', 'code');
		s.append([9]);
		s.appendRepeated([1, 2, 3], 5);
		expect([...s.bytes()]).toEqual([9, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
	});
});
