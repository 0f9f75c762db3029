/**
 * What the queue simulator runs: the DES configuration for a model at a utilization, and the
 * formula it is compared with. Time is in mean service times (mu = 1); for c servers the arrival
 * rate is lambda = rho c, so rho is the utilization of each server.
 */
import { deterministic, exponential, fromMeanScv } from '../../sim/distributions.ts';
import type { QueueSimConfig } from '../../sim/des/queueSim.ts';
import { ok, type Result } from '../../sim/result.ts';
import { modelLabel, responseTime, type QueueModel } from '../../sim/queueing/catalogue.ts';

export interface QueueSetup {
	model: QueueModel;
	c: number;
	rho: number;
	scv: number;
	customers: number;
	seed: number;
}

export function serversOf(setup: Pick<QueueSetup, 'model' | 'c'>): number {
	return setup.model === 'mmc' ? setup.c : 1;
}

export function arrivalRate(setup: Pick<QueueSetup, 'model' | 'c' | 'rho'>): number {
	return setup.rho * serversOf(setup);
}

/** The DES configuration for this setup (20 batches, 10% warm-up: the engine's defaults). */
export function simConfig(setup: QueueSetup): Result<QueueSimConfig> {
	const interarrival = exponential(arrivalRate(setup));
	if (!interarrival.ok) return interarrival;
	const service =
		setup.model === 'md1'
			? deterministic(1)
			: setup.model === 'mg1'
				? fromMeanScv(1, setup.scv)
				: exponential(1);
	if (!service.ok) return service;
	return ok({
		classes: [{ interarrival: interarrival.value, service: service.value }],
		servers: serversOf(setup),
		customers: setup.customers,
		seed: setup.seed
	});
}

/** The formula's mean response time, in mean service times; null if unstable. */
export function analyticW(setup: Pick<QueueSetup, 'model' | 'c' | 'rho' | 'scv'>): number | null {
	return responseTime(setup.model, setup.rho, setup);
}

export function setupLabel(setup: Pick<QueueSetup, 'model' | 'c' | 'scv'>): string {
	return modelLabel(setup.model, setup);
}
