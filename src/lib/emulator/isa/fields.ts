/**
 * The decoder's field extractors: register and immediate fields of a 32-bit instruction word
 * (Volume I §2.2–2.3, Figure 2.4), as signed 32-bit integers. They are the compiled form of the
 * instruction table's layouts (table.ts `Field`, read generically by `unpackField`), written out
 * with constant shifts and masks because the executors call them for every slow-path instruction;
 * tests/unit/emulator/isa-decode/fields.test.ts checks each against `unpackField` on random words.
 */
export const rdOf = (w: number) => (w >>> 7) & 31;
export const rs1Of = (w: number) => (w >>> 15) & 31;
export const rs2Of = (w: number) => (w >>> 20) & 31;
/** I-type: bits 31:20, sign-extended. */
export const immI = (w: number) => w >> 20;
/** S-type: bits 31:25 and 11:7. */
export const immS = (w: number) => ((w >> 25) << 5) | ((w >>> 7) & 31);
/** B-type: bits 31, 7, 30:25, 11:8, times two. */
export const immB = (w: number) =>
	((w >> 31) << 12) | (((w >>> 7) & 1) << 11) | (((w >>> 25) & 63) << 5) | (((w >>> 8) & 15) << 1);
/** U-type: bits 31:12 in place (the `Field.immU` value shifted left by 12). */
export const immU = (w: number) => w & 0xfffff000;
/** J-type: bits 31, 19:12, 20, 30:21, times two. */
export const immJ = (w: number) =>
	((w >> 31) << 20) | (w & 0xff000) | (((w >>> 20) & 1) << 11) | (((w >>> 21) & 1023) << 1);
