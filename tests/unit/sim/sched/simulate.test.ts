import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../../src/lib/sim/result.ts';
import type { SchedConfigInput } from '../../../../src/lib/sim/sched/config.ts';
import { POLICIES } from '../../../../src/lib/sim/sched/policyNames.ts';
import { runSched } from '../../../../src/lib/sim/sched/simulate.ts';

const run = (config: SchedConfigInput) => unwrap(runSched(config));
const WEIGHTED = ['credit', 'credit2', 'cfs', 'cosched-strict', 'cosched-relaxed'] as const;
const WORK_CONSERVING = ['rr', 'credit', 'credit2', 'cfs'] as const;

describe('vCPU scheduling: invariants', () => {
	for (const name of WEIGHTED) {
		it(`${name}: CPU shares follow weights under contention (256 : 512 : 1024 on 2 pCPUs)`, () => {
			const r = run({
				pcpus: 2,
				// Long enough for whole 30 ms slices: Xen credit's start-up (all UNDER, FIFO) costs
				// the heaviest VM about one slice, 0.015 CPUs over 2 s but under 0.01 over 4 s.
				durationMs: 4000,
				resolutionUs: 100,
				policy: { name },
				vms: [{ weight: 256 }, { weight: 512 }, { weight: 1024 }].map((vm) => ({ ...vm, vcpus: 1 }))
			});
			// Entitlement: 1024 is limited to one CPU (one vCPU); the other two split the second
			// CPU 1 : 2.
			expect(r.vms.map((v) => v.entitlement)).toEqual(
				[1 / 3, 2 / 3, 1].map((x) => expect.closeTo(x, 9))
			);
			for (const vm of r.vms) expect(Math.abs(vm.cpus - vm.entitlement)).toBeLessThan(0.02);
			expect(r.jain).toBeGreaterThan(0.999);
		});
	}

	it('round robin ignores weights: every runnable vCPU gets the same share', () => {
		const r = run({
			pcpus: 1,
			durationMs: 3000,
			policy: { name: 'rr' },
			vms: [{ weight: 256 }, { weight: 768 }]
		});
		expect(r.vms[0].cpus).toBeCloseTo(0.5, 2);
		expect(r.vms[1].cpus).toBeCloseTo(0.5, 2);
	});

	for (const name of POLICIES) {
		it(`${name}: caps are never exceeded in any cap period, nor over the whole run`, () => {
			const r = run({
				pcpus: 2,
				// Not a whole number of cap periods (30, 10 and 100 ms): the last one is cut short.
				durationMs: 1015,
				resolutionUs: 100,
				policy: { name },
				vms: [
					{ cap: 25, vcpus: 1 },
					{ cap: 150, vcpus: 2 },
					{ vcpus: 1, workload: { type: 'io', burstMs: 3, ioMs: 3 } }
				]
			});
			expect(r.vms[0].peakCapPeriodCpus).toBeLessThanOrEqual(0.25 + 1e-9);
			expect(r.vms[1].peakCapPeriodCpus).toBeLessThanOrEqual(1.5 + 1e-9);
			expect(r.vms[0].cpus).toBeLessThanOrEqual(0.25 + 1e-9);
			expect(r.vms[1].cpus).toBeLessThanOrEqual(1.5 + 1e-9);
		});
	}

	for (const name of WORK_CONSERVING) {
		it(`${name}: work-conserving without caps (no pCPU idles while a vCPU waits)`, () => {
			const r = run({
				pcpus: 2,
				durationMs: 600,
				resolutionUs: 100,
				policy: { name },
				vms: [
					{ vcpus: 2 },
					{ vcpus: 2, workload: { type: 'io' } },
					{ vcpus: 1, workload: { type: 'request', ratePerSecond: 300, serviceMs: 1 } }
				]
			});
			expect(r.idleWhileWaitingMs).toBe(0);
			expect(r.utilization).toBeCloseTo(1, 6); // the CPU-bound VM always has work
		});
	}

	it('strict co-scheduling is not work-conserving: gangs leave pCPUs idle', () => {
		const r = run({
			pcpus: 3,
			durationMs: 600,
			policy: { name: 'cosched-strict' },
			vms: [{ vcpus: 2 }, { vcpus: 2 }]
		});
		expect(r.idleWhileWaitingMs).toBeGreaterThan(0);
		expect(r.utilization).toBeCloseTo(2 / 3, 2);
	});

	for (const name of POLICIES) {
		it(`${name}: deterministic for a seed`, () => {
			const config: SchedConfigInput = {
				pcpus: 2,
				durationMs: 300,
				seed: 11,
				policy: { name },
				vms: [
					{ vcpus: 2, workload: { type: 'io' } },
					{ vcpus: 1, workload: { type: 'request' } },
					{ vcpus: 2, workload: { type: 'spinlock' } }
				]
			};
			expect(run(config)).toEqual(run(config));
			expect(run({ ...config, seed: 12 })).not.toEqual(run(config));
		});
	}

	it('every pCPU runs at most one vCPU at a time and each vCPU on one pCPU (Gantt)', () => {
		const r = run({
			pcpus: 2,
			durationMs: 200,
			policy: { name: 'credit' },
			vms: [
				{ vcpus: 2, workload: { type: 'io' } },
				{ vcpus: 2 },
				{ vcpus: 1, workload: { type: 'request' } }
			]
		});
		const segs = r.gantt.segments;
		expect(segs.length).toBeGreaterThan(0);
		for (const a of segs) {
			expect(a.endMs).toBeGreaterThan(a.startMs);
			for (const b of segs) {
				if (a === b || a.endMs <= b.startMs || b.endMs <= a.startMs) continue;
				expect(a.pcpu === b.pcpu).toBe(false);
				expect(a.vm === b.vm && a.vcpu === b.vcpu).toBe(false);
			}
		}
		// The trace accounts for all CPU time in its window (all pCPUs are busy here).
		const traced = segs.reduce((s, x) => s + x.endMs - x.startMs, 0);
		expect(traced).toBeCloseTo(2 * 200 * r.utilization, 0);
	});
});

