/**
 * Validation of a queue simulator configuration (queueTypes.ts): every parameter is checked before
 * a run starts, with the limits of limits.ts, so a bad one is reported at once and a typo cannot
 * start a run of hours. Also refuses runs whose clock would grow past the point where a double
 * still resolves service times.
 */
import { formatLimit, MAX_CUSTOMERS, MAX_SEED, MAX_SERVERS } from '../limits.ts';
import { fail, ok, type Result } from '../result.ts';
import { MIN_BATCHES } from './batchMeans.ts';
import type { QueueSimConfig } from './queueTypes.ts';

export function validateQueueConfig(config: QueueSimConfig): Result<true> {
	if (!Array.isArray(config.classes) || config.classes.length === 0) {
		return fail('classes', 'classes must list at least one customer class');
	}
	const c = config.servers ?? 1;
	if (!Number.isInteger(c) || c < 1 || c > MAX_SERVERS) {
		return fail('c', `c (servers) must be an integer in 1..${formatLimit(MAX_SERVERS)} (got ${c})`);
	}
	if (
		config.capacity !== undefined &&
		(!Number.isInteger(config.capacity) || config.capacity < c)
	) {
		return fail('k', `k (capacity) must be an integer >= c = ${c} (got ${config.capacity})`);
	}
	// The run takes about two events per customer: bounded so that a typo does not run for hours.
	const customers = config.customers;
	if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
		return fail(
			'customers',
			`customers must be an integer in 1..${formatLimit(MAX_CUSTOMERS)} (got ${customers})`
		);
	}
	const warmup = config.warmup ?? Math.floor(config.customers / 10);
	if (!Number.isInteger(warmup) || warmup < 0 || warmup >= config.customers) {
		return fail('warmup', `warmup must be an integer in 0..customers-1 (got ${warmup})`);
	}
	const batches = config.batches;
	if (
		batches !== undefined &&
		(!Number.isInteger(batches) || batches < MIN_BATCHES || batches > 1000)
	) {
		return fail('batches', `batches must be an integer in ${MIN_BATCHES}..1000 (got ${batches})`);
	}
	// The generator keeps 32 bits of the seed; a larger one would silently repeat a smaller one.
	if (!Number.isInteger(config.seed) || config.seed < 0 || config.seed > MAX_SEED) {
		return fail(
			'seed',
			`seed must be an integer in 0..${formatLimit(MAX_SEED)} (got ${config.seed})`
		);
	}
	let arrivalRate = 0;
	for (let j = 0; j < config.classes.length; j++) {
		const { interarrival, service } = config.classes[j];
		if (!(interarrival.mean > 0 && Number.isFinite(interarrival.mean))) {
			return fail(
				`classes[${j}].interarrival`,
				`classes[${j}].interarrival must have a finite mean > 0`
			);
		}
		if (!(service.mean >= 0 && Number.isFinite(service.mean))) {
			return fail(`classes[${j}].service`, `classes[${j}].service must have a finite mean >= 0`);
		}
		arrivalRate += 1 / interarrival.mean;
	}
	// A double carries about 16 significant digits: at simulated time T it cannot tell apart
	// instants closer than T x 2.2e-16. The clock runs to about customers / (arrival rate); if a
	// service time is not resolved there to a thousandth, response times round away (W = 0 when
	// lambda = 1e-300 and mu = 1).
	const horizon = customers / arrivalRate;
	for (const { service } of config.classes) {
		if (service.mean > 0 && horizon * Number.EPSILON > 1e-3 * service.mean) {
			return fail(
				'customers',
				`customers: the clock would reach about ${horizon.toPrecision(3)} ` +
					`(customers x mean interarrival time), where a double cannot resolve service times ` +
					`of about ${service.mean.toPrecision(3)}; use fewer customers or rates closer together`
			);
		}
	}
	const h = config.histogram;
	if (h && (!(h.binWidth > 0) || !Number.isInteger(h.bins) || h.bins < 1 || h.bins > 1e6)) {
		return fail(
			'histogram',
			'histogram needs binWidth > 0 and an integer number of bins in 1..1e6'
		);
	}
	return ok(true);
}
