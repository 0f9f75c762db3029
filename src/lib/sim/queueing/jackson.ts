/**
 * Open Jackson networks: stations with exponential servers, Poisson arrivals from outside
 * (gamma_i) and Markovian routing (after station i a job goes to j with probability P[i][j],
 * and leaves with 1 - sum_j P[i][j]). Jackson's theorem (Operations Research 1957): the total
 * arrival rates solve the traffic equations lambda = gamma + P^T lambda, and each station then
 * behaves like an independent M/M/c_i queue with arrival rate lambda_i.
 */
import { formatLimit, MAX_SERVERS, MAX_STATIONS } from '../limits.ts';
import {
	checkAtMost,
	checkFiniteResult,
	checkInteger,
	checkRate,
	fail,
	ok,
	type Result
} from '../result.ts';
import type { QueueMetrics } from './metrics.ts';
import { fmt } from './mm1.ts';
import { mmc } from './mmc.ts';

export interface JacksonInput {
	/** External arrival rate into each station. */
	gamma: number[];
	/** Service rate of each server at each station. */
	mu: number[];
	/** Servers per station (default 1 each). */
	c?: number[];
	/** Routing matrix: routing[i][j] = probability of going to j after i. */
	routing: number[][];
}

export interface JacksonResult {
	/** Total arrival rate at each station (solution of the traffic equations). */
	lambda: number[];
	stations: QueueMetrics[];
	/** Mean number in the whole network. */
	L: number;
	/** Mean time a job spends in the network: L / sum(gamma) (Little). */
	W: number;
	/** Mean number of visits to each station per job: lambda_i / sum(gamma). */
	visits: number[];
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null if A is singular. */
function solve(A: number[][], b: number[]): number[] | null {
	const n = b.length;
	const m = A.map((row, i) => [...row, b[i]]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
		if (Math.abs(m[pivot][col]) < 1e-12) return null;
		[m[col], m[pivot]] = [m[pivot], m[col]];
		for (let r = 0; r < n; r++) {
			if (r === col) continue;
			const f = m[r][col] / m[col][col];
			for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
		}
	}
	return m.map((row, i) => row[n] / row[i]);
}

export function jackson({ gamma, mu, c, routing }: JacksonInput): Result<JacksonResult> {
	const n = gamma.length;
	if (n === 0) return fail('gamma', 'gamma must list at least one station');
	// Solving the traffic equations takes about n^3 steps.
	if (n > MAX_STATIONS) {
		return fail('gamma', `gamma lists ${n} stations: at most ${formatLimit(MAX_STATIONS)}`);
	}
	if (mu.length !== n) return fail('mu', `mu must have ${n} entries, one per station`);
	const servers = c ?? new Array(n).fill(1);
	if (servers.length !== n) return fail('c', `c must have ${n} entries, one per station`);
	if (routing.length !== n) return fail('routing', `routing must be a ${n} x ${n} matrix`);
	for (let i = 0; i < n; i++) {
		const e =
			checkRate(`gamma[${i}]`, gamma[i], 'non-negative') ??
			checkRate(`mu[${i}]`, mu[i]) ??
			checkInteger(`c[${i}]`, servers[i], 1) ??
			checkAtMost(`c[${i}]`, servers[i], MAX_SERVERS);
		if (e) return { ok: false, error: e };
		if (routing[i].length !== n)
			return fail(`routing[${i}]`, `routing[${i}] must have ${n} entries`);
		let rowSum = 0;
		for (let j = 0; j < n; j++) {
			const p = routing[i][j];
			if (!Number.isFinite(p) || p < 0 || p > 1) {
				return fail(`routing[${i}][${j}]`, `routing[${i}][${j}] must be a probability in [0, 1]`);
			}
			rowSum += p;
		}
		if (rowSum > 1 + 1e-9) {
			return fail(`routing[${i}]`, `routing[${i}] sums to ${fmt(rowSum)} > 1`);
		}
	}
	const totalIn = gamma.reduce((s, g) => s + g, 0);
	if (totalIn <= 0) return fail('gamma', 'at least one external arrival rate must be > 0');
	// (I - P^T) lambda = gamma
	const A = Array.from({ length: n }, (_, i) =>
		Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - routing[j][i])
	);
	const lambda = solve(A, gamma);
	if (!lambda || lambda.some((x) => !Number.isFinite(x) || x < -1e-9)) {
		return fail('routing', 'routing is not open: some jobs can never leave the network');
	}
	const stations: QueueMetrics[] = [];
	let L = 0;
	for (let i = 0; i < n; i++) {
		const li = Math.max(0, lambda[i]);
		if (li === 0) {
			stations.push({ rho: 0, L: 0, Lq: 0, W: 1 / mu[i], Wq: 0 });
			continue;
		}
		if (li >= servers[i] * mu[i]) {
			return fail(
				`mu[${i}]`,
				`station ${i} is unstable: lambda[${i}] = ${fmt(li)} ≥ c mu = ${fmt(servers[i] * mu[i])}`
			);
		}
		const r = mmc({ lambda: li, mu: mu[i], c: servers[i] });
		// Stability and c were checked above, so only extreme rates can make the station fail.
		if (!r.ok) return fail(`mu[${i}]`, `station ${i}: ${r.error.message}`);
		const { rho, L: Li, Lq, W, Wq } = r.value;
		stations.push({ rho, L: Li, Lq, W, Wq });
		L += Li;
	}
	const result = {
		lambda: lambda.map((x) => Math.max(0, x)),
		stations,
		L,
		W: L / totalIn,
		visits: lambda.map((x) => Math.max(0, x) / totalIn)
	};
	const overflow = checkFiniteResult({ gamma, mu }, result);
	if (overflow) return { ok: false, error: overflow };
	return ok(result);
}
