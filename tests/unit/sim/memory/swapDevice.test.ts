/**
 * The swap device as a queue (src/lib/sim/memory/swapDevice.ts), checked against the device
 * capacity bound (one swap-in at a time: at most 1 / latency per second), the single-VM closed
 * form r / (1 + r L), and exact mean value analysis (Reiser & Lavenberg 1980) for identical VMs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMemory } from '../../../../src/lib/sim/memory/simulate.ts';
import { swapDeviceLoad } from '../../../../src/lib/sim/memory/swapDevice.ts';
import { mva } from '../../../../src/lib/sim/queueing/mva.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

const L = 0.005; // 5 ms per swap-in: at most 200 per second

describe('swap device', () => {
	it('one VM: x = r / (1 + r L) and slowdown 1 + r L, exactly', () => {
		for (const r of [0, 10, 200, 4220, 1e6]) {
			const d = swapDeviceLoad([r], L);
			expect(d.swapInsPerSecond[0]).toBeCloseTo(r / (1 + r * L), 9);
			expect(d.slowdown[0]).toBeCloseTo(1 + r * L, 9);
			expect(d.swapInsPerSecond[0]).toBeLessThan(1 / L);
		}
	});

	it('identical VMs: at most 7% below exact MVA, never above (one device, think time 1/r)', () => {
		// Bard–Schweitzer is pessimistic, most near the knee N = (Z + D) / D: measured worst 6.7%
		// (5 VMs at 100 faults per second of progress).
		for (const n of [2, 3, 5, 10, 50]) {
			for (const r of [10, 50, 100, 200, 400, 1000, 1e4]) {
				const d = swapDeviceLoad(new Array(n).fill(r), L);
				const exact = unwrap(mva({ demands: [L], think: 1 / r, n }));
				const total = d.swapInsPerSecond.reduce((a, x) => a + x, 0);
				expect(total).toBeLessThanOrEqual(exact.X[n] * (1 + 1e-9));
				expect(total).toBeGreaterThan(0.93 * exact.X[n]);
			}
		}
	});

	it('never serves more than the device can, however many VMs fault', () => {
		const loads = [[1e6, 1e6, 1e6], [4220, 300, 20], new Array(100).fill(500), [0, 0, 1e3]];
		for (const load of loads) {
			const d = swapDeviceLoad(load, L);
			const total = d.swapInsPerSecond.reduce((a, x) => a + x, 0);
			expect(total).toBeLessThan(1 / L);
			expect(d.utilization).toBeLessThan(1);
			// The slowdown follows: wall-clock time per unit of progress = demand / served rate.
			load.forEach((r, i) => {
				if (r > 0) expect(d.slowdown[i]).toBeCloseTo(r / d.swapInsPerSecond[i], 6);
			});
		}
	});

	it('examples/models/memory.json: swap-ins stay within 200/s, and the batch VM slows down', () => {
		// Before, the batch VM showed 4,220 swap-ins per second at 5 ms each, and the totals
		// (137,786) were summed from that rate.
		const r = unwrap(runMemory(JSON.parse(readFileSync('examples/models/memory.json', 'utf8'))));
		expect(r.swapDeviceCapacityPerSecond).toBe(200);
		for (const s of r.series) {
			expect(s.swapInsPerSecond).toBeLessThanOrEqual(200);
			expect(s.swapDeviceUtilization).toBeLessThan(1);
		}
		expect(r.totalSwapIns).toBeLessThanOrEqual(200 * 300);
		const batch = r.vms.find((v) => v.name === 'batch')!;
		// At 120 s its working set grows: it asks for thousands of pages per second of progress,
		// gets under 200 per second, and runs over 20 times slower.
		const at120 = r.series.find((s) => s.t === 120)!.vms[2];
		expect(at120.faultsPerGuestSecond).toBeGreaterThan(4000);
		expect(at120.swapInsPerSecond).toBeLessThan(200);
		expect(at120.slowdown).toBeGreaterThan(20);
		expect(batch.maxSlowdown).toBeGreaterThan(20);
	});

	it('an instant device (latency 0) serves every fault and slows nobody', () => {
		const d = swapDeviceLoad([100, 5], 0);
		expect(d.swapInsPerSecond).toEqual([100, 5]);
		expect(d.slowdown).toEqual([1, 1]);
	});
});
