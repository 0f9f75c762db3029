/**
 * Running the simulator for the CLI's simulated-queue models (des.ts): the validated M/M/c
 * configuration and a run timed by wall clock and CPU. Wall-clock timing lives here, in the CLI,
 * never in the engine.
 */
import { exponential } from '../../lib/sim/distributions.ts';
import {
	simulateQueue,
	validateQueueConfig,
	type QueueSimConfig,
	type QueueSimResult
} from '../../lib/sim/des/queueSim.ts';
import { fail, ok, type Result } from '../../lib/sim/result.ts';

export interface DesInput {
	lambda: number;
	mu: number;
	c: number;
	customers: number;
	seed: number;
	warmup?: number;
	batches?: number;
}

export interface Timed {
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
export function mmcConfig(input: DesInput): Result<QueueSimConfig> {
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

export function runTimed(config: QueueSimConfig): Result<Timed> {
	const start = performance.now();
	const cpuStart = process.cpuUsage();
	const r = simulateQueue(config);
	const seconds = (performance.now() - start) / 1000;
	const cpu = process.cpuUsage(cpuStart);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	return r.ok ? ok({ result: r.value, seconds, cpuSeconds }) : r;
}

export function toInput(v: Record<string, unknown>, c: number): DesInput {
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
