import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { checkSchedConfig } from '../../../../src/lib/sim/sched/checks.ts';
import { schedConfigSchema, type SchedConfigInput } from '../../../../src/lib/sim/sched/config.ts';

const check = (input: SchedConfigInput) =>
	checkSchedConfig(unwrap(parseConfig(schedConfigSchema, input)));

describe('sched configuration: checks across fields', () => {
	it('a gang wider than the host can never run under strict co-scheduling', () => {
		const e = check({ pcpus: 2, policy: { name: 'cosched-strict' }, vms: [{}, { vcpus: 3 }] });
		expect(e).toEqual({
			param: 'vms[1].vcpus',
			message: 'vms[1].vcpus: 3 vCPUs can never be gang-scheduled on 2 pCPUs'
		});
		expect(check({ pcpus: 3, policy: { name: 'cosched-strict' }, vms: [{ vcpus: 3 }] })).toBeNull();
	});

	it('nice levels only under cfs', () => {
		expect(check({ pcpus: 1, policy: { name: 'credit' }, vms: [{ nice: -3 }] })?.param).toBe(
			'vms[0].nice'
		);
		expect(check({ pcpus: 1, policy: { name: 'cfs' }, vms: [{ nice: -3 }] })).toBeNull();
		expect(check({ pcpus: 1, policy: { name: 'credit' }, vms: [{ nice: 0 }] })).toBeNull();
	});
});
