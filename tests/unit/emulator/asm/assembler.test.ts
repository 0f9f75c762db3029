import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble, symbolValue } from '../../../../src/lib/emulator/asm/index.ts';

/** The little-endian words of the image's `.text`. */
function words(source: string, options = {}): number[] {
	const { image, diagnostics } = assemble(source, options);
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	const text = image!.sections.find((s) => s.name === '.text')!;
	const v = new DataView(text.bytes.buffer, text.bytes.byteOffset, text.bytes.length);
	return Array.from({ length: text.bytes.length / 4 }, (_, i) => v.getUint32(4 * i, true));
}

function errors(source: string) {
	return assemble(source).diagnostics.filter((d) => d.severity === 'error');
}

describe('assemble: diagnostics', () => {
	it('names an unknown instruction with its position', () => {
		expect(errors('\tad a0, a1, a2')).toEqual([
			{ line: 1, column: 2, endColumn: 4, message: "unknown instruction 'ad'", severity: 'error' }
		]);
	});

	it('names an unknown base register inside offset(register)', () => {
		for (const line of ['lw a0, 8(a9)', 'sw a0, 8(a9)', 'lr.w a0, (a9)']) {
			const [e] = errors(line);
			expect(e.message).toMatch(/^unknown register 'a9'/);
			expect(line.slice(e.column - 1, e.endColumn - 1)).toBe('a9');
		}
	});

	it('says how many operands an instruction expects and which', () => {
		const [e] = errors('addi a0, a1');
		expect(e.message).toBe('addi expects 3 operands: rd, rs1, imm12');
		expect([e.line, e.column, e.endColumn]).toEqual([1, 1, 12]);
	});

	it('reports an immediate out of range at the immediate', () => {
		const [e] = errors('nop\n  addi a0, a0, 5000');
		expect(e).toMatchObject({ line: 2, column: 16, endColumn: 20 });
		expect(e.message).toBe('immediate 5000 out of range -2048..2047');
	});

	it('reports an undefined symbol', () => {
		const [e] = errors('j loop');
		expect(e).toMatchObject({
			line: 1,
			column: 3,
			endColumn: 7,
			message: "undefined symbol 'loop'"
		});
	});

	it('reports every error of the file in one pass, in line order', () => {
		const src = [
			'addi a0, a0, 5000',
			'foo a0',
			'lw a0, 0(q7)',
			'beq a0, a1, nowhere',
			'li a0'
		].join('\n');
		expect(errors(src).map((d) => d.line)).toEqual([1, 2, 3, 4, 5]);
	});

	it('reports a register where one is expected', () => {
		expect(errors('add a0, a1, 5')[0].message).toBe("expected a register for rs2, found '5'");
	});

	it('rejects branch targets beyond ±4 KiB and odd offsets', () => {
		expect(errors('beq a0, a1, far\n.space 5000\nfar: nop')[0].message).toMatch(
			/^branch offset 5004 out of range -4096\.\.4094/
		);
		expect(errors('j . + 3')[0].message).toBe('jump offset 3 is not a multiple of 2');
	});

	it('rejects duplicate labels, pointing at the second', () => {
		expect(errors('x: nop\nx: nop')).toEqual([
			expect.objectContaining({ line: 2, message: "symbol 'x' is already defined (line 1)" })
		]);
	});

	it('explains that li needs a constant known at that point', () => {
		expect(errors('li a0, later\n.equ later, 5')[0].message).toMatch(
			/undefined symbol 'later'.*li needs a constant/
		);
	});

	it('warns about a .byte value that does not fit, and still assembles', () => {
		const r = assemble('.data\n.byte 300');
		expect(r.image).toBeDefined();
		expect(r.diagnostics).toEqual([
			expect.objectContaining({ severity: 'warning', message: 'value 0x12c truncated to 0x2c' })
		]);
	});

	it('points errors inside a macro at the line that invoked it', () => {
		const [e] = errors('.macro bad r\naddi \\r, \\r, 9999\n.endm\nnop\nbad a0');
		expect(e.line).toBe(5);
		expect(e.message).toBe("in macro 'bad' (its line 2): immediate 9999 out of range -2048..2047");
	});

	it('reports unterminated blocks', () => {
		expect(errors('.ifdef x\nnop').map((e) => e.message)).toEqual([
			'this .if has no matching .endif'
		]);
		expect(errors('.macro m\nnop').map((e) => e.message)).toEqual([
			'.macro m has no matching .endm'
		]);
	});

	it('stops a macro that calls itself', () => {
		expect(errors('.macro r\nr\n.endm\nr')[0].message).toMatch(/nested more than 64 deep/);
	});
});

