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

	it('into x0 always ends with addi, as GNU as does (load_const keeps addi when the lui went to x0)', () => {
		// Bytes from riscv64-unknown-elf-as 2.40: lui x0 leaves x0 zero, so GNU's "is the high
		// register still x0?" test also emits the addi, even with a zero low part.
		expect(listing('li x0, 4096')).toEqual(['lui zero,0x1', 'addi zero,zero,0']);
		expect(listing('li x0, 0x80000000')).toEqual(['lui zero,0x80000', 'addi zero,zero,0']);
		expect(listing('li x0, 0x12345678')).toEqual(['lui zero,0x12345', 'addi zero,zero,1656']);
		expect(listing('li x0, 2048')).toEqual(['lui zero,0x1', 'addi zero,zero,-2048']);
		expect(listing('li x0, 5\nli x0, 0\nli x0, -1')).toEqual([
			'addi zero,zero,5',
			'addi zero,zero,0',
			'addi zero,zero,-1'
		]);
		// Other registers keep the one-instruction lui.
		expect(listing('li a0, 0x12345000')).toEqual(['lui a0,0x12345']);
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

describe('GNU as expansions of call, la and lla', () => {
	it('call rd, symbol goes through t1, whatever rd is', () => {
		// GNU's opcode table gives "call d,c" the fixed rs1 t1; only plain "call c" uses ra.
		expect(listing('call a0, f\ncall ra, f\ncall zero, f\nf: nop')).toEqual([
			'auipc t1,0x0',
			'jalr a0,24(t1)',
			'auipc t1,0x0',
			'jalr ra,16(t1)',
			'auipc t1,0x0',
			'jalr zero,8(t1)',
			'addi zero,zero,0'
		]);
	});

	it('la and lla of a constant load it like li', () => {
		expect(listing('la a0, 5\nlla a1, 0x80000010\nla t0, -1\nla t1, 0x800')).toEqual([
			'addi a0,zero,5',
			'lui a1,0x80000',
			'addi a1,a1,16',
			'addi t0,zero,-1',
			'lui t1,0x1',
			'addi t1,t1,-2048'
		]);
		expect(listing('.equ K, 0x12345678\n.equ S, 5\nla a2, K\nlla a3, S\nla x0, 4096')).toEqual([
			'lui a2,0x12345',
			'addi a2,a2,1656',
			'addi a3,zero,5',
			'lui zero,0x1',
			'addi zero,zero,0'
		]);
	});

	it('la of a symbol defined later, or of a label, stays PC-relative', () => {
		// Linked at 0x80000000, GNU emits auipc a0,0x80001 / addi a0,a0,0 for the later
		// .equ L, 0x1000 (the constant is not known yet when la is read).
		const { image } = assemble('la a0, L\nla a1, x\nx: nop\n.equ L, 0x1000', {
			base: 0x80000000
		});
		const v = new DataView(image!.sections[0].bytes.buffer);
		expect([0, 4, 8, 12].map((o) => v.getUint32(o, true))).toEqual([
			0x80001517, 0x00050513, 0x00000597, 0x00858593
		]);
	});

	it('la rejects a constant above 32 bits as GNU does', () => {
		expect(assemble('la a0, 0x100000000').diagnostics[0].message).toBe('offset too large');
	});
});

describe('Zbb-like and other GNU pseudo-instructions', () => {
	it('sext.b, sext.h and zext.h are shift pairs on RV32 without Zbb', () => {
		expect(listing('sext.b a0, a1\nsext.h a2, a3\nzext.h a4, a5')).toEqual([
			'slli a0,a1,0x18',
			'srai a0,a0,0x18',
			'slli a2,a3,0x10',
			'srai a2,a2,0x10',
			'slli a4,a5,0x10',
			'srli a4,a4,0x10'
		]);
	});

	it('sgt and sgtu swap the sources of slt and sltu', () => {
		expect(listing('sgt t0, t1, t2\nsgtu s0, s1, s2')).toEqual(['slt t0,t2,t1', 'sltu s0,s2,s1']);
	});

	it('jump label, temp is auipc temp + jalr zero', () => {
		expect(listing('jump f, t0\njump f, a0\nf: nop')).toEqual([
			'auipc t0,0x0',
			'jalr zero,16(t0)',
			'auipc a0,0x0',
			'jalr zero,8(a0)',
			'addi zero,zero,0'
		]);
		expect(assemble('jump f\nf: nop').diagnostics[0].message).toBe(
			'jump expects 2 operands: label, temp'
		);
		// GNU rejects the register-first order too ("illegal operands"); we say which order to use.
		expect(assemble('jump a0, f\nf: nop').diagnostics[0].message).toMatch(
			/^expected a label as the target, found register 'a0' \(jump takes the label first/
		);
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
