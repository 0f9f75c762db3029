/**
 * M/D/1: M/G/1 with a constant service time 1/mu, so E[S^2] = 1/mu^2 and
 * Wq = rho / (2 mu (1 - rho)): exactly half the M/M/1 wait at the same load.
 */
import { checkRate, fail, firstError, type Result } from '../result.ts';
import { mg1, type MG1Metrics } from './mg1.ts';
import { fmt } from './mm1.ts';

export interface MD1Input {
	lambda: number;
	mu: number;
}

export function md1({ lambda, mu }: MD1Input): Result<MG1Metrics> {
	const bad = firstError<MG1Metrics>(checkRate('lambda', lambda), checkRate('mu', mu));
	if (bad) return bad;
	const rho = lambda / mu;
	if (rho >= 1) {
		return fail('lambda', `rho = ${fmt(rho)} ≥ 1: the queue is unstable (lambda must be < mu)`);
	}
	const es = 1 / mu;
	const es2 = es * es;
	// For mu beyond about 1e154 (or below 1e-154) 1/mu^2 leaves the range of double precision.
	if (!(es2 > 0 && Number.isFinite(es2))) {
		return fail('mu', `mu = ${mu} is too extreme: 1/mu^2 is out of the range of double precision`);
	}
	const r = mg1({ lambda, es, es2 });
	if (r.ok) return r;
	// mg1 names its own parameters (es, es2); the user of md1 gave lambda and mu.
	return fail(
		'lambda',
		`lambda = ${lambda}, mu = ${mu}: too extreme to compute in double precision`
	);
}
