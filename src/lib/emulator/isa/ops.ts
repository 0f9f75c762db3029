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
