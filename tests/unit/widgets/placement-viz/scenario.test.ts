import { describe, expect, it } from 'vitest';
import { runPlacement } from '../../../../src/lib/sim/placement/placement.ts';
import {
	HOST,
	VM_COUNT,
	placementConfig,
	typeOf,
	type PlacementControls
} from '../../../../src/lib/widgets/placement-viz/scenario.ts';

const controls: PlacementControls = {
	algorithm: 'first-fit',
	target: 0.8,
	variability: 1,
	trials: 1000
};

function run(overrides: Partial<PlacementControls>) {
	const result = runPlacement(placementConfig({ ...controls, ...overrides }));
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe('placement visualizer scenario', () => {
	it('packs 23 VMs to the target but judges overload against the whole host', () => {
		expect(VM_COUNT).toBe(23);
		const config = placementConfig(controls);
		expect(config.host.cpu).toBeCloseTo(HOST.cpu * 0.8, 12);
		expect((config.overload?.threshold ?? 0) * config.host.cpu).toBeCloseTo(HOST.cpu, 12);
		expect(run({}).results).toHaveLength(4);
	});

	it('trades hosts for overload risk as the target rises', () => {
		const low = run({ target: 0.6 }).results[0];
		const high = run({ target: 1 }).results[0];
		expect(high.hostsUsed).toBeLessThan(low.hostsUsed);
		expect(high.consolidationRatio).toBeGreaterThan(low.consolidationRatio);
		expect(high.overload.anyHost).toBeGreaterThan(low.overload.anyHost);
	});

	it('never overloads a host when demand is constant and fits', () => {
		for (const r of run({ variability: 0, target: 1 }).results) expect(r.overload.anyHost).toBe(0);
	});

	it('recognises the VM type from a placed VM name', () => {
		expect(typeOf('web-12')).toBe(0);
		expect(typeOf('db-1')).toBe(1);
		expect(typeOf('cache-4')).toBe(3);
		expect(typeOf('unknown')).toBe(-1);
	});
});
