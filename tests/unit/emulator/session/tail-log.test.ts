import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TailLog } from '../../../../src/lib/emulator/session/tail-log.ts';

describe('TailLog', () => {
	it('keeps the newest items and cuts back to any earlier total as a full log would', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 8 }),
				fc.array(fc.oneof(fc.nat(99), fc.constant(-1)), { maxLength: 60 }),
				(capacity, ops) => {
					const log = new TailLog<number>(capacity);
					const full: number[] = [];
					for (const op of ops) {
						if (op >= 0) {
							log.push(op);
							full.push(op);
						} else {
							const to = Math.floor(full.length / 2);
							log.truncateTo(to);
							full.length = to;
						}
						expect(log.total).toBe(full.length);
						// What is kept is a suffix of the full log, never more than capacity.
						const kept = log.items();
						expect(kept.length).toBeLessThanOrEqual(capacity);
						expect(kept).toEqual(full.slice(full.length - kept.length));
					}
				}
			),
			{ numRuns: 100 }
		);
	});
});
