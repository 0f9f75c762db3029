/**
 * Exact Mean Value Analysis of a closed, single-class product-form network: N customers cycle
 * between a think stage (mean Z, a delay with no queue) and K queueing stations with service
 * demands D_k (visits x service time). For n = 1..N (Reiser & Lavenberg, JACM 1980):
 *   R_k(n) = D_k (1 + Q_k(n - 1))      residence time at station k
 *   X(n)   = n / (Z + sum_k R_k(n))    throughput (interactive response time law)
 *   Q_k(n) = X(n) R_k(n)               Little's law at station k
 */
import { formatLimit, MAX_MVA_STEPS, MAX_POPULATION } from '../limits.ts';
import {
	checkAtMost,
	checkFiniteResult,
	checkInteger,
	checkRate,
	fail,
	ok,
	type Result
} from '../result.ts';

export interface MVAInput {
	/** Service demand D_k of each queueing station (seconds per job). */
	demands: number[];
	/** Think time Z (0 for a batch system). */
	think: number;
	/** Population N. */
	n: number;
}

export interface MVAResult {
	/** X[n]: system throughput with n customers; X[0] = 0. Length N + 1. */
	X: number[];
	/** R[n]: response time (excluding think time) with n customers; R[0] = 0. Length N + 1. */
	R: number[];
	/** Per-station residence time at population N. */
	stationR: number[];
	/** Per-station mean queue length at population N. */
	stationQ: number[];
	/** Per-station utilization X(N) D_k at population N. */
	stationU: number[];
	/** Asymptotic bounds: X(n) <= min(n/(D + Z), 1/Dmax); the knee is N* = (D + Z)/Dmax
	 * (null when every demand is zero). */
	bounds: { totalDemand: number; maxDemand: number; kneePopulation: number | null };
}

export function mva({ demands, think, n }: MVAInput): Result<MVAResult> {
	if (!Array.isArray(demands) || demands.length === 0) {
		return fail('demands', 'demands must list at least one station');
	}
	for (let k = 0; k < demands.length; k++) {
		const e = checkRate(`demands[${k}]`, demands[k], 'non-negative');
		if (e) return { ok: false, error: e };
	}
	const e1 =
		checkRate('think', think, 'non-negative') ??
		checkInteger('n', n, 1) ??
		checkAtMost('n', n, MAX_POPULATION);
	if (e1) return { ok: false, error: e1 };
	// The recursion visits every station once per customer.
	if (n * demands.length > MAX_MVA_STEPS) {
		return fail(
			'n',
			`n = ${n} customers x ${demands.length} stations is too much work ` +
				`(n x stations at most ${formatLimit(MAX_MVA_STEPS)})`
		);
	}
	const totalDemand = demands.reduce((s, d) => s + d, 0);
	if (totalDemand + think <= 0) {
		return fail('demands', 'demands and think time are all zero: throughput would be infinite');
	}
	const K = demands.length;
	const Q = new Float64Array(K);
	const Rk = new Float64Array(K);
	const X = [0];
	const R = [0];
	for (let pop = 1; pop <= n; pop++) {
		let r = 0;
		for (let k = 0; k < K; k++) {
			Rk[k] = demands[k] * (1 + Q[k]);
			r += Rk[k];
		}
		const x = pop / (think + r);
		for (let k = 0; k < K; k++) Q[k] = x * Rk[k];
		X.push(x);
		R.push(r);
	}
	// A loop, not Math.max(...demands): spreading a long list overflows the call stack.
	const maxDemand = demands.reduce((m, d) => Math.max(m, d), 0);
	const result = {
		X,
		R,
		stationR: Array.from(Rk),
		stationQ: Array.from(Q),
		stationU: demands.map((d) => X[n] * d),
		bounds: {
			totalDemand,
			maxDemand,
			kneePopulation: maxDemand > 0 ? (totalDemand + think) / maxDemand : null
		}
	};
	const overflow = checkFiniteResult({ demands, think, n }, result);
	if (overflow) return { ok: false, error: overflow };
	return ok(result);
}