describe('assemble: symbols defined after their use', () => {
	// GNU as 2.40 needs an instruction's immediate when it reads the line: a symbol defined later
	// is "illegal operands" (addi, lui, lw, sw, auipc), "requires absolute expression" (slli,
	// csrrwi) or an "unknown CSR". Targets of branches and jumps, %hi/%lo and data are fixed up
	// later and may come first.
	it('rejects an immediate whose .equ comes later, at the operand, as GNU as does', () => {
		const src =
			'addi a0, a1, FWD\nlui a0, FWD\nlw a0, FWD(a1)\nsw a0, FWD(a1)\nauipc a0, FWD\n.equ FWD, 4';
		const found = errors(src);
		expect(found.map((e) => [e.line, e.column, e.endColumn])).toEqual([
			[1, 14, 17],
			[2, 9, 12],
			[3, 8, 11],
			[4, 8, 11],
			[5, 11, 14]
		]);
		expect(found[0].message).toBe(
			"illegal operands: symbol 'FWD' is defined only later (line 6); an immediate must be known where it is used"
		);
		expect(errors('slli a0, a1, FWD\n.equ FWD, 1')[0].message).toMatch(
			/^instruction slli requires absolute expression: symbol 'FWD' is defined only later/
		);
		expect(errors('csrrw a0, FWD, a1\n.equ FWD, 0x300')[0].message).toMatch(
			/^unknown CSR 'FWD': symbol 'FWD' is defined only later/
		);
		expect(errors('.insn i 0x13, 0, a0, a1, FWD\n.equ FWD, 1')[0].message).toMatch(
			/^illegal operands: symbol 'FWD' is defined only later/
		);
	});

	it('accepts the symbol later in data, branch targets and %hi/%lo', () => {
		const src = '.word FWD\nlui a0, %hi(FWD)\naddi a0, a0, %lo(FWD)\n.equ FWD, 0x12345678';
		expect(errors(src)).toEqual([]);
		expect(words(src)).toEqual([0x12345678, 0x12345537, 0x67850513]);
	});

	it('rejects an address as an immediate', () => {
		expect(errors('x: addi a0, a1, x')[0]).toMatchObject({
			column: 17,
			message: "illegal operands: 'x' is an address, not a constant (use %lo(x), or la to load it)"
		});
	});

	it('uses the value a .set symbol has at the instruction, as GNU as does', () => {
		expect(words('.set S, 1\naddi a0, a1, S\n.set S, 2')).toEqual([0x00158513]);
	});

	it('still names a symbol that is never defined', () => {
		expect(errors('addi a0, a1, NEVER')[0].message).toBe("undefined symbol 'NEVER'");
	});
});

describe('assemble: never throws', () => {
	const tokens = [
		'addi', 'a0', 'x31', ',', '(', ')', '%hi', '%lo(', '%pcrel_lo', '1b', '1f', '1:', 'label:', 'label',
		'.word', '.macro', '.endm', '.if', '.ifdef', '.else', '.endif', '.align', '.space', '.equ', '.section',
		'.data', '.bss', '"str', '"ok"', "'", '\\', '\\arg', '0x', '0b2', '-', '~', '<<', '>>', '/', '%', '*',
		'99999999999999999999', '-2048', '.', ';', '\n', '#', 'li', 'la', 'call', 'csrr', 'mstatus', 'lr.w.aq',
		'amoadd.w.aqrl', 'fence', 'iorw', 'sfence.vma', '.include', '.option', 'jalr', '=', ':', '.rept', '.endr', '100000',
		'.irp', '.irpc', '.insn', '.org', 'r', 'i', 'b', 'OP', 'LOAD', '0x33', '\\x', 'x'
	]; // prettier-ignore

	it('treats names of JavaScript object properties as plain unknown names', () => {
		for (const name of [
			'__proto__',
			'constructor',
			'toString',
			'hasOwnProperty',
			'.__proto__',
			'.constructor'
		]) {
			const [d] = assemble(`${name} a0`).diagnostics;
			expect(d.message).toMatch(/^unknown (instruction|directive)/);
		}
	});

	it('returns diagnostics for random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				const r = assemble(s);
				expect(Array.isArray(r.diagnostics)).toBe(true);
				expect(r.diagnostics.some((d) => d.message.startsWith('internal'))).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('returns diagnostics for random token soups', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (ts) => {
				const r = assemble(ts.join(' '));
				for (const d of r.diagnostics) {
					expect(d.message.startsWith('internal')).toBe(false);
					expect(d.line).toBeGreaterThanOrEqual(1);
					expect(d.endColumn).toBeGreaterThan(d.column);
				}
				expect(r.image !== undefined).toBe(!r.diagnostics.some((d) => d.severity === 'error'));
			}),
			{ numRuns: 500 }
		);
	});
});

