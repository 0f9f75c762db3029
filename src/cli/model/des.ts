/**
 * Simulated queues of `virtlab model` (des-mm1, des-mmc, des-queue) and `virtlab model bench`. Wall-clock
 * timing lives here, in the CLI, never in the engine.
 */
import { parseDistribution, DISTRIBUTION_SYNTAX } from '../../lib/sim/distributionSpec.ts';
import { exponential, type Distribution } from '../../lib/sim/distributions.ts';
import {
	simulateQueue,
	validateQueueConfig,
	type QueueSimConfig,
	type QueueSimResult
} from '../../lib/sim/des/queueSim.ts';
import { formatLimit, MAX_CUSTOMERS, MAX_SEED, MAX_SERVERS } from '../../lib/sim/limits.ts';
import { MIN_BATCHES } from '../../lib/sim/des/batchMeans.ts';
import { md1 } from '../../lib/sim/queueing/md1.ts';
import { mg1, mg1Distribution } from '../../lib/sim/queueing/mg1.ts';
import { mm1 } from '../../lib/sim/queueing/mm1.ts';
import { mmc } from '../../lib/sim/queueing/mmc.ts';
import { mmck } from '../../lib/sim/queueing/mmck.ts';
import { fail, ok, unwrap, type Result } from '../../lib/sim/result.ts';
import { formatNumber, formatTable } from './format.ts';
import type { ModelOutput, ModelSpec } from './spec.ts';

interface DesInput {
	lambda: number;
	mu: number;
	c: number;
	customers: number;
	seed: number;
	warmup?: number;
	batches?: number;
}

interface Timed {
	result: QueueSimResult;
	/** Wall-clock seconds. */
	seconds: number;
	/** CPU seconds of this process (user + system): what the run cost even on a busy machine. */
	cpuSeconds: number;
}

/**
 * The simulator's configuration for an M/M/c input, validated: every parameter is checked
 * before anything runs, so a bad one is reported at once rather than after a long computation.
 */
function mmcConfig(input: DesInput): Result<QueueSimConfig> {
	const arrivals = exponential(input.lambda);
	if (!arrivals.ok) return fail('lambda', arrivals.error.message.replace('rate', 'lambda'));
	const service = exponential(input.mu);
	if (!service.ok) return fail('mu', service.error.message.replace('rate', 'mu'));
	const config: QueueSimConfig = {
		classes: [{ interarrival: arrivals.value, service: service.value }],
		servers: input.c,
		customers: input.customers,
		warmup: input.warmup,
		batches: input.batches,
		seed: input.seed
	};
	const valid = validateQueueConfig(config);
	return valid.ok ? ok(config) : valid;
}

function runTimed(config: QueueSimConfig): Result<Timed> {
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	const r = simulateQueue(config);
	const seconds = (performance.now() - start) / 1000;
	const cpu = process.cpuUsage(cpuStart);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	return r.ok ? ok({ result: r.value, seconds, cpuSeconds }) : r;
}

/**
 * The interval's rows of the text output: the interval with the batches it rests on, or the
 * reason there is none; and a warning row when it should not be trusted.
 */
export function intervalRows(result: QueueSimResult): [string, unknown][] {
	const label = '95% CI on W (batch means)';
	const { ci, ciWarning } = result;
	if (!ci) return [[label, ciWarning ? ciWarning.message : 'none']];
	const rows: [string, unknown][] = [
		[
			label,
			`[${formatNumber(ci.low)}, ${formatNumber(ci.high)}] ` +
				`(${ci.batches} batches of ${formatNumber(ci.batchSize)} customers)`
		]
	];
	if (ciWarning) rows.push(['warning', ciWarning.message]);
	return rows;
}