describe('vCPU scheduling: behaviour the lessons show', () => {
	const mixed = (name: (typeof POLICIES)[number]) =>
		run({
			pcpus: 1,
			durationMs: 2000,
			policy: { name },
			vms: [{ vcpus: 1 }, { vcpus: 1, workload: { type: 'io', burstMs: 1, ioMs: 10 } }]
		});

	it('Xen credit BOOSTs an I/O-bound vCPU: far lower wake-up latency than round robin', () => {
		const credit = mixed('credit').vms[1].wakeLatency.p95Ms!;
		const rr = mixed('rr').vms[1].wakeLatency.p95Ms!;
		expect(credit).toBeLessThan(rr / 5);
	});

	it('CFS lets a sleeper run almost at once (sleeper credit and wake-up preemption)', () => {
		expect(mixed('cfs').vms[1].wakeLatency.p95Ms!).toBeLessThan(1);
	});

	it('steal time: two CPU-bound vCPUs on one pCPU each wait half the time', () => {
		// 1200 ms is 20 slices of 30 ms each: a whole number of turns.
		const r = run({ pcpus: 1, durationMs: 1200, policy: { name: 'credit' }, vms: [{}, {}] });
		for (const vm of r.vms) expect(vm.stealPercent).toBeCloseTo(50, 0);
		expect(r.meanRunnable).toBeCloseTo(2, 6);
	});

	it('lock-holder preemption wastes spin time, and strict co-scheduling removes it', () => {
		const config = (name: (typeof POLICIES)[number]): SchedConfigInput => ({
			pcpus: 3,
			durationMs: 1000,
			policy: { name },
			vms: [{ vcpus: 3, workload: { type: 'spinlock', workUs: 1000, holdUs: 300 } }, { vcpus: 2 }]
		});
		const credit = run(config('credit')).vms[0];
		const strict = run(config('cosched-strict')).vms[0];
		expect(credit.spinLostMs).toBeGreaterThan(0.5 * credit.spinMs);
		expect(strict.spinLostMs).toBe(0);
		expect(strict.criticalSections).toBeGreaterThan(0);
	});

	it('request latency percentiles are ordered and at least the service time', () => {
		const r = run({
			pcpus: 1,
			durationMs: 2000,
			policy: { name: 'cfs' },
			vms: [{ workload: { type: 'request', ratePerSecond: 200, serviceMs: 1 } }, {}]
		});
		const q = r.vms[0].requests!;
		expect(q.count).toBeGreaterThan(300);
		expect(q.p50Ms!).toBeLessThanOrEqual(q.p95Ms!);
		expect(q.p95Ms!).toBeLessThanOrEqual(q.p99Ms!);
		expect(q.meanMs!).toBeGreaterThan(0.9);
	});

	it('names bad fields', () => {
		const cases: [unknown, string][] = [
			[{ pcpus: 0, policy: { name: 'rr' }, vms: [{}] }, 'pcpus'],
			[{ pcpus: 1, policy: { name: 'fifo' }, vms: [{}] }, 'policy.name'],
			[{ pcpus: 1, policy: { name: 'rr' }, vms: [{}, { weight: 0 }] }, 'vms[1].weight'],
			[
				{ pcpus: 1, policy: { name: 'rr' }, vms: [{ workload: { type: 'gpu' } }] },
				'vms[0].workload.type'
			],
			[{ pcpus: 2, policy: { name: 'cosched-strict' }, vms: [{ vcpus: 3 }] }, 'vms[0].vcpus'],
			[{ pcpus: 1, policy: { name: 'credit' }, vms: [{}, { nice: 5 }] }, 'vms[1].nice']
		];
		for (const [config, param] of cases) {
			const r = runSched(config);
			expect(r.ok ? '' : r.error.param).toBe(param);
		}
	});

	it('runs the documented example configuration', () => {
		const r = unwrap(runSched(JSON.parse(readFileSync('examples/models/sched.json', 'utf8'))));
		expect(r.vms.length).toBeGreaterThan(1);
		expect(r.gantt.segments.length).toBeGreaterThan(0);
	});

	it('runs the CFS example: threads without cgroups share by nice weight (1024 : 335)', () => {
		const r = unwrap(runSched(JSON.parse(readFileSync('examples/models/sched-cfs.json', 'utf8'))));
		const [nice0, nice5] = r.vms;
		expect(nice0.cpus / nice5.cpus).toBeCloseTo(1024 / 335, 1);
	});
});

