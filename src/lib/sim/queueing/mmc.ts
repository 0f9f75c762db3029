/**
 * M/M/c: Poisson arrivals, c identical exponential servers, one FIFO queue.
 * The probability of waiting is Erlang's C formula. It is computed from Erlang B by the
 * recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), then C = B / (1 - rho (1 - B)),
 * which never forms a^c or c! and so stays exact for thousands of servers
 * (Kleinrock, Queueing Systems I, §3.5; the recurrence is the standard one for Erlang B).
 */
import { MAX_SERVERS } from '../limits.ts';
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
import { fmt } from './mm1.ts';

export interface MMcInput {
	lambda: number;
	mu: number;
	c: number;
}

export interface MMcMetrics extends QueueMetrics {
	/** Erlang C: probability that an arriving customer has to wait. */
	C: number;
	/** Offered load a = lambda/mu, in Erlangs. */
	a: number;
}

/** Erlang B: blocking probability of c servers and no queue, offered load a. */
export function erlangB(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
	return b;
}

/** Erlang C: probability of waiting in M/M/c with offered load a < c. */
export function erlangC(c: number, a: number): number {
	const b = erlangB(c, a);
	const rho = a / c;
	return b / (1 - rho * (1 - b));
}

export function mmc({ lambda, mu, c }: MMcInput): Result<MMcMetrics> {
	const bad = firstError<MMcMetrics>(
		checkRate('lambda', lambda),
		checkRate('mu', mu),
		checkInteger('c', c, 1),
		// Erlang's recurrence takes one step per server.
		checkAtMost('c', c, MAX_SERVERS)
	);
	if (bad) return bad;
	const a = lambda / mu;
	const rho = a / c;
	if (rho >= 1) {
		return fail(
			'lambda',
			`rho = lambda/(c mu) = ${fmt(rho)} ≥ 1: the queue is unstable (lambda must be < c mu = ${fmt(c * mu)})`
		);
	}
	const C = erlangC(c, a);
	const Wq = C / (c * mu - lambda);
	const W = Wq + 1 / mu;
	const metrics = { rho, a, C, L: lambda * W, Lq: lambda * Wq, W, Wq };
	const overflow = checkFiniteResult({ lambda, mu, c }, metrics);
	if (overflow) return { ok: false, error: overflow };
	return ok(metrics);
}
