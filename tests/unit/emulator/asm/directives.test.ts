import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

const section = (source: string, name: string) => [
	...(assemble(source).image?.sections.find((s) => s.name === name)?.bytes ?? [])
];

describe('directives', () => {
	it('store data little-endian', () => {
		expect(section('.data\n.half 0x1234\n.byte 1, -1\n.word -2', '.data')).toEqual([
			0x34, 0x12, 1, 0xff, 0xfe, 0xff, 0xff, 0xff
		]);
		expect(section('.data\n.ascii "ab"\n.asciz "c"\n.string "d"', '.data')).toEqual([
			97, 98, 99, 0, 100, 0
		]);
		expect(section('.data\n.space 2, 7\n.zero 1', '.data')).toEqual([7, 7, 0]);
	});

	it('pad data with zeros and code with nops, as GNU as does', () => {
		expect(section('.data\n.byte 1\n.balign 4\n.byte 2', '.data')).toEqual([1, 0, 0, 0, 2]);
		// .align 3 in code: the gap after one nop is one more nop; the section ends at its alignment.
		expect(section('nop\n.align 3\necall', '.text')).toEqual([
			0x13, 0, 0, 0, 0x13, 0, 0, 0, 0x73, 0, 0, 0, 0x13, 0, 0, 0
		]);
		expect(section('.data\n.byte 1\n.p2align 2, 0xee', '.data')).toEqual([1, 0xee, 0xee, 0xee]);
	});

	it('define constants with .equ, .set and =, and refuse to redefine with .equiv', () => {
		const { image } = assemble('.equ A, 2\n.set B, A * 3\nC = B + 1');
		expect(image!.symbols.map((s) => [s.name, s.value])).toEqual([
			['A', 2],
			['B', 6],
			['C', 7]
		]);
		expect(assemble('.equ A, 1\n.equiv A, 2').diagnostics[0].message).toBe(
			"symbol 'A' is already defined (line 1)"
		);
	});

	it('switch sections with .section, .pushsection/.popsection and .previous', () => {
		const { image } = assemble(
			'nop\n.section .rodata, "a"\n.byte 1\n.previous\nnop\n.pushsection .data\n.byte 2\n.popsection\nnop'
		);
		expect(image!.sections.map((s) => [s.name, s.bytes.length])).toEqual([
			['.text', 12],
			['.rodata', 1],
			['.data', 1]
		]);
	});

	it('keep .bss to zeros', () => {
		expect(assemble('.bss\n.word 1').diagnostics[0].message).toBe(
			'.word cannot store data in .bss; use .space or .zero'
		);
		expect(assemble('.bss\nnop').diagnostics[0].message).toBe(
			'instructions cannot go in .bss (it holds only zeros)'
		);
	});

	it('accept .option norvc silently and warn about the rest', () => {
		expect(assemble('.option norvc\n.option push\n.option pop').diagnostics).toEqual([]);
		expect(assemble('.option rvc').diagnostics[0]).toMatchObject({ severity: 'warning' });
		expect(assemble('.type f, @function\n.size f, 4\n.file "x.s"').diagnostics).toEqual([]);
		expect(assemble('.frobnicate').diagnostics[0].message).toBe("unknown directive '.frobnicate'");
	});

	it('refuse sizes that are not known yet or too large', () => {
		expect(assemble('.space later\nlater:').diagnostics[0].message).toBe(
			"undefined symbol 'later' (the size must be known at this point)"
		);
		expect(assemble('x: .space x').diagnostics[0].message).toBe(
			'the size must be a number, not an address'
		);
		expect(assemble('.space 0x7fffffff').diagnostics[0].message).toMatch(/would exceed/);
	});
});

describe('.rept', () => {
	it('repeats a block, nested blocks included', () => {
		expect(section('.data\n.rept 2\n.byte 1\n.rept 2\n.byte 2\n.endr\n.endr', '.data')).toEqual([
			1, 2, 2, 1, 2, 2
		]);
		expect(section('.data\n.rept 0\n.byte 1\n.endr\n.byte 3', '.data')).toEqual([3]);
	});

	it('reports a bad count, a missing .endr and a runaway size', () => {
		expect(assemble('.rept -1\n.endr').diagnostics[0].message).toBe(
			'negative count for .rept - ignored'
		);
		expect(assemble('.rept 2\nnop').diagnostics[0].message).toBe('.rept has no matching .endr');
		const huge = `.rept 100000\n${'nop\n'.repeat(10)}.endr\n.rept 100000\nnop\n.endr`;
		const diagnostics = assemble(huge).diagnostics;
		expect(diagnostics.map((d) => d.message)).toEqual([
			'.rept would make more than 250000 lines; stopping'
		]);
	});
});

