import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { schedConfigSchema } from '../../../../src/lib/sim/sched/config.ts';

describe('sched configuration', () => {
	it('defaults follow docs/sources.md: weight 256, no cap, 10 ms tick, CFS 6 / 0.75 / 1 ms', () => {
		const c = unwrap(
			parseConfig(schedConfigSchema, { pcpus: 1, policy: { name: 'credit' }, vms: [{}] })
		);
		expect(c.vms[0]).toEqual({ vcpus: 1, weight: 256, cap: 0, nice: 0, workload: { type: 'cpu' } });
		expect(c.policy.cgroups).toBe(true);
		expect(c.policy.tickMs).toBe(10);
		expect([c.policy.latencyMs, c.policy.minGranularityMs, c.policy.wakeupGranularityMs]).toEqual([
			6, 0.75, 1
		]);
		expect(c.resolutionUs).toBe(50);
	});

	it('refuses a seed the 32-bit generator would silently fold onto another', () => {
		const vms = [{ name: 'a', vcpus: 1, workload: { type: 'cpu' } }];
		for (const seed of [-1, 2 ** 32, 1.5]) {
			const r = parseConfig(schedConfigSchema, { pcpus: 1, policy: { name: 'rr' }, seed, vms });
			expect(r.ok ? '' : r.error.message).toBe('seed: seed must be an integer in 0..4,294,967,295');
		}
		expect(
			parseConfig(schedConfigSchema, { pcpus: 1, policy: { name: 'rr' }, seed: 2 ** 32 - 1, vms })
				.ok
		).toBe(true);
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

	it('nice levels are integers from -20 to 19, and errors name the field', () => {
		for (const nice of [-21, 20, 1.5]) {
			const r = parseConfig(schedConfigSchema, {
				pcpus: 1,
				policy: { name: 'cfs' },
				vms: [{}, { nice }]
			});
			expect(r.ok ? '' : r.error.param).toBe('vms[1].nice');
		}
		const r = parseConfig(schedConfigSchema, {
			pcpus: 1,
			policy: { name: 'cfs', cgroups: 'yes' },
			vms: [{ nice: -20 }]
		});
		expect(r.ok ? '' : r.error.param).toBe('policy.cgroups');
	});
});
