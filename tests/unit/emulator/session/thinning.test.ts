import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointToDrop } from '../../../../src/lib/emulator/session/thinning.ts';

/** Takes a checkpoint every `interval` steps up to `end`, keeping at most `limit`. */
function history(end: number, interval: number, limit: number): number[] {
	const kept: number[] = [];
	for (let p = 0; p <= end; p += interval) {
		kept.push(p);
		while (kept.length > limit) kept.splice(checkpointToDrop(kept, p, interval), 1);
	}
	return kept;
}

describe('checkpointToDrop', () => {
	it('never drops the first or the last checkpoint', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.nat(10_000), { minLength: 3, maxLength: 30 }),
				fc.integer({ min: 1, max: 100 }),
				(raw, interval) => {
					const positions = [...raw].sort((a, b) => a - b);
					const i = checkpointToDrop(positions, positions[positions.length - 1], interval);
					expect(i).toBeGreaterThan(0);
					expect(i).toBeLessThan(positions.length - 1);
				}
			),
			{ numRuns: 100 }
		);
	});

	it('keeps recent checkpoints dense and old ones sparse over a long run', () => {
		const kept = history(100_000, 10, 20);
		expect(kept.length).toBe(20);
		expect(kept[0]).toBe(0);
		expect(kept[kept.length - 1]).toBe(100_000);
		const gaps = kept.slice(1).map((p, i) => p - kept[i]);
		// The newest gap is the interval itself; the widest gap lies in the older half.
		expect(gaps[gaps.length - 1]).toBe(10);
		const widest = gaps.indexOf(Math.max(...gaps));
		expect(widest).toBeLessThan(gaps.length / 2);
	});

	it('bounds the replay a step back needs by a fraction of how far back it goes', () => {
		const end = 50_000;
		const kept = history(end, 10, 24);
		for (const target of [end - 5, end - 100, end - 1000, end - 10_000, 1000]) {
			const before = kept.filter((p) => p <= target).pop()!;
			// Going back d steps replays at most d (plus one interval), never the whole run.
			expect(target - before).toBeLessThanOrEqual(end - target + 10);
		}
	});
});
