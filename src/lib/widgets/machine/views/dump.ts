/**
 * The memory view's hex dump: 16 bytes a row, rows starting at multiples of 16 as `xxd` and
 * `hexdump -C` draw them, each byte in hex and as ASCII. A byte nothing answered for (no memory
 * there, or a page that faults) is `··`; the places before the first byte asked for are blank.
 */
import { hex, hexByte } from './format.ts';

export const BYTES_PER_ROW = 16;

/** A byte's cell: its value, nothing there (no memory or a fault), or outside what was read. */
export type DumpCell =
	| { kind: 'byte'; value: number; text: string; ascii: string }
	| { kind: 'none'; text: '··'; ascii: '·' }
	| { kind: 'outside'; text: ''; ascii: ' ' };

export interface DumpRow {
	address: number;
	addressHex: string;
	cells: DumpCell[];
	/** The row's bytes as text: printable ASCII as itself, other bytes '.', missing ones '·'. */
	ascii: string;
}

/** Printable ASCII (0x20–0x7e) as itself, anything else as a dot. */
export function asciiOf(byte: number): string {
	return byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
}

function cellOf(byte: number | null | undefined): DumpCell {
	if (byte === undefined) return { kind: 'outside', text: '', ascii: ' ' };
	if (byte === null) return { kind: 'none', text: '··', ascii: '·' };
	return { kind: 'byte', value: byte, text: hexByte(byte), ascii: asciiOf(byte) };
}

/** The rows showing `bytes`, read from `address` on. */
export function dumpRows(address: number, bytes: readonly (number | null)[]): DumpRow[] {
	if (bytes.length === 0) return [];
	const first = address - (address % BYTES_PER_ROW);
	const end = address + bytes.length;
	const rows: DumpRow[] = [];
	for (let start = first; start < end; start += BYTES_PER_ROW) {
		const cells: DumpCell[] = [];
		for (let a = start; a < start + BYTES_PER_ROW; a++)
			cells.push(cellOf(a < address || a >= end ? undefined : bytes[a - address]));
		rows.push({
			address: start,
			addressHex: hex(start),
			cells,
			ascii: cells.map((c) => c.ascii).join('')
		});
	}
	return rows;
}
