/**
 * `virtlab debug`'s `tlb`: the valid entries of the hart's TLB as a table of text, one line an
 * entry, from the playground's TLB rows (src/lib/widgets/machine/views/tlb.ts). A guest's entry
 * (V = 1) also shows its VMID and the guest physical page between its two stages (§9.5).
 */
import type { TlbEntryView } from '../../lib/emulator/session/tlb-view.ts';
import { tlbRows, type TlbRow } from '../../lib/widgets/machine/views/tlb.ts';

interface Column {
	title: string;
	cell: (row: TlbRow) => string;
	/** Numbers line up on the right, like `ls -l`'s sizes. */
	right?: boolean;
}

const COLUMNS: Column[] = [
	{ title: 'entry', cell: (r) => String(r.index), right: true },
	{ title: 'virtual page', cell: (r) => r.vaHex },
	{ title: 'V', cell: (r) => (r.virt ? '1' : '0') },
	{ title: 'ASID', cell: (r) => String(r.asid), right: true },
	{ title: 'VMID', cell: (r) => (r.vmid === undefined ? '-' : String(r.vmid)), right: true },
	{ title: 'global', cell: (r) => (r.global ? 'yes' : 'no') },
	{ title: 'stage 1', cell: (r) => r.stage1 },
	{ title: 'stage 2', cell: (r) => r.stage2 },
	{ title: 'physical page', cell: (r) => r.paHex },
	{ title: 'guest physical page', cell: (r) => r.gpaHex ?? '-' }
];

/** The table's lines, a heading first; a single line when no entry is valid. */
export function tlbLines(entries: readonly TlbEntryView[]): string[] {
	const rows = tlbRows(entries);
	if (rows.length === 0) return ['no valid entries'];
	const table = [COLUMNS.map((c) => c.title), ...rows.map((r) => COLUMNS.map((c) => c.cell(r)))];
	const widths = COLUMNS.map((_, i) => Math.max(...table.map((line) => line[i].length)));
	return table.map((line) =>
		line
			.map((text, i) => (COLUMNS[i].right ? text.padStart(widths[i]) : text.padEnd(widths[i])))
			.join('  ')
			.trimEnd()
	);
}
