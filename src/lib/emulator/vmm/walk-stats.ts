/**
 * The hardware's page walks in a run: how many TLB misses there were, how many page-table entries
 * their walks read by stage, and what those reads cost. A miss natively or under shadow paging
 * reads the two levels of one Sv32 table (S); at V=1 it reads the guest's table (VS) and, for each
 * of those reads and for the final guest physical address, the G-stage table (G): up to
 * (2+1)(2+1) − 1 = 8 references (Bhargava et al., ASPLOS 2008; §9.5 of the Privileged spec).
 *
 * Each reference costs the cost model's `memoryReference`: one memory reference whoever makes it,
 * the monitor reading a guest PTE or the hardware walker reading one.
 */
import type { MachineStats } from '../machine/machine.ts';
import type { CostModel } from './cost.ts';

export interface WalkStats {
	/** TLB misses (each one walked, or faulted during its walk). */
	misses: number;
	/** Page-table entries read, by stage. */
	references: { S: number; VS: number; G: number };
	/** References per miss, or null without misses. */
	perMiss: number | null;
	/** Model cycles of those references. */
	cycles: number;
}

/** What a run's walks were, before pricing: its TLB misses and page-table references by stage. */
export interface WalkCounts {
	misses: number;
	references: { S: number; VS: number; G: number };
}

/** The walks' counts from the machine's statistics. */
export function walkCounts(stats: MachineStats): WalkCounts {
	return { misses: stats.tlbMisses, references: { ...stats.walkReferences } };
}

/** The walks priced under `cost`: every page-table reference, whatever its stage, costs one `memoryReference`. */
export function walkStats(counts: WalkCounts, cost: CostModel): WalkStats {
	const references = { ...counts.references };
	const total = references.S + references.VS + references.G;
	return {
		misses: counts.misses,
		references,
		perMiss: counts.misses > 0 ? total / counts.misses : null,
		cycles: total * cost.memoryReference
	};
}

/** All references of a run, whatever the stage. */
export function walkReferences(walk: WalkStats): number {
	return walk.references.S + walk.references.VS + walk.references.G;
}
