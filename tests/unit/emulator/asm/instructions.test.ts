import { describe, expect, it } from 'vitest';
import { loadImmediate } from '../../../../src/lib/emulator/asm/instructions.ts';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';
import { disassemble } from '../../../../src/lib/emulator/isa/disassemble.ts';

/** The program as objdump -M no-aliases text, one instruction per entry. */
function listing(source: string): string[] {
	const { image, diagnostics } = assemble(source, { base: 0 });
	expect(diagnostics).toEqual([]);
	const text = image!.sections[0];
	const v = new DataView(text.bytes.buffer);
	return Array.from({ length: text.bytes.length / 4 }, (_, i) =>
		disassemble(v.getUint32(4 * i, true), 4 * i, { aliases: false }).replace('\t', ' ')
	);
}

describe('li', () => {
	it('uses one addi when the value fits in 12 bits, else lui with rounding and addi', () => {
		const names = (v: number) =>
			loadImmediate(10, v, { column: 1, endColumn: 2 }).map((r) => r.spec.name);
		expect(names(2047)).toEqual(['addi']);
		expect(names(-2048)).toEqual(['addi']);
		expect(names(0x12345000)).toEqual(['lui']);
		expect(names(0x800)).toEqual(['lui', 'addi']);
		expect(listing('li a0, 0x7ffff800')).toEqual(['lui a0,0x80000', 'addi a0,a0,-2048']);
		expect(listing('li a0, 0xffffffff')).toEqual(['addi a0,zero,-1']);
	});

	it('rejects values wider than 32 bits', () => {
		expect(assemble('li a0, 0x100000000').diagnostics[0].message).toBe(
			'li value 4294967296 does not fit in 32 bits'
		);
	});
});

describe('pseudo-instructions', () => {
	it('expand as GNU as expands them', () => {
		expect(
			listing(
				'mv a0, a1\nnot a0, a1\nneg a0, a1\nseqz a0, a1\nsnez a0, a1\nsltz a0, a1\nsgtz a0, a1'
			)
		).toEqual([
			'addi a0,a1,0',
			'xori a0,a1,-1',
			'sub a0,zero,a1',
			'sltiu a0,a1,1',
			'sltu a0,zero,a1',
			'slt a0,a1,zero',
			'slt a0,zero,a1'
		]);
		expect(listing('x: bgt a0, a1, x\nble a0, a1, x\nbgtu a0, a1, x\nbleu a0, a1, x')).toEqual([
			'blt a1,a0,0x0',
			'bge a1,a0,0x0',
			'bltu a1,a0,0x0',
			'bgeu a1,a0,0x0'
		]);
		expect(listing('csrw mstatus, a0\ncsrsi mie, 8\ncsrr a0, mcause\nrdtime a1')).toEqual([
			'csrrw zero,mstatus,a0',
			'csrrsi zero,mie,8',
			'csrrs a0,mcause,zero',
			'csrrs a1,time,zero'
		]);
		expect(listing('call f\ntail f\nf: ret')).toEqual([
			'auipc ra,0x0',
			'jalr ra,16(ra)',
			'auipc t1,0x0',
			'jalr zero,8(t1)',
			'jalr zero,0(ra)'
		]);
		expect(listing('fence\nfence.tso\nsfence.vma a0')).toEqual([
			'fence iorw,iorw',
			'fence.tso',
			'sfence.vma a0,zero'
		]);
	});

	it('accept the jal and jalr short forms', () => {
		expect(listing('x: jal x\njalr a0\njalr t0, a1, 4\njr 8(a2)')).toEqual([
			'jal ra,0x0',
			'jalr ra,0(a0)',
			'jalr t0,4(a1)',
			'jalr zero,8(a2)'
		]);
	});

	it('take AMO ordering suffixes and both address spellings', () => {
		expect(listing('amoswap.w.aqrl a0, a1, 0(a2)\nlr.w.aq a0, (a1)')).toEqual([
			'amoswap.w.aqrl a0,a1,(a2)',
			'lr.w.aq a0,(a1)'
		]);
		expect(assemble('lr.w a0, 4(a1)').diagnostics[0].message).toBe(
			'lr.w takes no offset: write (rs1) or 0(rs1)'
		);
	});

	it('explain the forms they accept when the operands do not fit', () => {
		expect(assemble('jalr').diagnostics[0].message).toBe(
			'jalr expects 1 to 3 operands: rs | rd, offset(rs1) | rd, rs1, imm12'
		);
		expect(assemble('ret a0').diagnostics[0].message).toBe('ret expects 0 operands');
	});
});

describe('jump targets', () => {
	it('point a register given as a label to jr and jalr', () => {
		for (const src of ['j a0', 'jal a0', 'beqz a1, a0', 'beq a0, a1, t0']) {
			expect(assemble(src).diagnostics[0].message).toMatch(
				/^expected a label as the target, found register/
			);
		}
	});
});
