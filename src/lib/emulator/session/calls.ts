/**
 * Recognising a call, for "step over". The base ISA has no call instruction: a call is a JAL or
 * JALR that writes the return address to a link register. The specification names x1 (ra) as the
 * standard link register and x5 (t0) as the alternate one, and tells return-address predictors to
 * treat a JAL/JALR with rd = x1 or x5 as a call (Volume I §2.5.1, Table 2.1). We do the same.
 */
const OPCODE_JAL = 0x6f;
const OPCODE_JALR = 0x67;
const RA = 1;
const T0 = 5;

/** Whether the instruction word is a call: JAL or JALR writing x1 or x5. */
export function isCall(word: number): boolean {
	const opcode = word & 0x7f;
	const rd = (word >>> 7) & 31;
	return (opcode === OPCODE_JAL || opcode === OPCODE_JALR) && (rd === RA || rd === T0);
}