describe('more directives', () => {
	it('take the first true branch of .if/.elseif/.else', () => {
		const pick = (n: number) =>
			section(
				`.data\n.if ${n} == 1\n.byte 1\n.elseif ${n} == 2\n.byte 2\n.else\n.byte 3\n.endif`,
				'.data'
			);
		expect([pick(1), pick(2), pick(5)]).toEqual([[1], [2], [3]]);
	});

	it('store 8-byte values with .dword and 4-byte values with .long', () => {
		expect(section('.data\n.dword 0x1122334455667788\n.long 1', '.data')).toEqual([
			0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 1, 0, 0, 0
		]);
	});
});

describe('.org', () => {
	it('moves forward to an offset in the section, filling with zeros or the fill byte', () => {
		// As GNU as 2.40 assembles it: code is filled with zeros too, not with nops.
		const text = section('nop\n.org 0x10\nnop\n.org 0x20, 0xaa\nnop\n.org . + 8\nnop', '.text');
		expect(text).toEqual([
			...[0x13, 0, 0, 0, ...Array(12).fill(0)],
			...[0x13, 0, 0, 0, ...Array(12).fill(0xaa)],
			...[0x13, 0, 0, 0, ...Array(8).fill(0)],
			...[0x13, 0, 0, 0]
		]);
		expect(
			section('.data\n.byte 1\n.org 4, 0x55\n.byte 2\n.org 8, 0x1234\n.byte 3', '.data')
		).toEqual([1, 0x55, 0x55, 0x55, 2, 0x34, 0x34, 0x34, 3]);
		expect(section('.data\n.equ K, 2\n.byte 1\n.org K\n.byte 2\n.org 3', '.data')).toEqual([
			1, 0, 2
		]);
	});

	it('refuses to move backwards, with GNU as message, at the .org operand', () => {
		const [e] = assemble('nop\nnop\n.org 4').diagnostics;
		expect(e).toMatchObject({ line: 3, column: 6, endColumn: 7, severity: 'error' });
		expect(e.message).toBe('attempt to move .org backwards (from offset 8 to 4)');
		expect(assemble('.org -1').diagnostics[0].message).toMatch(/^attempt to move \.org backwards/);
	});

	it('refuses an address in another section, junk and a missing operand', () => {
		expect(assemble('.data\nx: .byte 1\n.text\n.org x').diagnostics[0].message).toBe(
			'invalid segment ".data": .org needs an offset in the current section (.text)'
		);
		expect(assemble('.org 0x80, 1, 2').diagnostics[0].message).toBe(
			'.org expects an offset and an optional fill byte'
		);
		expect(assemble('.org').diagnostics[0].message).toBe(
			'.org expects an offset and an optional fill byte'
		);
		expect(assemble('.org 0x7fffffff').diagnostics[0].message).toMatch(/would exceed/);
	});

	it('takes an undefined symbol as zero with a warning, as GNU as does', () => {
		const { diagnostics } = assemble('.org later\nlater: nop');
		expect(diagnostics).toEqual([
			expect.objectContaining({
				severity: 'warning',
				message: "symbol 'later' undefined; zero assumed"
			})
		]);
	});
});

describe('.error and .warning', () => {
	it('report the author’s message at its line; .error stops the image', () => {
		const r = assemble(
			'.ifdef PV\n.error "PV build not written"\n.endif\n.warning "careful"\nnop\n',
			{ file: 'g.s' }
		);
		expect(r.image).toBeDefined();
		expect(r.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
			['warning', 4, 'careful']
		]);
		const pv = assemble('.equ PV, 1\n.ifdef PV\n.error "PV build not written"\n.endif\nnop\n', {
			file: 'g.s'
		});
		expect(pv.image).toBeUndefined();
		expect(pv.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
			['error', 3, 'PV build not written']
		]);
	});

	it('have GNU as’s default text without a message', () => {
		const r = assemble('.error\n', { file: 'g.s' });
		expect(r.diagnostics[0].message).toBe('.error directive invoked in source file');
	});
});
