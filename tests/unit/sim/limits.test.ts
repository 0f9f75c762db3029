/**
 * Every bound of src/lib/sim/limits.ts is checked before the work it bounds, and the error names
 * the parameter. The values just above a bound would take seconds to hours (or overflow the call
 * stack) if they were accepted, so each test is also a guard against a hang.
 */
import { describe, expect, it } from 'vitest';
import { exponential } from '../../../src/lib/sim/distributions.ts';
import { simulateQueue, type QueueSimConfig } from '../../../src/lib/sim/des/queueSim.ts';
import {
	MAX_CAPACITY,
	MAX_CUSTOMERS,
	MAX_POPULATION,
	MAX_SEED,
	MAX_SERVERS,
	MAX_STATIONS
} from '../../../src/lib/sim/limits.ts';
import { runMemory } from '../../../src/lib/sim/memory/simulate.ts';
import { runPlacement } from '../../../src/lib/sim/placement/placement.ts';
import { jackson } from '../../../src/lib/sim/queueing/jackson.ts';
import { md1 } from '../../../src/lib/sim/queueing/md1.ts';
import { mg1 } from '../../../src/lib/sim/queueing/mg1.ts';
import { mm1 } from '../../../src/lib/sim/queueing/mm1.ts';
import { mmc } from '../../../src/lib/sim/queueing/mmc.ts';
import { mmck } from '../../../src/lib/sim/queueing/mmck.ts';
import { mva } from '../../../src/lib/sim/queueing/mva.ts';
import { type Result, unwrap } from '../../../src/lib/sim/result.ts';
import { runSched } from '../../../src/lib/sim/sched/simulate.ts';

/** The parameter a failed result names, or 'ok' when it succeeded. */
function blamed(r: Result<unknown>): string {
	return r.ok ? 'ok' : r.error.param;
}

function message(r: Result<unknown>): string {
	return r.ok ? '' : r.error.message;
}

describe('analytic formulas bound the sizes their loops run over', () => {
	it('mmc: c up to MAX_SERVERS (Erlang recurrence, one step per server)', () => {
		expect(blamed(mmc({ lambda: 1, mu: 1, c: MAX_SERVERS }))).toBe('ok');
		const r = mmc({ lambda: 1, mu: 1, c: MAX_SERVERS + 1 });
		expect(blamed(r)).toBe('c');
		expect(message(r)).toBe('c = 100001 is too large (at most 100,000)');
		expect(blamed(mmc({ lambda: 1, mu: 1, c: 1e308 }))).toBe('c');
	});

	it('mmck: c and k bounded before the probabilities are built', () => {
		expect(blamed(mmck({ lambda: 1, mu: 1, c: 1, k: MAX_CAPACITY }))).toBe('ok');
		expect(blamed(mmck({ lambda: 1, mu: 1, c: 1, k: MAX_CAPACITY + 1 }))).toBe('k');
		expect(blamed(mmck({ lambda: 1, mu: 1, c: 1e308, k: 1e308 }))).toBe('c');
	});

	it('mva: n up to MAX_POPULATION, and n x stations bounded', () => {
		expect(blamed(mva({ demands: [0.2, 0.1], think: 1, n: MAX_POPULATION }))).toBe('ok');
		const r = mva({ demands: [0.2, 0.1], think: 1, n: 150_000 });
		expect(message(r)).toBe('n = 150000 is too large (at most 100,000)');
		const wide = mva({ demands: new Array(1000).fill(0.01), think: 1, n: 100_000 });
		expect(blamed(wide)).toBe('n');
		expect(message(wide)).toContain('1000 stations');
	});

	it('mva: a list of 200,000 demands does not overflow the call stack', () => {
		// Math.max(...demands) used to throw a RangeError for lists this long.
		const r = mva({ demands: new Array(200_000).fill(1e-6), think: 1, n: 1 });
		expect(r.ok).toBe(true);
		expect(unwrap(r).bounds.maxDemand).toBe(1e-6);
	});

	it('jackson: at most MAX_STATIONS stations, and c[i] bounded like mmc', () => {
		const n = MAX_STATIONS + 1;
		const tooMany = jackson({
			gamma: new Array(n).fill(1),
			mu: new Array(n).fill(2),
			routing: Array.from({ length: n }, () => new Array(n).fill(0))
		});
		expect(blamed(tooMany)).toBe('gamma');
		const r = jackson({ gamma: [1], mu: [2], c: [1e9], routing: [[0]] });
		expect(blamed(r)).toBe('c[0]');
		expect(message(r)).toContain('at most 100,000');
	});
});

describe('analytic formulas never return NaN or Infinity as an answer', () => {
	it.each([
		['mm1', () => mm1({ lambda: 0.5e-308, mu: 1e-308 }), 'lambda'],
		['mmc', () => mmc({ lambda: 0.5e-308, mu: 1e-308, c: 1 }), 'lambda'],
		['mmck', () => mmck({ lambda: 1e300, mu: 1e-300, c: 1, k: 1000 }), 'lambda'],
		['mg1', () => mg1({ lambda: 1e-300, es: 1e-300, es2: 1e-300 }), 'lambda'],
		['md1 (1/mu^2 underflows)', () => md1({ lambda: 1e-300, mu: 1e200 }), 'mu'],
		['md1 (1/mu^2 overflows)', () => md1({ lambda: 1e-320, mu: 1e-310 }), 'mu'],
		['mva', () => mva({ demands: [1e308, 1e308], think: 0, n: 5 }), 'demands'],
		['jackson', () => jackson({ gamma: [0.5e-308], mu: [1e-308], routing: [[0]] }), 'mu[0]']
	])('%s: extreme but valid inputs give an error naming them', (_, run, param) => {
		const r = run();
		expect(blamed(r)).toBe(param);
		expect(message(r)).toMatch(/too extreme/);
	});
});

