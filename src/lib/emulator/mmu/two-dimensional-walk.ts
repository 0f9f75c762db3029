/**
 * The two-dimensional page walk as a model: which memory references the hardware makes on a TLB
 * miss when a guest's n-level page table sits on top of a host's m-level table (RISC-V's VS-stage
 * over the G-stage, Privileged spec §9.5; x86's guest tables over EPT or NPT).
 *
 * Every address in the guest's table is guest physical, so before the hardware can read a guest
 * PTE it must translate that PTE's address through the host table: m references, then the guest
 * PTE itself. It does that for each of the n guest levels, top down, and at the end translates the
 * final guest physical address too (m more), before the data access. That is
 *
 *     n·m + n + m  =  (n + 1)(m + 1) − 1  table references, plus the data access,
 *
 * 24 for x86-64's 4-level over 4-level and 8 for Sv32 over Sv32x4, against n without the second
 * dimension (Bhargava et al., "Accelerating two-dimensional page walks for virtualized systems",
 * ASPLOS 2008, Figure 2; FACTS.md "Memory virtualization"). With m = 0 the same model is the
 * one-dimensional walk of a native table or a shadow table (§4.3.2): n references.
 *
 * The references fill a grid of (n + 1) rows by (m + 1) columns, as Bhargava et al. draw it: row r
 * is guest level n − 1 − r (the root on top), the last row the final guest physical address;
 * column c is host level m − 1 − c, the last column the guest PTE read (or the data access, in the
 * last row). A real walk (numbered-walk.ts) fills the same cells in the same order, skipping those
 * a megapage or a fault leaves out.
 */

/** The most levels a dimension may have here: Sv57 and x86's 5-level paging. */
export const MAX_LEVELS = 5;

/**
 * What a reference reads: a host-table PTE translating a guest physical address ('host'), a
 * guest-table PTE ('guest'), or the data itself ('data').
 */
export type ReferenceKind = 'host' | 'guest' | 'data';

/** One memory reference of the model, in the order the hardware makes them. */
export interface ModelReference {
	/** 1, 2, 3, … in order; the data access is last. */
	number: number;
	kind: ReferenceKind;
	/**
	 * The RISC-V stage the reference belongs to: S for a one-dimensional walk's PTE (m = 0), VS and
	 * G for the two stages; null for the data access.
	 */
	stage: 'S' | 'VS' | 'G' | null;
	/**
	 * The guest level of the row: n − 1 (the root) … 0; null in the last row, where the final
	 * guest physical address is translated.
	 */
	guestLevel: number | null;
	/** The host level of the column: m − 1 (the root) … 0; null for guest PTE reads and the data. */
	hostLevel: number | null;
	row: number;
	column: number;
}

/** A walk shape: n guest levels over m host levels, and the references on a TLB miss. */
export interface ModelWalk {
	guestLevels: number;
	hostLevels: number;
	/** Table references: n·m + n + m (the data access is not one of them). */
	tableReferences: number;
	/** Every reference in order, the data access last. */
	references: ModelReference[];
}

/** The number of page-table references a TLB miss costs: n·m + n + m. */
export function walkReferenceCount(guestLevels: number, hostLevels: number): number {
	return guestLevels * hostLevels + guestLevels + hostLevels;
}

/**
 * The references an n-level guest table over an m-level host table makes on a TLB miss, in order.
 * n = 0 means the guest translates nothing (the host table alone), m = 0 no second dimension (a
 * native or shadow walk). Throws a RangeError for levels outside 0…MAX_LEVELS.
 */
export function twoDimensionalWalk(guestLevels: number, hostLevels: number): ModelWalk {
	for (const levels of [guestLevels, hostLevels])
		if (!Number.isInteger(levels) || levels < 0 || levels > MAX_LEVELS)
			throw new RangeError(`levels ${levels} must be a whole number from 0 to ${MAX_LEVELS}`);
	const n = guestLevels;
	const m = hostLevels;
	const references: ModelReference[] = [];
	const add = (r: Omit<ModelReference, 'number'>) =>
		references.push({ number: references.length + 1, ...r });
	const hostWalk = (row: number, guestLevel: number | null) => {
		for (let hostLevel = m - 1; hostLevel >= 0; hostLevel--)
			add({ kind: 'host', stage: 'G', guestLevel, hostLevel, row, column: m - 1 - hostLevel });
	};
	for (let guestLevel = n - 1; guestLevel >= 0; guestLevel--) {
		const row = n - 1 - guestLevel;
		hostWalk(row, guestLevel); // the guest PTE's address, guest physical, through the host table
		add({
			kind: 'guest',
			stage: m === 0 ? 'S' : 'VS',
			guestLevel,
			hostLevel: null,
			row,
			column: m
		});
	}
	hostWalk(n, null); // the final guest physical address
	add({ kind: 'data', stage: null, guestLevel: null, hostLevel: null, row: n, column: m });
	return {
		guestLevels: n,
		hostLevels: m,
		tableReferences: references.length - 1,
		references
	};
}

/** Named walk shapes the course refers to. */
export const WALK_CASES = [
	{ id: 'sv32', name: 'Sv32, native or a shadow table', guestLevels: 2, hostLevels: 0 },
	{ id: 'sv32-sv32x4', name: 'Sv32 over Sv32x4 (the H extension)', guestLevels: 2, hostLevels: 2 },
	{ id: 'x86-64', name: 'x86-64 4-level, native or a shadow table', guestLevels: 4, hostLevels: 0 },
	{ id: 'x86-64-ept', name: 'x86-64 4-level over 4-level EPT/NPT', guestLevels: 4, hostLevels: 4 }
] as const;

export type WalkCaseId = (typeof WALK_CASES)[number]['id'];
