/**
 * The page walk under the memory view's virtual toggle, as lines to list in order: each page-table
 * entry the hart would read (Volume II §4.3.2 for Sv32; §9.5 for the VS-stage and the G-stage at
 * V = 1), then where the address lands or the exception the access would raise.
 */
import type { PteFlags, WalkStep } from '../../../emulator/mmu/view-translation.ts';
import type { Lang } from '../../../i18n/index.ts';
import { hex } from './format.ts';
import { trapCauseNameIn } from './localize.ts';
import type { ViewTranslation } from './types.ts';

/** The PTE flag bits in bit order, V at bit 0 to D at bit 7 (§4.3.1, Figure 4.18). */
const FLAG_ORDER: readonly (keyof PteFlags)[] = ['V', 'R', 'W', 'X', 'U', 'G', 'A', 'D'];

/** A PTE's flags as eight letters, '-' for a clear bit: "VRWX-GAD". */
export function flagLetters(flags: PteFlags): string {
	return FLAG_ORDER.map((f) => (flags[f] ? f : '-')).join('');
}

export interface WalkLine {
	stage: WalkStep['stage'];
	level: number;
	pteAddrHex: string;
	/** Where the PTE lies in physical memory, when that differs from its address (a VS-stage PTE). */
	ptePaHex?: string;
	/** For a G-stage step, the guest physical address it translates and why. */
	gpaHex?: string;
	purpose?: WalkStep['purpose'];
	rawHex: string;
	flags: string;
	kind: WalkStep['kind'];
	/** The PPN field as an address: the next table's, or the page's. */
	nextHex: string;
}

export type WalkResult =
	| { ok: true; paHex: string; gpaHex?: string; pageSize?: number }
	| { ok: false; cause: number; causeName: string; gpaHex?: string };

export interface WalkView {
	/** Stages in effect; [] when addresses are physical (satp Bare, or M-mode). */
	stages: WalkStep['stage'][];
	lines: WalkLine[];
	result: WalkResult;
}

/** The walk's lines and result; a fault's cause is named in `lang`. */
export function walkView(lang: Lang, t: ViewTranslation): WalkView {
	const lines = t.steps.map((s): WalkLine => ({
		stage: s.stage,
		level: s.level,
		pteAddrHex: hex(s.pteAddr),
		...(s.ptePa !== s.pteAddr ? { ptePaHex: hex(s.ptePa) } : {}),
		...(s.gpa !== undefined ? { gpaHex: hex(s.gpa), purpose: s.purpose } : {}),
		rawHex: hex(s.raw),
		flags: flagLetters(s.flags),
		kind: s.kind,
		nextHex: hex(s.ppn * 4096)
	}));
	const gpaHex = t.gpa !== undefined ? { gpaHex: hex(t.gpa) } : {};
	const result: WalkResult = t.ok
		? { ok: true, paHex: hex(t.pa), ...gpaHex, ...(t.pageSize ? { pageSize: t.pageSize } : {}) }
		: { ok: false, cause: t.cause, causeName: trapCauseNameIn(lang, t.cause), ...gpaHex };
	return { stages: t.stages, lines, result };
}
