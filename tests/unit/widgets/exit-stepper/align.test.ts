/**
 * Two modes lined up by guest progress. The made-up traces fix every answer; the real ones check
 * the lesson's shape: on `syscall`, trap mode exits where hw mode does not.
 */
import { describe, expect, it } from 'vitest';
import {
	align,
	alignSummary,
	counterpart,
	inWindow,
	lowerBound,
	windowAround
} from '../../../../src/lib/widgets/exit-stepper/align.ts';
import { realRun, record } from './fixtures.ts';

const at = (seq: number, progress: number, mode: 'trap' | 'hw' = 'trap') =>
	record(seq, { guestInstructions: progress, mode });

const trap = [at(1, 0), at(2, 5), at(3, 5), at(4, 20), at(5, 40)];
const hw = [at(1, 0, 'hw'), at(2, 20, 'hw'), at(3, 33, 'hw')];

describe('align', () => {
	it('finds records by progress', () => {
		expect(lowerBound(trap, 5)).toBe(1);
		expect(lowerBound(trap, 6)).toBe(3);
		expect(lowerBound(trap, 100)).toBe(5);
		expect(inWindow(trap, { from: 5, to: 40 }).map((r) => r.seq)).toEqual([2, 3, 4]);
	});

	it('merges two modes into rows by progress', () => {
		const rows = align(trap, hw, { from: 0, to: 41 });
		expect(rows.map((r) => [r.progress, r.a.map((x) => x.seq), r.b.map((x) => x.seq)])).toEqual([
			[0, [1], [1]],
			[5, [2, 3], []],
			[20, [4], [2]],
			[33, [], [3]],
			[40, [5], []]
		]);
		expect(alignSummary(rows)).toEqual({ a: 5, b: 3, onlyA: 2, onlyB: 1, both: 2 });
		expect(align(trap, hw, { from: 6, to: 20 })).toEqual([]);
	});

	it('centres a window on an exit and finds the other mode’s nearest exit', () => {
		expect(windowAround(at(9, 100), 40)).toEqual({ from: 80, to: 120 });
		expect(windowAround(at(9, 3), 40)).toEqual({ from: 0, to: 40 });
		expect(counterpart(at(9, 20), hw)?.seq).toBe(2);
		expect(counterpart(at(9, 27), hw)?.seq).toBe(3);
		expect(counterpart(at(9, 26), hw)?.seq).toBe(2);
		expect(counterpart(at(9, 99), hw)?.seq).toBe(3);
		expect(counterpart(at(9, 99), [])).toBeUndefined();
	});

	it('shows trap-mode exits that hw mode does not take, on syscall', () => {
		const a = realRun('syscall', 'trap');
		const b = realRun('syscall', 'hw');
		// The same guest does the same work in both modes.
		expect(a.guestInstructions).toBe(b.guestInstructions);
		const rows = align(a.exits.records, b.exits.records, { from: 0, to: a.guestInstructions + 1 });
		const s = alignSummary(rows);
		expect(s.a).toBe(a.exits.count);
		expect(s.b).toBe(b.exits.count);
		expect(s.onlyA).toBeGreaterThan(s.onlyB);
		// In a window in the middle of the system-call loop, trap exits and hw does not.
		const mid = a.exits.records[Math.floor(a.exits.count / 2)];
		const w = windowAround(mid, 200);
		const middle = alignSummary(align(a.exits.records, b.exits.records, w));
		expect(middle.a).toBeGreaterThan(middle.b);
	});
});
