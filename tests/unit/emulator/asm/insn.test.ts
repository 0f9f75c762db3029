/**
 * `.insn`: the expected words are what GNU as 2.40 (riscv64-unknown-elf-as -march=rv32ima_zicsr)
 * assembles for the same lines.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../src/lib/emulator/asm/index.ts';

function text(source: string): number[] {
	const { image, diagnostics } = assemble(source);
	expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	return [...image!.sections.find((s) => s.name === '.text')!.bytes];
}

function words(source: string): number[] {
	const bytes = text(source);
	return Array.from({ length: bytes.length / 4 }, (_, i) =>
		new DataView(Uint8Array.from(bytes).buffer).getUint32(4 * i, true)
	);
}

const errors = (source: string) =>
	assemble(source).diagnostics.filter((d) => d.severity === 'error');

describe('.insn with a format', () => {
	it('encodes the r, r4, i, s, b, u and j forms', () => {
		expect(
			words(
				[
					'.insn r 0x33, 0, 0, a0, a1, a2',
					'.insn r 0x33, 0, 0, a0, a1, a2, a3',
					'.insn r4 0x43, 0, 0, a0, a1, a2, a3',
					'.insn i 0x13, 0, a0, a1, 13',
					'.insn i 0x03, 2, a0, 4(a1)',
					'.insn s 0x23, 2, a0, 4(a1)',
					'.insn u 0x37, a0, 0x1000',
					'.insn r 0x33, 7, 127, x31, x31, x31'
				].join('\n')
			)
		).toEqual([
			0x00c58533, 0x68c58533, 0x68c58543, 0x00d58513, 0x0045a503, 0x00a5a223, 0x01000537, 0xffffffb3
		]);
	});

	it('resolves branch and jump targets, also under the old names sb and uj', () => {
		const src =
			'top: .insn b 0x63, 0, a0, a1, top\n.insn sb 0x63, 7, a0, a1, 1f\n' +
			'.insn j 0x6f, a0, top\n.insn uj 0x6f, a0, 1f\n1:';
		expect(words(src)).toEqual([0x00b50063, 0x00b57663, 0xff9ff56f, 0x0040056f]);
	});

	it('takes the opcode names GNU as knows, in capitals', () => {
		expect(
			words(
				[
					'.insn r OP, 0, 0, a0, a1, a2',
					'.insn i OP_IMM, 0, a0, a1, 13',
					'.insn i LOAD, 2, a0, 4(a1)',
					'.insn i JALR, 0, a0, 4(a1)',
					'.insn s STORE, 2, a0, 4(a1)',
					'.insn u LUI, a0, 0x1000',
					'.insn u AUIPC, a0, 0x1000',
					'.insn i SYSTEM, 0, a0, a1, 1',
					'.insn r AMO, 2, 0, a0, a1, a2',
					'.insn r MADD, 0, 0, a0, a1, a2, a3'
				].join('\n')
			)
		).toEqual([
			0x00c58533, 0x00d58513, 0x0045a503, 0x00458567, 0x00a5a223, 0x01000537, 0x01000517,
			0x00158573, 0x00c5a52f, 0x68c58543
		]);
		expect(errors('.insn r op, 0, 0, a0, a1, a2')[0].message).toMatch(/^unknown opcode 'op'/);
	});

	it('takes %lo and %hi like the instructions of the same format', () => {
		const { image } = assemble(
			'.insn u 0x37, a0, %hi(x)\n.insn i 0x13, 0, a0, a0, %lo(x)\n.data\n.word 0\nx: .word 0'
		);
		expect(image).toBeDefined();
		// .data follows the 8 bytes of code, so x = 0x8000000c.
		const t = image!.sections[0].bytes;
		const v = new DataView(t.buffer, t.byteOffset);
		expect(v.getUint32(0, true)).toBe(0x80000537);
		expect(v.getUint32(4, true)).toBe(0x00c50513);
	});

	it('pads an instruction whose opcode marks a longer length with zeros, as GNU as does', () => {
		// 0x1f in bits 4:0 means a 48-bit instruction (riscv_insn_length in binutils); the section
		// then ends with a 2-byte c.nop, as GNU as pads code.
		expect(text('.insn r 0x1f, 0, 0, a0, a1, a2')).toEqual([0x1f, 0x85, 0xc5, 0, 0, 0, 1, 0]);
	});

	it('reports fields out of range where they are', () => {
		const check = (line: string, message: RegExp, operand: string) => {
			const [e] = errors(line);
			expect(e.message).toMatch(message);
			expect(line.slice(e.column - 1, e.endColumn - 1)).toBe(operand);
		};
		check('.insn r 0x30, 0, 0, a0, a1, a2', /opcode.*0\.\.\.127.*lower 2 bits/, '0x30');
		check('.insn r 0x10000000033, 0, 0, a0, a1, a2', /opcode/, '0x10000000033');
		check('.insn r -1, 0, 0, a0, a1, a2', /opcode/, '-1');
		check('.insn r 0x33, 8, 0, a0, a1, a2', /funct3.*0\.\.\.7/, '8');
		check('.insn r 0x33, 0, 128, a0, a1, a2', /funct7.*0\.\.\.127/, '128');
		check('.insn r 0x33, 0, 4, a0, a1, a2, a3', /funct2.*0\.\.\.3/, '4');
		check('.insn i 0x13, 0, a0, a1, 2048', /immediate 2048 out of range/, '2048');
		check('.insn u 0x37, a0, 0x100000', /out of range 0\.\.1048575/, '0x100000');
		check('.insn r 0x33, 0, 0, a0, a1, 5', /expected a register/, '5');
		check('.insn q 0x33, 0, 0, a0, a1, a2', /unknown \.insn format 'q'/, 'q');
		check('.insn r 0x7f, 7, 0, a0, a1, a2', /192 bits or more/, '0x7f');
	});

	it('says which operands a form takes', () => {
		expect(errors('.insn r 0x33, 0, 0, a0, a1')[0].message).toBe(
			'.insn r expects opcode, funct3, funct7, rd, rs1, rs2 (or opcode, funct3, funct2, rd, rs1, rs2, rs3)'
		);
		expect(errors('.insn s 0x23, 2, a0, a1, 4')[0].message).toBe(
			'.insn s expects opcode, funct3, rs2, offset(rs1)'
		);
	});
});

describe('.insn with a value', () => {
	it('emits the value with the length its low bits give', () => {
		expect(words('.insn 0x12345673\n.insn 4, 0x12345673')).toEqual([0x12345673, 0x12345673]);
		expect(text('.insn 0x0001\n.insn 2, 0x0001')).toEqual([1, 0, 1, 0]);
		expect(text('.insn 0x1f')).toEqual([0x1f, 0, 0, 0, 0, 0, 1, 0]);
		expect(text('.insn 8, 0x3f')).toEqual([0x3f, 0, 0, 0, 0, 0, 0, 0]);
		expect(text('.insn 0x107f')).toEqual([0x7f, 0x10, ...Array(10).fill(0)]);
		expect(words('.equ W, 0x13\n.insn W')).toEqual([0x13]);
	});

	it('refuses a value that does not fit its length, or a length that does not match', () => {
		for (const line of ['.insn 0x12345678', '.insn 4, 0x0001', '.insn 0x123456789', '.insn -1']) {
			expect(errors(line)[0].message).toMatch(/^value conflicts with instruction length/);
		}
		expect(errors('.insn 2, 1, 3')[0].message).toMatch(/^unrecognized values/);
		expect(errors('.insn later\nlater:')[0].message).toMatch(/values must be constant/);
		expect(errors('.insn')[0].message).toMatch(/^\.insn expects/);
	});
});
