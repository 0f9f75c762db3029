/**
 * The TLB view's rows: one per valid entry, by slot, addresses in hex, each stage's cached leaf
 * flags as letters. A guest's entry (V = 1) also carries its VMID (hgatp) and the guest physical
 * page between its two stages (§9.5).
 */
import { hex } from './format.ts';
import type { LeafFlags, TlbEntryView } from './types.ts';

/** The leaf flags in bit order, R at bit 1 to D at bit 7 (§4.3.1, Figure 4.18); V is implied. */
const LEAF_ORDER: readonly (keyof LeafFlags)[] = ['R', 'W', 'X', 'U', 'G', 'A', 'D'];

/** A stage's flags as seven letters, '-' for a clear bit ("RWX-GAD"), or 'bare' for no stage. */
export function stageLetters(stage: LeafFlags | 'bare'): string {
	return stage === 'bare' ? 'bare' : LEAF_ORDER.map((f) => (stage[f] ? f : '-')).join('');
}

export interface TlbRow {
	index: number;
	vaHex: string;
	virt: boolean;
	asid: number;
	vmid?: number;
	global: boolean;
	stage1: string;
	stage2: string;
	paHex: string;
	gpaHex?: string;
}

export function tlbRows(entries: readonly TlbEntryView[]): TlbRow[] {
	return [...entries]
		.sort((a, b) => a.index - b.index)
		.map((e) => ({
			index: e.index,
			vaHex: hex(e.virtualPage),
			virt: e.virt,
			asid: e.asid,
			...(e.virt ? { vmid: e.vmid } : {}),
			global: e.global,
			stage1: stageLetters(e.stage1),
			stage2: stageLetters(e.stage2),
			paHex: hex(e.physicalPage),
			...(e.guestPhysicalPage !== undefined ? { gpaHex: hex(e.guestPhysicalPage) } : {})
		}));
}