function simulate(name: string, input: DesInput): Result<ModelOutput> {
	const config = mmcConfig(input);
	if (!config.ok) return config;
	// The analytic model checks stability: an unstable queue has no steady state to estimate.
	const analytic = mmc({ lambda: input.lambda, mu: input.mu, c: input.c });
	if (!analytic.ok) return analytic;
	const timed = runTimed(config.value);
	if (!timed.ok) return timed;
	const { result, seconds, cpuSeconds } = timed.value;
	const eventsPerSecond = Math.round(result.events / Math.max(seconds, 1e-9));
	const json = {
		W: result.W,
		Wci: result.Wci,
		ci: result.ci,
		ciWarning: result.ciWarning,
		Wanalytic: analytic.value.W,
		Wq: result.Wq,
		L: result.L,
		utilization: result.utilization,
		throughput: result.throughput,
		customers: result.customers,
		measured: result.measured,
		events: result.events,
		seconds,
		eventsPerSecond,
		eventsPerCpuSecond: Math.round(result.events / Math.max(cpuSeconds, 1e-9)),
		seed: input.seed
	};
	const text =
		`${name} simulated (seed ${input.seed}, ${formatNumber(result.customers)} customers, ` +
		`first ${formatNumber(result.customers - result.measured)} deleted as warm-up)\n` +
		formatTable([
			['W (mean response time)', result.W],
			...intervalRows(result),
			['W from the formula', analytic.value.W],
			['Wq (mean waiting time)', result.Wq],
			['L (time-average number)', result.L],
			['utilization', result.utilization],
			['events', result.events],
			['events per second', eventsPerSecond]
		]);
	return ok({ json, text });
}

/** The formula that applies to a G/G/c(/K) configuration, when there is one. */
function analyticW(
	arrivalSpec: string,
	serviceSpec: string,
	arrival: Distribution,
	service: Distribution,
	c: number,
	k: number | undefined
): number | null {
	if (!arrivalSpec.trim().startsWith('exp:')) return null;
	const lambda = 1 / arrival.mean;
	const exponentialService = serviceSpec.trim().startsWith('exp:');
	if (exponentialService && k !== undefined) {
		const r = mmck({ lambda, mu: 1 / service.mean, c, k });
		return r.ok ? r.value.W : null;
	}
	if (k !== undefined) return null;
	if (exponentialService) {
		const r = mmc({ lambda, mu: 1 / service.mean, c });
		return r.ok ? r.value.W : null;
	}
	if (c !== 1) return null;
	const r = mg1Distribution(lambda, service);
	return r.ok ? r.value.W : null;
}

async function simulateGeneral(v: Record<string, unknown>): Promise<Result<ModelOutput>> {
	const arrival = parseDistribution('arrival', v.arrival as string);
	if (!arrival.ok) return arrival;
	const service = parseDistribution('service', v.service as string);
	if (!service.ok) return service;
	const c = v.c as number;
	const k = v.k as number | undefined;
	const config: QueueSimConfig = {
		classes: [{ interarrival: arrival.value, service: service.value }],
		servers: c,
		capacity: k,
		customers: v.customers as number,
		warmup: v.warmup as number | undefined,
		batches: v.batches as number | undefined,
		seed: v.seed as number
	};
	// Before the stability check, which divides by c: c = 0 is a bad c, not an unstable queue.
	const valid = validateQueueConfig(config);
	if (!valid.ok) return valid;
	const rho = service.value.mean / (c * arrival.value.mean);
	if (k === undefined && rho >= 1) {
		return {
			ok: false,
			error: {
				param: 'arrival',
				message: `rho = E[S]/(c E[A]) = ${formatNumber(rho)} ≥ 1: the queue is unstable (add --k for a finite capacity)`
			}
		};
	}
	const start = performance.now();
	const r = simulateQueue(config);
	const seconds = (performance.now() - start) / 1000;
	if (!r.ok) return r;
	const res = r.value;
	const Wanalytic = analyticW(
		v.arrival as string,
		v.service as string,
		arrival.value,
		service.value,
		c,
		k
	);
	const eventsPerSecond = Math.round(res.events / Math.max(seconds, 1e-9));
	const json = {
		arrival: arrival.value.label,
		service: service.value.label,
		c,
		k: k ?? null,
		rho,
		W: res.W,
		Wci: res.Wci,
		ci: res.ci,
		ciWarning: res.ciWarning,
		Wanalytic,
		Wq: res.Wq,
		L: res.L,
		utilization: res.utilization,
		blocking: res.blocking,
		customers: res.customers,
		measured: res.measured,
		events: res.events,
		seconds,
		eventsPerSecond,
		seed: v.seed
	};
	const text =
		`${arrival.value.label} / ${service.value.label} / ${c}${k !== undefined ? ` / ${k}` : ''} simulated ` +
		`(seed ${v.seed}, ${formatNumber(res.customers)} customers)\n` +
		formatTable([
			['W (mean response time)', res.W],
			...intervalRows(res),
			['W from the formula', Wanalytic ?? 'no closed form for this queue'],
			['Wq (mean waiting time)', res.Wq],
			['L (time-average number)', res.L],
			['utilization', res.utilization],
			['arrivals lost (blocking)', res.blocking],
			['events', res.events],
			['events per second', eventsPerSecond]
		]);
	return ok({ json, text });
}

