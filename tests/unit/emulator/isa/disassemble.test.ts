/**
 * The disassembler against GNU objdump 2.40: every instruction word of the golden corpus
 * (tests/fixtures/asm-golden/*.disasm, from generate.sh), in both `-M no-aliases` and the default
 * alias mode. objdump's trailing `# address` comments (it remembers lui/auipc results across
 * instructions) are not part of a single instruction's text and are left out of the comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	disassemble,
	findInstruction,
	symbolizer
} from '../../../../src/lib/emulator/isa/disassemble.ts';
import { instructions } from '../../../../src/lib/emulator/isa/table.ts';

const dir = join(import.meta.dirname, '../../../fixtures/asm-golden');
const stripComment = (s: string) => s.replace(/ # .*$/, '');

interface Row {
	file: string;
	address: number;
	word: number;
	plain: string;
	aliased: string;
}

const rows: Row[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.disasm'))) {
	for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
		const [address, word, plain, aliased] = line.split('|');
		if (!word || word.length !== 8) continue; // 16-bit parcels are not instruction words here
		rows.push({
			file,
			address: parseInt(address, 16),
			word: parseInt(word, 16),
			plain: stripComment(plain),
			aliased: stripComment(aliased)
		});
	}
}

describe('disassemble matches GNU objdump', () => {
	it('has a corpus covering every instruction in the table', () => {
		const seen = new Set(rows.map((r) => findInstruction(r.word)?.name));
		expect(instructions.filter((s) => !seen.has(s.name)).map((s) => s.name)).toEqual([]);
		expect(rows.length).toBeGreaterThan(900);
	});

	it('prints every word as objdump -M no-aliases does', () => {
		const wrong = rows
			.map((r) => ({
				at: `${r.file}:${r.address.toString(16)}`,
				word: r.word.toString(16),
				got: disassemble(r.word, r.address, { aliases: false }),
				want: r.plain
			}))
			.filter((x) => x.got !== x.want);
		expect(wrong.slice(0, 10)).toEqual([]);
	});

	it('prints every word as objdump does with aliases', () => {
		const wrong = rows
			.map((r) => ({
				at: `${r.file}:${r.address.toString(16)}`,
				word: r.word.toString(16),
				got: disassemble(r.word, r.address),
				want: r.aliased
			}))
			.filter((x) => x.got !== x.want);
		expect(wrong.slice(0, 10)).toEqual([]);
	});
});

describe('disassemble', () => {
	it('names branch targets through the symbol callback, objdump style', () => {
		const symbol = (a: number) => (a === 0x80000010 ? 'loop' : undefined);
		// beq a0,a1,+16 at 0x80000000
		expect(disassemble(0x00b50863, 0x80000000, { symbol })).toBe('beq\ta0,a1,80000010 <loop>');
		expect(disassemble(0x00b50863, 0x80000000)).toBe('beq\ta0,a1,0x80000010');
	});

	it('names dret and uret as objdump does, in both modes, though the machine does not run them', () => {
		// objdump 2.40 (riscv-opc.c) prints these exact words by name and nothing near them.
		for (const aliases of [true, false]) {
			expect(disassemble(0x7b200073, 0, { aliases })).toBe('dret');
			expect(disassemble(0x00200073, 0, { aliases })).toBe('uret');
			expect(disassemble(0x7b200173, 0, { aliases })).toBe('.4byte\t0x7b200173');
			expect(disassemble(0x00200173, 0, { aliases })).toBe('.4byte\t0x200173');
		}
		expect(findInstruction(0x7b200073)).toBeUndefined();
	});

	it('prints unknown words as .4byte', () => {
		expect(disassemble(0xffffffff, 0)).toBe('.4byte\t0xffffffff');
		expect(disassemble(0, 0)).toBe('.4byte\t0x0');
	});
});

describe('symbolizer', () => {
	it('names an address by the nearest label at or below it, objdump style', () => {
		const name = symbolizer([
			{ name: 'loop', value: 0x80000010 },
			{ name: '_start', value: 0x80000000 }
		]);
		expect(name(0x80000010)).toBe('loop');
		expect(name(0x80000018)).toBe('loop+0x8');
		expect(name(0x7ffffffc)).toBeUndefined();
		expect(disassemble(0xff5ff06f, 0x80000018, { symbol: name })).toBe('j\t8000000c <_start+0xc>');
	});
});

describe('disassemble never throws', () => {
	it('prints some text for any 32-bit word and address', () => {
		fc.assert(
			fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), fc.nat(), (word, pc) => {
				expect(disassemble(word, pc).length).toBeGreaterThan(0);
				expect(disassemble(word, pc, { aliases: false }).length).toBeGreaterThan(0);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('CSR names', () => {
	it('match objdump for every CSR number 0..4095', () => {
		const names = readFileSync(join(dir, 'csr-names.txt'), 'utf8').trim().split('\n');
		expect(names.length).toBe(4096);
		const wrong = names
			.map((want, n) => {
				// csrrs a0, n, a1
				const word = ((n << 20) | (11 << 15) | (2 << 12) | (10 << 7) | 0x73) >>> 0;
				const got = disassemble(word, 0, { aliases: false }).split(',')[1];
				return { n, got, want };
			})
			.filter((x) => x.got !== x.want);
		expect(wrong).toEqual([]);
	});
});
