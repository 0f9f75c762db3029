/**
 * Two modes lined up by guest progress. The made-up traces fix every answer; the real ones check
 * the lesson's shape: on `syscall`, trap mode exits where hw mode does not.
 */
import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../../../src/lib/emulator/vmm/exit-series.ts';
import {
	counterpart,
	inWindow,
	lowerBound
} from '../../../../src/lib/widgets/exit-stepper/align.ts';
import { realRun, record } from './fixtures.ts';

const at = (seq: number, progress: number, mode: 'trap' | 'hw' = 'trap') =>
	record(seq, { guestInstructions: progress, mode });

const trap = seriesOf([at(1, 0), at(2, 5), at(3, 5), at(4, 20), at(5, 40)]);
const hw = seriesOf([at(1, 0, 'hw'), at(2, 20, 'hw'), at(3, 33, 'hw')]);

describe('align', () => {
	it('finds records by progress', () => {
		expect(lowerBound(trap, 5)).toBe(1);
		expect(lowerBound(trap, 6)).toBe(3);
		expect(lowerBound(trap, 100)).toBe(5);
		expect(inWindow(trap, { from: 5, to: 40 }).map((r) => r.seq)).toEqual([2, 3, 4]);
		expect(inWindow(trap, { from: 6, to: 20 })).toEqual([]);
	});

	it('finds the other mode’s exit nearest in progress, the earlier on a tie', () => {
		expect(counterpart(at(9, 20), hw)?.seq).toBe(2);
		expect(counterpart(at(9, 27), hw)?.seq).toBe(3);
		expect(counterpart(at(9, 26), hw)?.seq).toBe(2);
		expect(counterpart(at(9, 99), hw)?.seq).toBe(3);
		expect(counterpart(at(9, -5), hw)?.seq).toBe(1);
		// Of several exits at the same progress, the first.
		expect(counterpart(at(9, 5, 'hw'), trap)?.seq).toBe(2);
		expect(counterpart(at(9, 99), seriesOf([]))).toBeUndefined();
	});

	it('shows trap-mode exits that hw mode does not take, on syscall', () => {
		const a = realRun('syscall', 'trap');
		const b = realRun('syscall', 'hw');
		// The same guest does the same work in both modes.
		expect(a.guestInstructions).toBe(b.guestInstructions);
		const trapExits = seriesOf(a.exits.records);
		const hwExits = seriesOf(b.exits.records);
		const whole = { from: 0, to: a.guestInstructions + 1 };
		expect(inWindow(trapExits, whole)).toHaveLength(a.exits.count);
		expect(inWindow(hwExits, whole)).toHaveLength(b.exits.count);
		// In a window in the middle of the system-call loop, trap exits and hw does not.
		const mid = a.exits.records[Math.floor(a.exits.count / 2)].guestInstructions;
		const middle = { from: mid - 100, to: mid + 100 };
		expect(inWindow(trapExits, middle).length).toBeGreaterThan(inWindow(hwExits, middle).length);
	});
});
