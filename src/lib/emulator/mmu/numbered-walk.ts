/**
 * A real page walk as numbered references: what the hart would read for one access on a TLB miss,
 * right now, each reference placed in the cell of the two-dimensional model
 * (two-dimensional-walk.ts) that it fills, with the PTE decoded and the address field that indexed
 * the table. The page-walk visualizer draws this; nothing in it is scripted.
 *
 * It numbers the steps of translateForView (view-translation.ts), which follows translate.ts and
 * changes nothing. Sv32 has two levels (§4.3), Sv32x4 too (§9.5.1), so the grid is 3 × 3 at V = 1
 * with both stages on and 3 × 1 for a one-dimensional walk (S-stage, or a shadow table). A real
 * walk fills a subsequence of the model's cells: a megapage leaf (§4.3.2 step 6) ends its
 * dimension early and a fault ends the walk. One thing the model leaves out: at V = 1, setting A
 * or D in a VS-stage leaf is a store, an implicit access whose guest physical address goes through
 * the G-stage again (§9.5); those references have purpose 'vs-pte-write' and sit in the leaf's row.
 */
import type { Machine } from '../machine/machine.ts';
import type { ReferenceKind } from './two-dimensional-walk.ts';
import {
	translateForView,
	type Access,
	type CauseName,
	type PteFlags,
	type Stage,
	type WalkStep
} from './view-translation.ts';

/** Sv32 and Sv32x4 both have two levels. */
const SV32_LEVELS = 2;

/** A field of an address: its bits high…low and their value. */
export interface AddressField {
	name: 'VPN[1]' | 'VPN[0]' | 'offset';
	high: number;
	low: number;
	value: number;
}

/** A virtual address split for Sv32 (§4.3.1, Figure 4.15): VPN[1] 31:22, VPN[0] 21:12, offset. */
export function sv32Fields(va: number): AddressField[] {
	return [
		{ name: 'VPN[1]', high: 31, low: 22, value: va >>> 22 },
		{ name: 'VPN[0]', high: 21, low: 12, value: (va >>> 12) & 0x3ff },
		{ name: 'offset', high: 11, low: 0, value: va & 0xfff }
	];
}

/** A guest physical address split for Sv32x4 (§9.5.1): VPN[1] is two bits wider, 33:22. */
export function sv32x4Fields(gpa: number): AddressField[] {
	return [
		{ name: 'VPN[1]', high: 33, low: 22, value: Math.floor(gpa / 2 ** 22) },
		{ name: 'VPN[0]', high: 21, low: 12, value: Math.floor(gpa / 4096) & 0x3ff },
		{ name: 'offset', high: 11, low: 0, value: gpa % 4096 }
	];
}

/** A PTE as read, decoded. */
export interface PteRead {
	raw: number;
	flags: PteFlags;
	/** Bits 31:10: the next table's or the page's physical page number. */
	ppn: number;
	kind: WalkStep['kind'];
}

/** One memory reference of a real walk. */
export interface WalkReference {
	/** 1, 2, 3, … in the order the hart makes them; the data access, when the walk succeeds, last. */
	number: number;
	kind: ReferenceKind;
	/** S, VS or G for a PTE; null for the data access. */
	stage: Stage | null;
	/** The level of the PTE in its own table (1 the root, 0 the second level); null for the data. */
	level: number | null;
	/** The model's cell (two-dimensional-walk.ts): guest level of the row, host level of the column. */
	guestLevel: number | null;
	hostLevel: number | null;
	row: number;
	column: number;
	/** What was read: the PTE's address as the hart's trace gives it (guest physical for VS), or the data's. */
	address: number;
	/** The same in host physical memory. */
	physical: number;
	/** The address whose field indexed the table (or gave the offset of the data). */
	indexedBy: { address: 'va' | 'gpa'; value: number; field: AddressField };
	/** G-stage references: which guest physical address they translate, and why (WalkStep). */
	gpa?: number;
	purpose?: WalkStep['purpose'];
	/** The PTE read; absent for the data access. */
	pte?: PteRead;
}

export type WalkOutcome =
	| { ok: true; pa: number; gpa?: number; pageSize?: number }
	| { ok: false; cause: number; causeName: CauseName; gpa?: number };

