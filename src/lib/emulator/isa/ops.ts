/**
 * Operation ids derived from the instruction table (DESIGN.md §1.2: one table drives decoding and
 * dispatch). An instruction's id is its position in `instructions` plus one, so id 0 can mean
 * "not decoded yet" in the pre-decoded instruction cache. The executor switches on these ids with
 * integer literal case labels (V8 builds a jump table only for literal cases); a unit test checks
 * that `executorOpNames` in machine/execute.ts lists exactly the table's mnemonics in id order.
 */
import { instructions } from './table.ts';

/** Id of an illegal (undecodable) word in the pre-decoded cache. */
export const OP_ILLEGAL = 127;
/** Id of a word that carries a debugger breakpoint (see Machine.setBreakpoint). */
export const OP_BREAKPOINT = 126;

/** The op id of a mnemonic, for tests and tools. */
export function opId(name: string): number {
	const i = instructions.findIndex((s) => s.name === name);
	if (i < 0) throw new Error(`no instruction named '${name}' in the table`);
	return i + 1;
}

/** Table entries bucketed by major opcode (bits 6:0), so decoding scans a handful of entries. */
const byOpcode: { id: number; match: number; mask: number }[][] = Array.from(
	{ length: 128 },
	() => []
);
instructions.forEach((s, i) => {
	byOpcode[s.match & 0x7f].push({ id: i + 1, match: s.match | 0, mask: s.mask | 0 });
});

/** Finds the op id of a 32-bit instruction word, or OP_ILLEGAL. */
export function decodeOp(word: number): number {
	const bucket = byOpcode[word & 0x7f];
	for (let i = 0; i < bucket.length; i++) {
		const e = bucket[i];
		if ((word & e.mask) === e.match) return e.id;
	}
	return OP_ILLEGAL;
}

/** How the pre-decoded cache stores an instruction's immediate, derived from its operand kinds. */
export const IMM_RAW = 0; // the whole instruction word (R-type, AMOs, SYSTEM without csr)
export const IMM_I = 1;
export const IMM_S = 2;
export const IMM_B = 3;
export const IMM_U = 4;
export const IMM_J = 5;
export const IMM_SHAMT = 6;
export const IMM_CSR = 7;

/** immKindById[id]: one of the IMM_* kinds. */
export const immKindById: Uint8Array = (() => {
	const kinds = new Uint8Array(256);
	instructions.forEach((s, i) => {
		const ops = s.operands;
		let kind = IMM_RAW;
		if (ops.includes('upper')) kind = IMM_U;
		else if (ops.includes('jump')) kind = IMM_J;
		else if (ops.includes('branch')) kind = IMM_B;
		else if (ops.includes('memS')) kind = IMM_S;
		else if (ops.includes('memI') || ops.includes('imm12')) kind = IMM_I;
		else if (ops.includes('shamt')) kind = IMM_SHAMT;
		else if (ops.includes('csr')) kind = IMM_CSR;
		kinds[i + 1] = kind;
	});
	return kinds;
})();
