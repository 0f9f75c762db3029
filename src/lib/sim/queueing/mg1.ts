/**
 * M/G/1: Poisson arrivals, one server with a general service time S, FIFO.
 * Pollaczek–Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)), rho = lambda E[S]
 * (Kleinrock, Queueing Systems I, §5.7). Only the first two moments of S matter, so two
 * services with the same mean but more variability give longer waits.
 */
import type { Distribution } from '../distributions.ts';
import { checkFiniteResult, checkRate, fail, firstError, ok, type Result } from '../result.ts';
import type { QueueMetrics } from './metrics.ts';
import { fmt } from './mm1.ts';

export interface MG1Input {
	lambda: number;
	/** E[S], the mean service time. */
	es: number;
	/** E[S^2], the second moment of the service time (>= E[S]^2). */
	es2: number;
}

export interface MG1Metrics extends QueueMetrics {
	/** Squared coefficient of variation of the service time. */
	scv: number;
}

export function mg1({ lambda, es, es2 }: MG1Input): Result<MG1Metrics> {
	const bad = firstError<MG1Metrics>(
		checkRate('lambda', lambda),
		checkRate('es', es),
		checkRate('es2', es2)
	);
	if (bad) return bad;
	// Var[S] = E[S^2] - E[S]^2 cannot be negative (allow rounding in the last digits).
	if (es2 < es * es * (1 - 1e-12)) {
		return fail(
			'es2',
			`es2 = ${fmt(es2)} must be >= es^2 = ${fmt(es * es)} (a variance is never negative)`
		);
	}
	const rho = lambda * es;
	if (rho >= 1) {
		return fail(
			'lambda',
			`rho = lambda es = ${fmt(rho)} ≥ 1: the queue is unstable (lambda must be < 1/es)`
		);
	}
	const Wq = (lambda * es2) / (2 * (1 - rho));
	const W = Wq + es;
	const scv = Math.max(0, es2 / (es * es) - 1);
	const metrics = { rho, scv, L: lambda * W, Lq: lambda * Wq, W, Wq };
	const overflow = checkFiniteResult({ lambda, es, es2 }, metrics);
	if (overflow) return { ok: false, error: overflow };
	return ok(metrics);
}

/** M/G/1 with the moments of a service-time distribution. */
export function mg1Distribution(lambda: number, service: Distribution): Result<MG1Metrics> {
	return mg1({ lambda, es: service.mean, es2: service.secondMoment });
}
