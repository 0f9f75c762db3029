/**
 * The two-dimensional walk model: how many references a TLB miss costs for n guest levels over m
 * host levels, and in which order the hardware makes them (Bhargava et al., ASPLOS 2008).
 */
import { describe, expect, it } from 'vitest';
import {
	MAX_LEVELS,
	WALK_CASES,
	twoDimensionalWalk,
	walkReferenceCount
} from '$lib/emulator/mmu/two-dimensional-walk.ts';

const LEVELS = [1, 2, 3, 4];

describe('twoDimensionalWalk', () => {
	it('makes n·m + n + m table references, (n+1)(m+1) − 1, plus the data, for 1 to 4 levels each', () => {
		for (const n of LEVELS)
			for (const m of LEVELS) {
				const walk = twoDimensionalWalk(n, m);
				expect(walk.tableReferences, `${n}×${m}`).toBe((n + 1) * (m + 1) - 1);
				expect(walkReferenceCount(n, m)).toBe(walk.tableReferences);
				expect(walk.references.length).toBe(walk.tableReferences + 1);
				expect(walk.references.filter((r) => r.kind === 'guest').length).toBe(n);
				expect(walk.references.filter((r) => r.kind === 'host').length).toBe(n * m + m);
			}
	});

	it('fills every cell of the (n+1) × (m+1) grid once, numbered in order', () => {
		for (const n of LEVELS)
			for (const m of LEVELS) {
				const { references } = twoDimensionalWalk(n, m);
				expect(references.map((r) => r.number)).toEqual(references.map((_, i) => i + 1));
				const cells = new Set(references.map((r) => `${r.row},${r.column}`));
				expect(cells.size).toBe((n + 1) * (m + 1));
			}
	});

	it('orders them as the hardware does: per guest level, the host walk of its address, then the guest PTE', () => {
		// Sv32 over Sv32x4: G1 G0 VS1, G1 G0 VS0, G1 G0 (the final GPA), data.
		const walk = twoDimensionalWalk(2, 2);
		expect(
			walk.references.map((r) => [r.stage, r.guestLevel, r.hostLevel, r.row, r.column])
		).toEqual([
			['G', 1, 1, 0, 0],
			['G', 1, 0, 0, 1],
			['VS', 1, null, 0, 2],
			['G', 0, 1, 1, 0],
			['G', 0, 0, 1, 1],
			['VS', 0, null, 1, 2],
			['G', null, 1, 2, 0],
			['G', null, 0, 2, 1],
			[null, null, null, 2, 2]
		]);
		for (const n of LEVELS)
			for (const m of LEVELS) {
				const { references } = twoDimensionalWalk(n, m);
				// Rows top down, and in each row the columns left to right (host root first).
				for (let i = 1; i < references.length; i++) {
					const [a, b] = [references[i - 1], references[i]];
					expect(b.row > a.row || (b.row === a.row && b.column === a.column + 1)).toBe(true);
				}
				expect(references.at(-1)).toMatchObject({ kind: 'data', row: n, column: m });
			}
	});

	it('is the one-dimensional walk with no host table: n references (native, or a shadow table)', () => {
		for (const n of LEVELS) {
			const walk = twoDimensionalWalk(n, 0);
			expect(walk.tableReferences).toBe(n);
			expect(walk.references.slice(0, -1).map((r) => [r.stage, r.guestLevel])).toEqual(
				Array.from({ length: n }, (_, i) => ['S', n - 1 - i])
			);
		}
		// A guest with translation off over a host table: only the host walk of its address.
		expect(twoDimensionalWalk(0, 3).tableReferences).toBe(3);
	});

	it('names the course’s cases: Sv32 2, Sv32 over Sv32x4 8, x86-64 4 and 24 with EPT', () => {
		const counts = Object.fromEntries(
			WALK_CASES.map((c) => [c.id, twoDimensionalWalk(c.guestLevels, c.hostLevels).tableReferences])
		);
		expect(counts).toEqual({ sv32: 2, 'sv32-sv32x4': 8, 'x86-64': 4, 'x86-64-ept': 24 });
	});

	it('refuses levels it cannot draw', () => {
		expect(() => twoDimensionalWalk(MAX_LEVELS + 1, 1)).toThrow(RangeError);
		expect(() => twoDimensionalWalk(2, -1)).toThrow(/from 0 to 5/);
		expect(() => twoDimensionalWalk(1.5, 2)).toThrow(RangeError);
	});
});
