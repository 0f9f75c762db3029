import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { ALGORITHMS, placementConfigSchema } from '../../../../src/lib/sim/placement/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('placement configuration', () => {
	it('fills in defaults: count 1, cv 0, all algorithms, 2000 trials with seed 1', () => {
		const c = unwrap(
			parseConfig(placementConfigSchema, {
				host: { cpu: 4, memory: 4 },
				vms: [{ cpu: 1, memory: 1 }]
			})
		);
		expect(c.vms[0]).toEqual({ cpu: 1, memory: 1, count: 1, cv: 0 });
		expect(c.algorithms).toEqual([...ALGORITHMS]);
		expect(c.overload).toEqual({ trials: 2000, seed: 1, threshold: 1 });
	});

	it('requires at least one VM and rejects unknown keys', () => {
		const none = parseConfig(placementConfigSchema, { host: { cpu: 4, memory: 4 }, vms: [] });
		expect(none.ok ? '' : none.error.param).toBe('vms');
		const extra = parseConfig(placementConfigSchema, {
			host: { cpu: 4, memory: 4, disks: 2 },
			vms: [{ cpu: 1, memory: 1 }]
		});
		expect(extra.ok ? '' : extra.error.param).toBe('host');
	});
});
