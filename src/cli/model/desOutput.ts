/**
 * The simulated queues of `virtlab model des-mm1`, `des-mmc` and `des-queue`: one run each, put
 * side by side with the formula when there is one, as JSON and as an aligned text table. The
 * model specs (parameters) are in des.ts.
 */
import { parseDistribution } from '../../lib/sim/distributionSpec.ts';
import type { Distribution } from '../../lib/sim/distributions.ts';
import {
	simulateQueue,
	validateQueueConfig,
	type QueueSimConfig,
	type QueueSimResult
} from '../../lib/sim/des/queueSim.ts';
import { mg1Distribution } from '../../lib/sim/queueing/mg1.ts';
import { mmc } from '../../lib/sim/queueing/mmc.ts';
import { mmck } from '../../lib/sim/queueing/mmck.ts';
import { ok, type Result } from '../../lib/sim/result.ts';
import { formatNumber, formatTable } from './format.ts';
import { mmcConfig, runTimed, type DesInput } from './desRun.ts';
import type { ModelOutput } from './spec.ts';

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

export function simulate(name: string, input: DesInput): Result<ModelOutput> {
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

export async function simulateGeneral(v: Record<string, unknown>): Promise<Result<ModelOutput>> {
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