/** Times one redraw of a response-time explorer: every model at `points` utilizations. */
function benchCurves(points = 500): {
	points: number;
	milliseconds: number;
	cpuMilliseconds: number;
} {
	let sink = 0;
	const once = (): void => {
		for (let i = 1; i <= points; i++) {
			const rho = (0.99 * i) / points;
			const a = mm1({ lambda: rho, mu: 1 });
			const b = mmc({ lambda: 16 * rho, mu: 1, c: 16 });
			const c = md1({ lambda: rho, mu: 1 });
			const d = mg1({ lambda: rho, es: 1, es2: 5 });
			if (a.ok && b.ok && c.ok && d.ok) sink += a.value.W + b.value.W + c.value.W + d.value.W;
		}
	};
	once(); // warm up the JIT
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	const repeats = 20;
	for (let r = 0; r < repeats; r++) once();
	const milliseconds = (performance.now() - start) / repeats;
	const cpu = process.cpuUsage(cpuStart);
	const cpuMilliseconds = (cpu.user + cpu.system) / 1000 / repeats;
	if (!Number.isFinite(sink)) throw new Error('unreachable: formulas returned a non-finite W');
	return { points, milliseconds, cpuMilliseconds };
}

const servers = {
	name: 'c',
	description: `number of servers, at most ${formatLimit(MAX_SERVERS)}`,
	kind: 'integer'
} as const;

const common = [
	{ name: 'lambda', description: 'arrival rate', kind: 'number' },
	{ name: 'mu', description: 'service rate of one server', kind: 'number' },
	{
		name: 'customers',
		description: `customers to simulate, at most ${formatLimit(MAX_CUSTOMERS)}`,
		kind: 'integer',
		default: 1_000_000
	},
	{
		name: 'seed',
		description: `random seed, an integer in 0..${formatLimit(MAX_SEED)}`,
		kind: 'integer',
		default: 1
	},
	{
		name: 'warmup',
		description: 'customers deleted at the start',
		kind: 'integer',
		optional: true,
		defaultText: '10% of customers'
	},
	{
		name: 'batches',
		description:
			`batches for the confidence interval, ${MIN_BATCHES} to 1,000 ` +
			`(below ${MIN_BATCHES} complete batches no interval is given)`,
		kind: 'integer',
		optional: true,
		defaultText:
			'batch size chosen from the run: doubled until a lag-1 test finds the batch means ' +
			'uncorrelated, with a warning if none does'
	}
] as const;

function toInput(v: Record<string, unknown>, c: number): DesInput {
	return {
		lambda: v.lambda as number,
		mu: v.mu as number,
		c,
		customers: v.customers as number,
		seed: v.seed as number,
		warmup: v.warmup as number | undefined,
		batches: v.batches as number | undefined
	};
}

