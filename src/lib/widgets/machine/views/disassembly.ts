/**
 * The disassembly view's rows: address, instruction word, text, the label that starts there and
 * the source line that produced it, whether pc is there and whether a breakpoint is set.
 */
import type { DisassemblyLine } from '../../../emulator/session/machine-view.ts';
import { hex } from './format.ts';

export interface DisassemblyRow {
	address: number;
	addressHex: string;
	wordHex: string;
	text: string;
	label?: string;
	/** "main.s:12", when the source map covers the address. */
	place?: string;
	isPc: boolean;
	breakpoint: boolean;
}

export function disassemblyRows(lines: readonly DisassemblyLine[]): DisassemblyRow[] {
	return lines.map((line) => ({
		address: line.address,
		addressHex: hex(line.address),
		wordHex: hex(line.word),
		text: line.text,
		...(line.label !== undefined ? { label: line.label } : {}),
		...(line.place ? { place: `${line.place.file}:${line.place.line}` } : {}),
		isPc: line.isPc,
		breakpoint: line.breakpoint
	}));
}