export interface NumberedWalk {
	va: number;
	access: Access;
	/** The mode translated for: 0 U, 1 S; V. */
	priv: number;
	virt: boolean;
	/** The grid: guest (first-stage) levels n and host (G-stage) levels m, 0 for a stage that is off. */
	guestLevels: number;
	hostLevels: number;
	/** `va` split as the first stage reads it. */
	fields: AddressField[];
	references: WalkReference[];
	outcome: WalkOutcome;
}

/**
 * The walk the hart would make for `access` to `va` in mode `as` (default: the machine's own, or
 * S-mode for M-mode), on a TLB miss, numbered and placed in the model's grid. Changes nothing.
 */
export function numberedWalk(
	machine: Machine,
	va: number,
	access: Access,
	as?: { priv: number; virt: boolean }
): NumberedWalk {
	const view = translateForView(machine, va, access, as);
	const n = view.stages.some((s) => s !== 'G') ? SV32_LEVELS : 0;
	const m = view.stages.includes('G') ? SV32_LEVELS : 0;
	const references: WalkReference[] = [];
	/** The guest level of the last first-stage PTE read (the next one's is one below). */
	let lastGuestLevel = n;
	for (const step of view.steps) {
		const pte: PteRead = { raw: step.raw, flags: step.flags, ppn: step.ppn, kind: step.kind };
		if (step.stage !== 'G') {
			lastGuestLevel = step.level;
			references.push({
				number: references.length + 1,
				kind: 'guest',
				stage: step.stage,
				level: step.level,
				guestLevel: step.level,
				hostLevel: null,
				row: n - 1 - step.level,
				column: m,
				address: step.pteAddr,
				physical: step.ptePa,
				indexedBy: { address: 'va', value: view.va, field: sv32Fields(view.va)[1 - step.level] },
				pte
			});
			continue;
		}
		// A G-stage PTE: the row is that of the guest address it translates: the next VS-stage
		// PTE's, the leaf's again for its A/D write, or the last row for the data's address.
		const guestLevel =
			step.purpose === 'data'
				? null
				: step.purpose === 'vs-pte-write'
					? lastGuestLevel
					: lastGuestLevel - 1;
		references.push({
			number: references.length + 1,
			kind: 'host',
			stage: 'G',
			level: step.level,
			guestLevel,
			hostLevel: step.level,
			row: guestLevel === null ? n : n - 1 - guestLevel,
			column: m - 1 - step.level,
			address: step.pteAddr,
			physical: step.ptePa,
			indexedBy: {
				address: 'gpa',
				value: step.gpa!,
				field: sv32x4Fields(step.gpa!)[1 - step.level]
			},
			gpa: step.gpa,
			purpose: step.purpose,
			pte
		});
	}
	const common = {
		va: view.va,
		access: view.access,
		priv: view.priv,
		virt: view.virt,
		guestLevels: n,
		hostLevels: m,
		fields: sv32Fields(view.va),
		references
	};
	if (!view.ok)
		return {
			...common,
			outcome: {
				ok: false,
				cause: view.cause,
				causeName: view.causeName,
				...(view.gpa !== undefined ? { gpa: view.gpa } : {})
			}
		};
	// The data access itself: the page's frame, indexed by the page offset (22 bits in a megapage).
	const offsetBits = view.pageSize === 2 ** 22 ? 22 : 12;
	references.push({
		number: references.length + 1,
		kind: 'data',
		stage: null,
		level: null,
		guestLevel: null,
		hostLevel: null,
		row: n,
		column: m,
		address: view.pa,
		physical: view.pa,
		indexedBy: {
			address: 'va',
			value: view.va,
			field: { name: 'offset', high: offsetBits - 1, low: 0, value: view.va % 2 ** offsetBits }
		}
	});
	return {
		...common,
		outcome: {
			ok: true,
			pa: view.pa,
			...(view.gpa !== undefined ? { gpa: view.gpa } : {}),
			...(view.pageSize !== undefined ? { pageSize: view.pageSize } : {})
		}
	};
}

/** A PTE read as the hart's trace reports it (TraceEvent 'walk', without the kind). */
export interface TracedRead {
	stage: Stage;
	level: number;
	pteAddr: number;
	pte: number;
}

/** The walk's PTE reads in the form of the hart's `walk` trace events, to compare with them. */
export function tracedReads(walk: NumberedWalk): TracedRead[] {
	return walk.references
		.filter((r) => r.kind !== 'data')
		.map((r) => ({ stage: r.stage!, level: r.level!, pteAddr: r.address, pte: r.pte!.raw }));
}