describe('vCPU scheduling: waiting times are not rounded to the step', () => {
	const mm1 = (resolutionUs: number, durationMs: number) =>
		run({
			pcpus: 1,
			durationMs,
			resolutionUs,
			seed: 1,
			policy: { name: 'credit' },
			vms: [{ workload: { type: 'request', ratePerSecond: 500, serviceMs: 1 } }],
			gantt: { fromMs: 0, toMs: 1 }
		}).vms[0];

	it('a request workload alone on a pCPU is an M/M/1 queue: W = 1 / (mu - lambda), rho = lambda / mu', () => {
		// lambda = 0.5 per ms, mu = 1 per ms: W = 2 ms, utilization 0.5. Over 400 s (about 200,000
		// requests) the standard error of the mean response time is about 0.015 ms (response times
		// of M/M/1 are strongly autocorrelated: n Var(mean) is about 43 ms^2 at rho = 0.5, measured
		// over 30 seeds), and that of the utilization sqrt(2 lambda T) / T = 0.0016 (the busy time
		// is a compound Poisson sum). Four standard errors: 0.06 ms and 0.0065. Rounding every
		// service time up to the 50 us step used to add about 0.1 ms and 0.0125.
		const web = mm1(50, 400_000);
		expect(web.requests!.count).toBeGreaterThan(190_000);
		expect(Math.abs(web.requests!.meanMs! - 2)).toBeLessThan(0.06);
		expect(Math.abs(web.cpus - 0.5)).toBeLessThan(0.0065);
		// Alone on the host it never waits for a pCPU.
		expect(web.stealMs).toBe(0);
		expect(web.wakeLatency.maxMs).toBe(0);
	});

	it('wake-ups and completions happen at their instants, whatever the step', () => {
		const fine = mm1(50, 5000);
		const coarse = mm1(1000, 5000);
		expect(coarse.requests!.count).toBe(fine.requests!.count);
		expect(coarse.requests!.meanMs!).toBeCloseTo(fine.requests!.meanMs!, 9);
		expect(coarse.cpuMs).toBeCloseTo(fine.cpuMs, 9);
	});
});
