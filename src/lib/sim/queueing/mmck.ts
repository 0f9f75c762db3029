/**
 * M/M/c/K: c exponential servers and room for K customers in all (K >= c, waiting room K - c).
 * Arrivals that find K customers are lost, so the queue is stable at any load.
 * Birth–death stationary law: p_n proportional to a^n/n! for n <= c and a^n/(c! c^(n-c)) above,
 * with a = lambda/mu (Kleinrock, Queueing Systems I, §3.7). The terms are built by ratios
 * (t_n = t_(n-1) a / min(n, c)) and rescaled when large, so big c and K neither overflow nor
 * lose precision.
 */
import { MAX_CAPACITY, MAX_SERVERS } from '../limits.ts';
import {
	checkAtMost,
	checkFiniteResult,
	checkInteger,
	checkRate,
	fail,
	firstError,
	ok,
	type Result
} from '../result.ts';
import type { QueueMetrics } from './metrics.ts';

export interface MMcKInput {
	lambda: number;
	mu: number;
	c: number;
	k: number;
}

export interface MMcKMetrics extends QueueMetrics {
	/** Probability that the system is empty. */
	p0: number;
	/** Probability that it is full: the fraction of arrivals lost. */
	pK: number;
	/** Rate of arrivals that get in: lambda (1 - pK). */
	lambdaEff: number;
	/** Fraction of time each server is busy: lambdaEff/(c mu). (rho is the offered lambda/(c mu).) */
	utilization: number;
}

/** Stationary probabilities p_0..p_K. */
export function mmckProbabilities(lambda: number, mu: number, c: number, k: number): Float64Array {
	const a = lambda / mu;
	const p = new Float64Array(k + 1);
	p[0] = 1;
	let sum = 1;
	for (let n = 1; n <= k; n++) {
		p[n] = (p[n - 1] * a) / Math.min(n, c);
		sum += p[n];
		if (sum > 1e250) {
			for (let i = 0; i <= n; i++) p[i] /= sum;
			sum = 1;
		}
	}
	for (let n = 0; n <= k; n++) p[n] /= sum;
	return p;
}

export function mmck({ lambda, mu, c, k }: MMcKInput): Result<MMcKMetrics> {
	const bad = firstError<MMcKMetrics>(
		checkRate('lambda', lambda),
		checkRate('mu', mu),
		checkInteger('c', c, 1),
		checkAtMost('c', c, MAX_SERVERS),
		checkInteger('k', k, 1),
		// The probabilities p_0..p_K are an array of K + 1 numbers, computed in three passes.
		checkAtMost('k', k, MAX_CAPACITY)
	);
	if (bad) return bad;
	if (k < c) return fail('k', `k = ${k} must be >= c = ${c} (k counts the customers in service)`);
	const p = mmckProbabilities(lambda, mu, c, k);
	let L = 0;
	let Lq = 0;
	for (let n = 1; n <= k; n++) {
		L += n * p[n];
		if (n > c) Lq += (n - c) * p[n];
	}
	const pK = p[k];
	const lambdaEff = lambda * (1 - pK);
	const metrics = {
		rho: lambda / (c * mu),
		utilization: lambdaEff / (c * mu),
		p0: p[0],
		pK,
		lambdaEff,
		L,
		Lq,
		W: L / lambdaEff,
		Wq: Lq / lambdaEff
	};
	const overflow = checkFiniteResult({ lambda, mu, c, k }, metrics);
	if (overflow) return { ok: false, error: overflow };
	return ok(metrics);
}
