import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { MAX_SCHED_WORK } from '../../../../src/lib/sim/limits.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import { schedConfigSchema, type SchedConfigInput } from '../../../../src/lib/sim/sched/config.ts';
import {
	checkSchedWork,
	eventsPerSecond,
	schedWork
} from '../../../../src/lib/sim/sched/workLimit.ts';

const config = (input: SchedConfigInput) => unwrap(parseConfig(schedConfigSchema, input));

describe('the work a sched run takes', () => {
	it('expected wake-ups and blocks per vCPU and second', () => {
		expect(eventsPerSecond({ type: 'cpu' })).toBe(0);
		expect(eventsPerSecond({ type: 'io', burstMs: 2, ioMs: 8 })).toBe(200);
		expect(eventsPerSecond({ type: 'request', ratePerSecond: 100, serviceMs: 1 })).toBe(200);
		expect(eventsPerSecond({ type: 'spinlock', workUs: 450, holdUs: 50 })).toBe(4000);
	});

	it('(steps + events) x (vCPUs + pCPUs)', () => {
		const c = config({
			pcpus: 2,
			durationMs: 1000,
			policy: { name: 'rr' },
			vms: [{ vcpus: 2 }, { workload: { type: 'request', ratePerSecond: 100 } }]
		});
		expect(schedWork(c)).toEqual({ steps: 20_000, events: 200, work: 20_200 * 5 });
		expect(checkSchedWork(c)).toBeNull();
	});

	it('refuses a run beyond MAX_SCHED_WORK, naming durationMs', () => {
		const steps = config({ pcpus: 1, durationMs: 600_000, policy: { name: 'rr' }, vms: [{}] });
		expect(schedWork(steps).work).toBeGreaterThan(MAX_SCHED_WORK);
		expect(checkSchedWork(steps)?.param).toBe('durationMs');
		// Few steps, but a million requests a second wake the vCPU far too often.
		const events = config({
			pcpus: 1,
			durationMs: 20_000,
			resolutionUs: 10_000,
			policy: { name: 'rr' },
			vms: [{ workload: { type: 'request', ratePerSecond: 1e6, serviceMs: 0.0001 } }]
		});
		expect(checkSchedWork(events)?.message).toContain('wake-ups and blocks');
	});
});
