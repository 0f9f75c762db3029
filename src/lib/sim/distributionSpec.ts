/**
 * Distributions written as short text, for the command line (`virtlab model des-queue`):
 *   exp:RATE   det:VALUE   uniform:LOW:HIGH   erlang:K:MEAN   h2:MEAN:SCV   lognormal:MEAN:CV
 *   empirical:V1,V2,…
 */
import {
	deterministic,
	empirical,
	erlang,
	exponential,
	hyperexponentialFit,
	lognormalFit,
	uniform,
	type Distribution
} from './distributions.ts';
import { fail, type Result } from './result.ts';

const FORMS: Record<string, { args: number; make: (a: number[]) => Result<Distribution> }> = {
	exp: { args: 1, make: ([rate]) => exponential(rate) },
	det: { args: 1, make: ([value]) => deterministic(value) },
	uniform: { args: 2, make: ([low, high]) => uniform(low, high) },
	erlang: { args: 2, make: ([k, mean]) => erlang(k, mean) },
	h2: { args: 2, make: ([mean, scv]) => hyperexponentialFit(mean, scv) },
	lognormal: { args: 2, make: ([mean, cv]) => lognormalFit(mean, cv) }
};

export const DISTRIBUTION_SYNTAX =
	'exp:RATE, det:VALUE, uniform:LOW:HIGH, erlang:K:MEAN, h2:MEAN:SCV, lognormal:MEAN:CV, empirical:V1,V2,…';

/** Parses `spec`; errors name `param` (the option or field it came from). */
export function parseDistribution(param: string, spec: string): Result<Distribution> {
	const [kind, ...rest] = spec.trim().split(':');
	if (kind === 'empirical') {
		const values = rest
			.join(':')
			.split(',')
			.map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
		if (values.some((v) => !Number.isFinite(v)) || rest.length === 0) {
			return fail(
				param,
				`${param}: empirical needs a comma-separated list of numbers (got '${spec}')`
			);
		}
		return withParam(param, spec, empirical(values));
	}
	const form = FORMS[kind];
	if (!form)
		return fail(param, `${param}: unknown distribution '${spec}' (use ${DISTRIBUTION_SYNTAX})`);
	const args = rest.map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
	if (args.length !== form.args || args.some((x) => !Number.isFinite(x))) {
		return fail(
			param,
			`${param}: '${spec}' needs ${form.args} number(s) after '${kind}:' (use ${DISTRIBUTION_SYNTAX})`
		);
	}
	return withParam(param, spec, form.make(args));
}

function withParam(param: string, spec: string, r: Result<Distribution>): Result<Distribution> {
	if (r.ok) return r;
	return fail(param, `${param}: ${r.error.message} in '${spec}'`);
}
