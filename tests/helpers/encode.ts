/**
 * Machine code for tests that need instructions without the assembler: a thin layer over the
 * emulator's one encoder (src/lib/emulator/isa/encode.ts). Operands are numbers: registers as
 * 0..31, immediates as signed integers, branch and jump offsets in bytes, and `lui`/`auipc` take
 * the 20-bit upper immediate (as `lui rd, imm` does in assembly).
 */
import { encodeNamed, type OperandValues } from '../../src/lib/emulator/isa/encode.ts';

/** Encodes one instruction from its mnemonic and operand values, as a signed 32-bit word. */
export function enc(name: string, values: OperandValues = {}): number {
	return encodeNamed(name, values) | 0;
}

/** `li rd, value` as LUI+ADDI (always two words, so programs keep fixed layouts). */
export function li(rd: number, value: number): number[] {
	const lo = (value << 20) >> 20;
	const hi = (value - lo) | 0;
	return [enc('lui', { rd, imm: hi >>> 12 }), enc('addi', { rd, rs1: rd, imm: lo })];
}

/** Little-endian bytes of a word list. */
export function toBytes(words: readonly number[]): Uint8Array {
	const out = new Uint8Array(words.length * 4);
	const dv = new DataView(out.buffer);
	words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
	return out;
}