describe('assemble: image', () => {
	it('places .text at 0x80000000 by default, then .data and .bss, and maps addresses to lines', () => {
		const { image } = assemble('nop\nnop\n.data\nv: .word 1\n.bss\nb: .space 8', { file: 'p.s' });
		expect(image!.sections.map((s) => [s.name, s.address, s.bytes.length])).toEqual([
			['.text', 0x80000000, 8],
			['.data', 0x80000008, 4],
			['.bss', 0x8000000c, 8]
		]);
		expect(image!.sourceMap).toEqual([
			{ address: 0x80000000, size: 4, file: 'p.s', line: 1 },
			{ address: 0x80000004, size: 4, file: 'p.s', line: 2 },
			{ address: 0x80000008, size: 4, file: 'p.s', line: 4 },
			{ address: 0x8000000c, size: 8, file: 'p.s', line: 6 }
		]);
	});

	it('takes the entry from _start, else the start of .text', () => {
		expect(assemble('nop\n_start: nop').image!.entry).toBe(0x80000004);
		expect(assemble('nop').image!.entry).toBe(0x80000000);
	});

	it('honours the base option', () => {
		const { image } = assemble('x: j x', { base: 0x1000 });
		expect(symbolValue(image!, 'x')).toBe(0x1000);
	});

	it('lists symbols with their section and global flag, including constants', () => {
		const { image } = assemble(
			'.globl tohost\n.equ K, 3\n.data\ntohost: .word 0\nfromhost: .word 0'
		);
		expect(image!.symbols).toEqual([
			{ name: 'K', value: 3, global: false },
			{ name: 'tohost', value: 0x80000000, section: '.data', global: true },
			{ name: 'fromhost', value: 0x80000004, section: '.data', global: false }
		]);
	});

	it('resolves numeric local labels backward and forward', () => {
		// `j 1f` jumps to the next `1:` (+4); `1: j 1b` refers to the label on its own line (+0).
		expect(words('1: j 1f\n1: j 1b')).toEqual([0x0040006f, 0x0000006f]);
	});

	it('reads included files through the include option', () => {
		const include = (name: string) => (name === 'defs.s' ? '.equ N, 42' : undefined);
		expect(words('.include "defs.s"\nli a0, N', { include })).toEqual([0x02a00513]);
		expect(assemble('.include "none.s"', { include }).diagnostics[0].message).toBe(
			"cannot include 'none.s': file not found"
		);
	});

	it('expands macros with default and named arguments and \\@', () => {
		const src = '.macro inc r, n=1\naddi \\r, \\r, \\n\n.endm\ninc a0\ninc a1, 5\ninc n=2, r=a2';
		expect(words(src)).toEqual([0x00150513, 0x00558593, 0x00260613]);
	});

	it('follows .if/.ifdef/.ifndef/.else with nesting', () => {
		const src =
			'.equ A, 1\n.ifdef A\n.ifndef A\nebreak\n.else\necall\n.endif\n.else\nebreak\n.endif\n.if A - 1\nebreak\n.endif';
		expect(words(src)).toEqual([0x00000073]);
	});

	it('skips C comments and ; separated statements', () => {
		expect(words('nop /* two\nlines */ ; ecall # the end')).toEqual([0x00000013, 0x00000073]);
	});
});

describe('assemble: macro calls mid-line', () => {
	it('keeps the statements that follow a macro call on the same line', () => {
		const { image } = assemble('.macro two\nnop\nnop\n.endm\ntwo; ecall');
		expect(image!.sections[0].bytes.length).toBe(12);
	});

	it('enters at the first code section when there is no _start and no .text', () => {
		const { image } = assemble('.data\n.word 1\n.section .text.init, "ax"\nnop');
		// .text.init is gathered into the output section .text, as link.ld does.
		expect(image!.sections.map((s) => s.name)).toEqual(['.text', '.data']);
		expect(image!.entry).toBe(image!.sections[0].address);
	});
});

describe('assemble: hostile input', () => {
	it('bounds expression size, nesting and chains of symbol definitions', () => {
		expect(errors(`li a0, ${'('.repeat(5000)}1${')'.repeat(5000)}`)[0].message).toMatch(
			/nested more than/
		);
		expect(errors(`.word ${Array(5000).fill('1').join('+')}`)[0].message).toMatch(/longer than/);
		const chain = Array.from({ length: 3000 }, (_, i) => `.equ s${i}, s${i + 1} + 1`).join('\n');
		expect(errors(`${chain}\n.equ s3000, 0\n.word s0`)[0].message).toMatch(
			/defined through more than/
		);
	});

	it('keeps strings and # comments intact while removing C comments', () => {
		const { image } = assemble('.data\n.ascii "a//b/*c*/#"  /* gone */\n.byte 1 # note');
		expect(new TextDecoder().decode(image!.sections[0].bytes)).toBe('a//b/*c*/#\u0001');
	});
});
