/**
 * Numbers as every machine view writes them. One hex style everywhere: `0x` and at least eight
 * lower-case digits, no separators (0x80000000), so addresses line up in columns and can be pasted
 * back into the go-to box or an assembler source.
 */
import type { NumberFormat } from './types.ts';

/**
 * A 32-bit value or an address in hex: 0x80000000. Negative numbers are read as 32-bit words
 * (-1 → 0xffffffff); physical addresses above 2^32 (Sv32 reaches 34 bits, §4.3.1) keep all digits.
 */
export function hex(n: number): string {
	const value = n < 0 ? n >>> 0 : n;
	return '0x' + value.toString(16).padStart(8, '0');
}

/** A byte as two hex digits, without prefix: 0x0a → "0a". */
export function hexByte(b: number): string {
	return (b & 0xff).toString(16).padStart(2, '0');
}

/** A small number such as a CSR's number or a cause code in hex, without padding: 0x300. */
export function hexShort(n: number): string {
	return '0x' + (n >>> 0).toString(16);
}

/** A 32-bit register value in the chosen format: hex, unsigned (0 … 2^32−1) or signed (two's complement). */
export function formatValue(value: number, format: NumberFormat): string {
	if (format === 'unsigned') return String(value >>> 0);
	if (format === 'signed') return String(value | 0);
	return hex(value >>> 0);
}
