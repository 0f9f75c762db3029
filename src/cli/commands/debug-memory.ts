/**
 * `virtlab debug`'s `mem ADDR [N] [virtual]` (alias `x`): its arguments, and the playground's hex
 * dump (src/lib/widgets/machine/views/dump.ts) written for a terminal, as `hexdump -C` does:
 *
 *     0x80003000  fe ca 0d 60 00 00 00 00  00 00 00 00 00 00 00 00  |...`............|
 *
 * ADDR is read by the memory view's own parser (views/address.ts): 0xHEX, decimal, a label or a
 * register (sp, a0, x2), optionally + or − an offset (`sp+16`, `buffer + 0x40`).
 */
import type { AddressSpace } from '../../lib/widgets/machine/views/types.ts';
import { LIMITS, type AddressParse } from '../../lib/widgets/machine/views/address.ts';
import { BYTES_PER_ROW, dumpRows, type DumpCell } from '../../lib/widgets/machine/views/dump.ts';
import { hex } from '../../lib/widgets/machine/views/format.ts';
import { MEMORY_VIEW_MAX_LENGTH } from '../../lib/emulator/session/memory-view.ts';

export const DEFAULT_LENGTH = 64;

export interface MemoryArgs {
	/** The address as typed, for parseAddress. */
	address: string;
	length: number;
	space: AddressSpace;
}

const WHOLE = /^(?:0x[0-9a-f]+|\d+)$/i;

/**
 * `ADDR [N] [virtual]`. The address may contain spaces (`buffer + 16`), so N is the last word only
 * when that word does not continue an expression: `buffer + 16` is an address, `buffer+16 32`
 * an address and a length.
 */
export function parseMemoryArgs(args: readonly string[]): MemoryArgs | string {
	const words = [...args];
	const space: AddressSpace = words.at(-1) === 'virtual' ? 'virtual' : 'physical';
	if (space === 'virtual') words.pop();
	let length = DEFAULT_LENGTH;
	const last = words.at(-1) ?? '';
	const before = words.at(-2);
	if (before !== undefined && !/[+-]$/.test(before) && !/^[+-]/.test(last)) {
		words.pop();
		const n = WHOLE.test(last) ? Number(last) : NaN;
		if (!(n >= 1 && n <= MEMORY_VIEW_MAX_LENGTH))
			return `'${last}' is not a length: give 1 to ${MEMORY_VIEW_MAX_LENGTH} bytes`;
		length = n;
	}
	if (words.length === 0) return 'mem wants an address: mem ADDR [N] [virtual]';
	return { address: words.join(' '), length, space };
}

/** Why an address did not parse, in words. */
export function addressError(
	parse: Extract<AddressParse, { ok: false }>,
	text: string,
	space: AddressSpace
): string {
	switch (parse.reason) {
		case 'empty':
			return 'mem wants an address: mem ADDR [N] [virtual]';
		case 'invalid':
			return `'${text}' is not an address (0xHEX, decimal, a label, a register or pc, then + or - a number)`;
		case 'unknown':
			return `no label or register '${parse.name}'`;
		case 'range':
			return `'${text}' is outside the ${space} addresses (0 to ${hex(LIMITS[space])})`;
	}
}

/** A byte as two characters: its hex, `··` where nothing answered, blank outside what was read. */
function cellText(cell: DumpCell): string {
	return cell.kind === 'outside' ? '  ' : cell.text;
}

/** The dump of `bytes` read from `address`: 16 bytes a row, in two groups of 8, then the ASCII. */
export function dumpLines(address: number, bytes: readonly (number | null)[]): string[] {
	const half = BYTES_PER_ROW / 2;
	const lines = dumpRows(address, bytes).map((row) => {
		const cells = row.cells.map(cellText);
		const left = cells.slice(0, half).join(' ');
		const right = cells.slice(half).join(' ');
		return `${row.addressHex}  ${left}  ${right}  |${row.ascii}|`;
	});
	if (bytes.includes(null))
		lines.push(
			'·· nothing answered: no RAM there, a device (not read: reading may change it), or a page that faults'
		);
	return lines;
}
