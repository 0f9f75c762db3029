import { describe, expect, it } from 'vitest';
import { scanRatePagesPerSecond, scanStep } from '../../../../src/lib/sim/memory/pageSharing.ts';

describe('page-sharing scanner (KSM defaults, docs/sources.md)', () => {
	it('pages_to_scan 100 every 20 ms is 5,000 pages per second', () => {
		expect(scanRatePagesPerSecond(100, 20)).toBe(5000);
	});

	it('spreads the scan over unscanned VMs and passes leftovers on', () => {
		const scanned = new Float64Array([0, 0, 0]);
		scanStep(scanned, [100, 10, 0], 30); // VM 2 is not running
		expect(Array.from(scanned)).toEqual([20, 10, 0]);
		scanStep(scanned, [100, 10, 0], 200);
		expect(Array.from(scanned)).toEqual([100, 10, 0]);
	});
});
