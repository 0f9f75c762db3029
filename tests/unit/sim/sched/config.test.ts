import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { schedConfigSchema } from '../../../../src/lib/sim/sched/config.ts';

describe('sched configuration', () => {
	it('defaults follow docs/sources.md: weight 256, no cap, 10 ms tick, CFS 6 / 0.75 / 1 ms', () => {
		const c = unwrap(
			parseConfig(schedConfigSchema, { pcpus: 1, policy: { name: 'credit' }, vms: [{}] })
		);
		expect(c.vms[0]).toEqual({ vcpus: 1, weight: 256, cap: 0, workload: { type: 'cpu' } });
		expect(c.policy.tickMs).toBe(10);
		expect([c.policy.latencyMs, c.policy.minGranularityMs, c.policy.wakeupGranularityMs]).toEqual([
			6, 0.75, 1
		]);
		expect(c.resolutionUs).toBe(50);
	});

	it('fills workload defaults by type', () => {
		const c = unwrap(
			parseConfig(schedConfigSchema, {
				pcpus: 1,
				policy: { name: 'rr' },
				vms: [{ workload: { type: 'io' } }]
			})
		);
		expect(c.vms[0].workload).toEqual({ type: 'io', burstMs: 2, ioMs: 8 });
	});
});
