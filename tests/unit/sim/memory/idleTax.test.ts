import { describe, expect, it } from 'vitest';
import {
	idleCostFactor,
	reclaimTargets,
	sharesPerPage
} from '../../../../src/lib/sim/memory/idleTax.ts';

describe("Waldspurger's idle memory tax (docs/sources.md)", () => {
	it('k = 1 / (1 - tau): the default tau 0.75 charges an idle page 4 times an active one', () => {
		expect(idleCostFactor(0.75)).toBe(4);
		expect(idleCostFactor(0)).toBe(1);
	});

	it('rho = S / (P (f + k (1 - f)))', () => {
		expect(sharesPerPage(1000, 1000, 1, 0.75)).toBe(1); // all active: S/P
		expect(sharesPerPage(1000, 1000, 0, 0.75)).toBe(0.25); // all idle: S/(4P)
		expect(sharesPerPage(1000, 1000, 0.5, 0.75)).toBeCloseTo(1000 / (1000 * (0.5 + 4 * 0.5)), 12);
		expect(sharesPerPage(1000, 1000, 0, 0)).toBe(1); // tau 0: pure shares
	});

	it('reclaims from the idlest VM first when shares are equal', () => {
		const vms = [
			{ shares: 1000, demandMB: 1000, activeMB: 900 },
			{ shares: 1000, demandMB: 1000, activeMB: 100 }
		];
		const r = reclaimTargets(vms, 400, 0.75);
		expect(r[0] + r[1]).toBeCloseTo(400, 6);
		expect(r[1]).toBeGreaterThan(r[0]);
	});

	it('with tau = 0 it is proportional share: equal shares, equal allocations', () => {
		const vms = [
			{ shares: 1000, demandMB: 1000, activeMB: 900 },
			{ shares: 1000, demandMB: 1000, activeMB: 100 }
		];
		const r = reclaimTargets(vms, 400, 0);
		expect(Math.abs(r[0] - r[1])).toBeLessThan(5);
	});

	it('more shares, less reclaimed', () => {
		const vms = [
			{ shares: 3000, demandMB: 1000, activeMB: 500 },
			{ shares: 1000, demandMB: 1000, activeMB: 500 }
		];
		const r = reclaimTargets(vms, 600, 0.75);
		expect(r[0]).toBeLessThan(r[1]);
	});

	it('no excess, nothing reclaimed', () => {
		expect(reclaimTargets([{ shares: 1, demandMB: 10, activeMB: 1 }], -5, 0.75)).toEqual([0]);
	});
});
