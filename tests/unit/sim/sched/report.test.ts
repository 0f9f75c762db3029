import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { policySchema, schedConfigSchema } from '../../../../src/lib/sim/sched/config.ts';
import { buildResult, entitlementWeights } from '../../../../src/lib/sim/sched/report.ts';
import type { VmInfo } from '../../../../src/lib/sim/sched/world.ts';

const vms: VmInfo[] = [
	{ name: 'a', weight: 256, cap: 0, nice: 5, vcpus: [0, 1] },
	{ name: 'b', weight: 512, cap: 0, vcpus: [2] }
];
const policy = (p: object) => unwrap(parseConfig(policySchema, p));

describe('sched result', () => {
	it('entitlement weights by policy', () => {
		expect(entitlementWeights(policy({ name: 'rr' }), vms)).toEqual([2, 1]);
		expect(entitlementWeights(policy({ name: 'credit' }), vms)).toEqual([256, 512]);
		expect(entitlementWeights(policy({ name: 'credit2' }), vms)).toEqual([512, 512]);
		expect(entitlementWeights(policy({ name: 'cfs' }), vms)).toEqual([256, 512]);
		expect(entitlementWeights(policy({ name: 'cfs', cgroups: false }), vms)).toEqual([670, 1024]);
	});

	it('entitlement, fair share, steal and Jain’s index from the measurements', () => {
		const config = unwrap(
			parseConfig(schedConfigSchema, {
				pcpus: 1,
				durationMs: 1,
				policy: { name: 'credit' },
				vms: [{ vcpus: 2 }, { weight: 512 }]
			})
		);
		const r = buildResult(config, vms, {
			durationUs: 1000,
			cpu: Float64Array.from([250, 250, 500]),
			steal: Float64Array.from([750, 750, 0]),
			capped: new Float64Array(3),
			spin: new Float64Array(3),
			spinLost: new Float64Array(3),
			peakCapPeriodCpus: new Float64Array(2),
			wakeLatencies: [[], []],
			requestLatencies: [[], [], []],
			criticalSections: [0, 0, 0],
			busy: 1000,
			meanRunnable: 2.7,
			idleWhileWaiting: 0,
			contextSwitches: 4,
			gantt: { fromMs: 0, toMs: 1, segments: [], truncated: false }
		});
		expect(r.vms.map((v) => v.entitlement)).toEqual(
			[1 / 3, 2 / 3].map((x) => expect.closeTo(x, 12))
		);
		expect(r.vms[0].cpus).toBeCloseTo(0.5, 12);
		expect(r.vms[0].stealPercent).toBeCloseTo(75, 12);
		expect(r.vms[0].cappedPercent).toBe(0);
		// VM b asked for only 0.5 CPUs, less than its 2/3: VM a's fair share is the rest.
		expect(r.vms[1].demand).toBeCloseTo(0.5, 12);
		expect(r.vms[1].fairShare).toBeCloseTo(0.5, 12);
		expect(r.vms[0].fairShare).toBeCloseTo(0.5, 12);
		expect(r.jain).toBeCloseTo(1, 12);
		expect(r.utilization).toBe(1);
	});

	it('reports time held back by a VM’s own cap apart from steal, and counts it as asked for', () => {
		const config = unwrap(
			parseConfig(schedConfigSchema, {
				pcpus: 4,
				durationMs: 1,
				policy: { name: 'credit' },
				vms: [{ vcpus: 2, cap: 25 }, { weight: 512 }]
			})
		);
		const capped: VmInfo[] = [{ ...vms[0], cap: 0.25 }, vms[1]];
		const r = buildResult(config, capped, {
			durationUs: 1000,
			cpu: Float64Array.from([125, 125, 1000]),
			steal: new Float64Array(3),
			capped: Float64Array.from([875, 875, 0]),
			spin: new Float64Array(3),
			spinLost: new Float64Array(3),
			peakCapPeriodCpus: new Float64Array(2),
			wakeLatencies: [[], []],
			requestLatencies: [[], [], []],
			criticalSections: [0, 0, 0],
			busy: 1250,
			meanRunnable: 3,
			idleWhileWaiting: 0,
			contextSwitches: 3,
			gantt: { fromMs: 0, toMs: 1, segments: [], truncated: false }
		});
		expect(r.vms[0].stealPercent).toBe(0);
		expect(r.vms[0].cappedPercent).toBeCloseTo(87.5, 12);
		expect(r.vms[0].cappedMs).toBeCloseTo(1.75, 12);
		expect(r.vms[0].demand).toBeCloseTo(2, 12);
		// Its cap, not its demand, limits what it is due.
		expect(r.vms[0].fairShare).toBeCloseTo(0.25, 12);
	});
});
