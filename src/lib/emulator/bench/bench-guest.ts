/**
 * The fixed compute-heavy guest of `virtlab bench` (issue 3): integer ALU work, loads and stores,
 * branches, multiply and divide, plus one ECALL per outer iteration handled by an M-mode trap
 * handler, so that trap tracing has something to record. It runs in M-mode without paging.
 * Machine code comes from the one encoder, isa/encode.ts, without the assembler.
 *
 * Layout: code at 0x80000000, the trap handler at 0x80000200, a 1 KiB array at 0x80010000.
 * It ends through the finisher with exit code 0 and leaves a checksum in a0.
 */
import { encodeNamed as enc } from '../isa/encode.ts';
import { Csr } from '../isa/csr.ts';
import { FINISHER_BASE } from '../machine/constants.ts';

const T0 = 5,
	T1 = 6,
	T2 = 7,
	S0 = 8,
	S1 = 9,
	A0 = 10,
	A1 = 11,
	A2 = 12,
	A3 = 13,
	A4 = 14,
	A5 = 15,
	A6 = 16,
	A7 = 17,
	S2 = 18,
	S3 = 19;

/** `li rd, value` as LUI+ADDI (always two words, so the layout does not depend on values). */
function li(rd: number, value: number): number[] {
	const lo = (value << 20) >> 20;
	const hi = (value - lo) | 0;
	return [enc('lui', { rd, imm: hi >>> 12 }), enc('addi', { rd, rs1: rd, imm: lo })];
}

/** Little-endian bytes of a word list. */
function toBytes(words: readonly number[]): Uint8Array {
	const out = new Uint8Array(words.length * 4);
	const dv = new DataView(out.buffer);
	words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
	return out;
}

export const BENCH_ENTRY = 0x80000000;
const HANDLER = 0x80000200;
const ARRAY = 0x80010000;
const INNER = 256;

/**
 * The inner loop: a mixed integer workload in the proportions of common integer benchmarks —
 * about a fifth loads and stores, a fifth branches, a multiply per iteration and a divide and
 * remainder every 16th iteration — over a 1 KiB array.
 */
function innerLoop(): number[] {
	const c: number[] = [];
	const at = () => c.length;
	const top = at();
	c.push(
		enc('lw', { rd: A1, rs1: T1, imm: 0 }),
		enc('lw', { rd: A2, rs1: T1, imm: 4 }),
		enc('add', { rd: A3, rs1: A1, rs2: A2 }),
		enc('xor', { rd: A3, rs1: A3, rs2: T0 }),
		enc('slli', { rd: A4, rs1: A3, imm: 3 }),
		enc('srli', { rd: A5, rs1: A3, imm: 5 }),
		enc('or', { rd: A4, rs1: A4, rs2: A5 }),
		enc('mul', { rd: A6, rs1: A4, rs2: S2 }),
		enc('sltu', { rd: A7, rs1: A6, rs2: A1 }),
		enc('add', { rd: A0, rs1: A0, rs2: A7 }),
		enc('andi', { rd: A5, rs1: A6, imm: 1 }),
		enc('beq', { rs1: A5, rs2: 0, imm: 8 }), // data-dependent branch
		enc('addi', { rd: A0, rs1: A0, imm: 3 }),
		enc('sub', { rd: A4, rs1: A6, rs2: A0 }),
		enc('sw', { rs1: T1, rs2: A4, imm: 0 }),
		enc('addi', { rd: T1, rs1: T1, imm: 4 }),
		enc('addi', { rd: T0, rs1: T0, imm: 1 }),
		enc('andi', { rd: A7, rs1: T0, imm: 15 }),
		enc('bne', { rs1: A7, rs2: 0, imm: 20 }), // every 16th iteration: divide
		enc('divu', { rd: A5, rs1: A6, rs2: S3 }),
		enc('remu', { rd: A4, rs1: A6, rs2: S3 }),
		enc('add', { rd: A0, rs1: A0, rs2: A5 }),
		enc('add', { rd: A0, rs1: A0, rs2: A4 })
	);
	c.push(enc('bne', { rs1: T0, rs2: T2, imm: (top - at()) * 4 }));
	return c;
}

/**
 * The guest image: `outer` iterations of 255 inner iterations each, about 5,040 instructions per
 * outer iteration (the data-dependent branch varies it slightly), so `virtlab bench`'s 20,000
 * make 100.8 million.
 */
export function benchGuest(outer: number): { bytes: Uint8Array; entry: number } {
	const code: number[] = [
		...li(T0, HANDLER),
		enc('csrrw', { rd: 0, rs1: T0, csr: Csr.mtvec }), // csrw mtvec, t0
		...li(S0, ARRAY),
		...li(S1, outer),
		...li(S2, 0x9e3779b1 | 0),
		...li(S3, 7)
	];
	const outerTop = code.length;
	code.push(
		enc('addi', { rd: T0, rs1: 0, imm: 0 }), // t0 = i
		enc('addi', { rd: T1, rs1: S0, imm: 0 }), // t1 = &array[0]
		enc('addi', { rd: T2, rs1: 0, imm: INNER - 1 })
	);
	code.push(...innerLoop());
	code.push(enc('ecall'), enc('addi', { rd: S1, rs1: S1, imm: -1 }));
	code.push(enc('bne', { rs1: S1, rs2: 0, imm: (outerTop - code.length) * 4 }));
	// Finish: finisher <- 0x5555 (pass); the checksum is left in a0.
	code.push(...li(T0, FINISHER_BASE), ...li(T1, 0x5555), enc('sw', { rs1: T0, rs2: T1, imm: 0 }));
	// Trap handler: mepc += 4; mret.
	const handler = [
		enc('csrrs', { rd: T0, rs1: 0, csr: Csr.mepc }),
		enc('addi', { rd: T0, rs1: T0, imm: 4 }),
		enc('csrrw', { rd: 0, rs1: T0, csr: Csr.mepc }),
		enc('mret')
	];
	const words = new Array<number>((HANDLER - BENCH_ENTRY) / 4 + handler.length).fill(0);
	if (code.length * 4 > HANDLER - BENCH_ENTRY)
		throw new Error('bench guest code overlaps its handler');
	code.forEach((w, i) => (words[i] = w));
	handler.forEach((w, i) => (words[(HANDLER - BENCH_ENTRY) / 4 + i] = w));
	return { bytes: toBytes(words), entry: BENCH_ENTRY };
}