describe('the discrete-event simulator validates before it runs', () => {
	const base: QueueSimConfig = {
		classes: [{ interarrival: unwrap(exponential(0.5)), service: unwrap(exponential(1)) }],
		customers: 100,
		seed: 1
	};

	it.each([
		['customers', { customers: MAX_CUSTOMERS + 1 }],
		['customers', { customers: 1e308 }],
		['customers', { customers: Number.NaN }],
		['customers', { customers: Infinity }],
		['customers', { customers: -5 }],
		['customers', { customers: 2.5 }],
		['c', { servers: MAX_SERVERS + 1 }],
		['seed', { seed: MAX_SEED + 1 }],
		['seed', { seed: -1 }]
	])('rejects %s in %j', (param, patch) => {
		const r = simulateQueue({ ...base, ...patch });
		expect(blamed(r)).toBe(param);
		expect(message(r)).toContain(param);
	});

	it('refuses a clock that would run too far to resolve service times', () => {
		// With lambda = 1e-300 and mu = 1 every response time used to round to W = 0.
		const r = simulateQueue({
			...base,
			classes: [{ interarrival: unwrap(exponential(1e-300)), service: unwrap(exponential(1)) }]
		});
		expect(blamed(r)).toBe('customers');
		expect(message(r)).toContain('cannot resolve service times');
	});

	it('refuses a rate whose mean time is beyond double precision', () => {
		const r = exponential(1e-320);
		expect(blamed(r)).toBe('rate');
	});

	it('states the maximum in the message', () => {
		const r = simulateQueue({ ...base, customers: 1e9 });
		expect(message(r)).toBe('customers must be an integer in 1..100,000,000 (got 1000000000)');
	});
});

describe('configuration models bound their work', () => {
	it('sched: steps x (vCPUs + pCPUs)', () => {
		// 600 s in 1 us steps: 600 million steps. It used to be accepted and run for minutes.
		const r = runSched({
			pcpus: 1,
			durationMs: 600_000,
			resolutionUs: 1,
			policy: { name: 'rr' },
			vms: [{ vcpus: 1 }]
		});
		expect(blamed(r)).toBe('durationMs');
		expect(message(r)).toContain('raise resolutionUs');
	});

	it('memory: steps x VMs', () => {
		const r = runMemory({
			host: { memoryMB: 1000 },
			durationSeconds: 50_000,
			vms: Array.from({ length: 20 }, () => ({ memoryMB: 100 }))
		});
		expect(blamed(r)).toBe('stepSeconds');
		expect(message(r)).toContain('50,001 steps x 20 VMs');
	});

	it('memory and placement: sizes far beyond any machine are refused by field', () => {
		const memory = runMemory({ host: { memoryMB: 1e308 }, vms: [{ memoryMB: 1 }] });
		expect(blamed(memory)).toBe('host.memoryMB');
		const placement = runPlacement({
			host: { cpu: 1e308, memory: 1 },
			vms: [{ cpu: 1, memory: 1 }]
		});
		expect(blamed(placement)).toBe('host.cpu');
	});

	it('placement: copies are counted before they are made', () => {
		// Ten entries of 10,000 copies: 100,000 VMs, which first fit would compare with up to
		// 100,000 hosts each.
		const r = runPlacement({
			host: { cpu: 1, memory: 1 },
			vms: Array.from({ length: 10 }, () => ({ cpu: 1, memory: 1, count: 10_000 })),
			overload: { trials: 1 }
		});
		expect(blamed(r)).toBe('vms');
		expect(message(r)).toContain('100,000 VMs in all');
	});

	it('placement: seeds outside 0..2^32 - 1 are refused, not silently wrapped', () => {
		// random.ts keeps seed >>> 0: -1 used to run as 4,294,967,295 and 2^32 as 0.
		for (const seed of [-1, MAX_SEED + 1, 1.5]) {
			const r = runPlacement({
				host: { cpu: 10, memory: 10 },
				vms: [{ cpu: 1, memory: 1 }],
				overload: { trials: 10, seed }
			});
			expect(blamed(r)).toBe('overload.seed');
		}
		const r = runPlacement({
			host: { cpu: 10, memory: 10 },
			vms: [{ cpu: 1, memory: 1 }],
			overload: { trials: 10, seed: -1 }
		});
		expect(message(r)).toBe('overload.seed: seed must be an integer in 0..4,294,967,295');
		const edge = runPlacement({
			host: { cpu: 10, memory: 10 },
			vms: [{ cpu: 1, memory: 1 }],
			overload: { trials: 10, seed: MAX_SEED }
		});
		expect(blamed(edge)).toBe('ok');
	});

	it('placement: overload trials x VMs x algorithms', () => {
		const r = runPlacement({
			host: { cpu: 10, memory: 10 },
			vms: [{ cpu: 1, memory: 1, count: 100, cv: 0.5 }],
			overload: { trials: 1_000_000 }
		});
		expect(blamed(r)).toBe('overload.trials');
	});
});
