/**
 * A deliberately tiny instruction encoder, driven by the instruction table, for the built-in
 * benchmark guest and for tests that need machine code without the assembler (src/lib/emulator/asm
 * is the real one). Operands are numbers: registers as 0..31, immediates as signed integers,
 * branch and jump offsets in bytes.
 */
import { instructionByName } from '../isa/table.ts';

export interface Fields {
	rd?: number;
	rs1?: number;
	rs2?: number;
	imm?: number;
	csr?: number;
}

/** Encodes one instruction from its mnemonic and fields. */
export function enc(name: string, f: Fields = {}): number {
	const spec = instructionByName.get(name);
	if (!spec) throw new Error(`tiny encoder: unknown instruction '${name}'`);
	let w = spec.match | 0;
	const imm = f.imm ?? 0;
	for (const kind of spec.operands) {
		switch (kind) {
			case 'rd':
				w |= (f.rd ?? 0) << 7;
				break;
			case 'rs1':
			case 'addr':
				w |= (f.rs1 ?? 0) << 15;
				break;
			case 'rs2':
				w |= (f.rs2 ?? 0) << 20;
				break;
			case 'memI':
				w |= ((f.rs1 ?? 0) << 15) | ((imm & 0xfff) << 20);
				break;
			case 'imm12':
				w |= (imm & 0xfff) << 20;
				break;
			case 'shamt':
				w |= (imm & 31) << 20;
				break;
			case 'memS':
				w |= ((f.rs1 ?? 0) << 15) | ((imm & 0x1f) << 7) | (((imm >> 5) & 0x7f) << 25);
				break;
			case 'branch':
				w |=
					(((imm >> 12) & 1) << 31) |
					(((imm >> 5) & 0x3f) << 25) |
					(((imm >> 1) & 0xf) << 8) |
					(((imm >> 11) & 1) << 7);
				break;
			case 'jump':
				w |=
					(((imm >> 20) & 1) << 31) |
					(((imm >> 1) & 0x3ff) << 21) |
					(((imm >> 11) & 1) << 20) |
					(((imm >> 12) & 0xff) << 12);
				break;
			case 'upper':
				w |= imm & 0xfffff000;
				break;
			case 'csr':
				w |= (f.csr ?? 0) << 20;
				break;
			case 'uimm5':
				w |= (imm & 31) << 15;
				break;
			case 'pred':
			case 'succ':
				w |= 0xff << 20;
				break;
		}
	}
	return w | 0;
}

/** `li rd, value` as LUI+ADDI (always two words, so programs keep fixed layouts). */
export function li(rd: number, value: number): number[] {
	const lo = (value << 20) >> 20;
	const hi = (value - lo) | 0;
	return [enc('lui', { rd, imm: hi }), enc('addi', { rd, rs1: rd, imm: lo })];
}

/** Little-endian bytes of a word list. */
export function toBytes(words: readonly number[]): Uint8Array {
	const out = new Uint8Array(words.length * 4);
	const dv = new DataView(out.buffer);
	words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
	return out;
}
