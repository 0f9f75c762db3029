/**
 * M/M/1: Poisson arrivals (rate lambda), one exponential server (rate mu), infinite FIFO queue.
 * rho = lambda/mu, L = rho/(1 - rho), W = 1/(mu - lambda) (Kleinrock, Queueing Systems I, §3.2).
 */
import { checkFiniteResult, checkRate, fail, firstError, ok, type Result } from '../result.ts';
import type { QueueMetrics } from './metrics.ts';

export interface MM1Input {
	lambda: number;
	mu: number;
}

export function mm1({ lambda, mu }: MM1Input): Result<QueueMetrics> {
	const bad = firstError<QueueMetrics>(checkRate('lambda', lambda), checkRate('mu', mu));
	if (bad) return bad;
	const rho = lambda / mu;
	if (rho >= 1) {
		return fail('lambda', `rho = ${fmt(rho)} ≥ 1: the queue is unstable (lambda must be < mu)`);
	}
	const W = 1 / (mu - lambda);
	const Wq = rho / (mu - lambda);
	const metrics = { rho, L: rho / (1 - rho), Lq: (rho * rho) / (1 - rho), W, Wq };
	const overflow = checkFiniteResult({ lambda, mu }, metrics);
	if (overflow) return { ok: false, error: overflow };
	return ok(metrics);
}

/** Short number formatting for messages. */
export function fmt(x: number): string {
	return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}