export const desModels: ModelSpec[] = [
	{
		name: 'des-mm1',
		summary: 'M/M/1 by discrete-event simulation, with a batch-means confidence interval',
		params: [...common],
		async run(v) {
			return simulate('M/M/1', toInput(v, 1));
		}
	},
	{
		name: 'des-mmc',
		summary: 'M/M/c by discrete-event simulation, with a batch-means confidence interval',
		params: [...common, { ...servers }],
		async run(v) {
			return simulate(`M/M/${v.c}`, toInput(v, v.c as number));
		}
	},
	{
		name: 'des-queue',
		summary: 'G/G/c(/K) by discrete-event simulation: any interarrival and service distributions',
		params: [
			{
				name: 'arrival',
				description: `interarrival distribution (${DISTRIBUTION_SYNTAX})`,
				kind: 'string'
			},
			{ name: 'service', description: 'service distribution (same syntax)', kind: 'string' },
			{ ...servers, default: 1 },
			{
				name: 'k',
				description: 'capacity of the system, counting those in service',
				kind: 'integer',
				optional: true
			},
			...common.slice(2)
		],
		async run(v) {
			return simulateGeneral(v);
		}
	},
	{
		name: 'bench',
		summary:
			'events per second of the discrete-event engine (M/M/1 and M/M/8 at rho 0.9), ' +
			'also per CPU second (not distorted by other processes), and the cost of redrawing analytic curves',
		params: [
			{
				name: 'customers',
				description: `customers per run, at most ${formatLimit(MAX_CUSTOMERS)}`,
				kind: 'integer',
				default: 1_000_000
			}
		],
		async run(v) {
			const customers = v.customers as number;
			const cases = [
				{ label: 'M/M/1 rho 0.9', input: { lambda: 0.9, mu: 1, c: 1 } },
				{ label: 'M/M/8 rho 0.9', input: { lambda: 7.2, mu: 1, c: 8 } }
			];
			// Both runs are validated before the first starts: a bad --customers is an error at once.
			const configs: QueueSimConfig[] = [];
			for (const { input } of cases) {
				const config = mmcConfig({ ...input, customers, seed: 7 });
				if (!config.ok) return config;
				configs.push(config.value);
			}
			// One short run first so the JIT has compiled the hot loop before we time it. Its
			// configuration is fixed and valid, so unwrap cannot throw here.
			const warmUp = { lambda: 0.9, mu: 1, c: 1, customers: 100_000, seed: 1 };
			unwrap(runTimed(unwrap(mmcConfig(warmUp))));
			const runs = cases.map(({ label }, i) => {
				const { result, seconds, cpuSeconds } = unwrap(runTimed(configs[i]));
				return {
					model: label,
					customers,
					events: result.events,
					seconds,
					eventsPerSecond: Math.round(result.events / seconds),
					cpuSeconds,
					eventsPerCpuSecond: Math.round(result.events / cpuSeconds)
				};
			});
			const curves = benchCurves();
			const text =
				runs
					.map(
						(r) =>
							`${r.model}: ${formatNumber(r.events)} events in ${r.seconds.toFixed(3)} s = ` +
							`${(r.eventsPerSecond / 1e6).toFixed(2)} million events/s ` +
							`(${(r.eventsPerCpuSecond / 1e6).toFixed(2)} million per CPU second)`
					)
					.join('\n') +
				`\nanalytic curves: ${curves.points} points each of M/M/1, M/M/16, M/D/1 and M/G/1 in ` +
				`${curves.milliseconds.toFixed(2)} ms (${curves.cpuMilliseconds.toFixed(2)} ms of CPU; ` +
				`an animation frame is 16.7 ms)\n`;
			return ok({ json: { runs, curves }, text });
		}
	}
];
