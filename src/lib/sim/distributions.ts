/**
 * Probability distributions for interarrival and service times. Each carries its mean and second
 * moment E[X^2] exactly, so that the M/G/1 formula (Pollaczek–Khinchine) and the simulator use
 * the same object: the formula reads the moments, the simulator calls `sample`.
 */
import type { Random } from './random.ts';
import { fail, ok, type Result } from './result.ts';

export interface Distribution {
	/** Short human-readable name, e.g. `Exp(rate 2)`. */
	readonly label: string;
	readonly mean: number;
	/** E[X^2]; the variance is secondMoment - mean^2. */
	readonly secondMoment: number;
	sample(rng: Random): number;
}

/** Squared coefficient of variation Var[X] / E[X]^2: 0 deterministic, 1 exponential. */
export function scv(d: Distribution): number {
	return d.secondMoment / (d.mean * d.mean) - 1;
}

function positive(param: string, value: number): Result<never> | null {
	if (!Number.isFinite(value) || value <= 0)
		return fail(param, `${param} must be > 0 (got ${value})`);
	return null;
}

class Exponential implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	private readonly scale: number;
	constructor(rate: number) {
		this.label = `Exp(rate ${rate})`;
		this.scale = 1 / rate;
		this.mean = 1 / rate;
		this.secondMoment = 2 / (rate * rate);
	}
	sample(rng: Random): number {
		// Inversion: -ln(U) / rate with U in (0, 1].
		return -Math.log(rng.uniformPositive()) * this.scale;
	}
}

export function exponential(rate: number): Result<Distribution> {
	const bad = positive('rate', rate);
	if (bad) return bad;
	// Below about 1e-308 the mean 1/rate is Infinity: not a time any clock can reach.
	if (!Number.isFinite(1 / rate)) {
		return fail(
			'rate',
			`rate = ${rate} is too small: the mean time between events is beyond double precision`
		);
	}
	return ok(new Exponential(rate));
}

class Deterministic implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	constructor(readonly value: number) {
		this.label = `D(${value})`;
		this.mean = value;
		this.secondMoment = value * value;
	}
	sample(_rng: Random): number {
		return this.value;
	}
}

export function deterministic(value: number): Result<Distribution> {
	if (!Number.isFinite(value) || value < 0) {
		return fail('value', `value must be >= 0 (got ${value})`);
	}
	return ok(new Deterministic(value));
}

class Uniform implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	constructor(
		private readonly low: number,
		private readonly high: number
	) {
		this.label = `U(${low}, ${high})`;
		this.mean = (low + high) / 2;
		this.secondMoment = (low * low + low * high + high * high) / 3;
	}
	sample(rng: Random): number {
		return this.low + (this.high - this.low) * rng.uniform();
	}
}

export function uniform(low: number, high: number): Result<Distribution> {
	if (!Number.isFinite(low) || low < 0) return fail('low', `low must be >= 0 (got ${low})`);
	if (!Number.isFinite(high) || high < low) {
		return fail('high', `high must be >= low = ${low} (got ${high})`);
	}
	return ok(new Uniform(low, high));
}

class Erlang implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	private readonly phaseScale: number;
	constructor(
		private readonly k: number,
		mean: number
	) {
		this.label = `Erlang-${k}(mean ${mean})`;
		this.mean = mean;
		this.secondMoment = mean * mean * (1 + 1 / k);
		this.phaseScale = mean / k;
	}
	sample(rng: Random): number {
		// A sum of k exponential phases = -ln(product of k uniforms) * (mean / k).
		let product = 1;
		for (let i = 0; i < this.k; i++) product *= rng.uniformPositive();
		return -Math.log(product) * this.phaseScale;
	}
}

/** Erlang-k with the given mean: k exponential phases each of mean mean/k; SCV = 1/k. */
export function erlang(k: number, mean: number): Result<Distribution> {
	if (!Number.isInteger(k) || k < 1 || k > 1000) {
		return fail('k', `k must be an integer in 1..1000 (got ${k})`);
	}
	return positive('mean', mean) ?? ok(new Erlang(k, mean));
}

class Hyperexponential implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	private readonly cumulative: Float64Array;
	private readonly scales: Float64Array;
	constructor(probabilities: number[], rates: number[]) {
		this.label = `H${rates.length}(p ${probabilities.join('/')}, rates ${rates.join('/')})`;
		let mean = 0;
		let m2 = 0;
		this.cumulative = new Float64Array(rates.length);
		this.scales = new Float64Array(rates.length);
		let sum = 0;
		for (let i = 0; i < rates.length; i++) {
			mean += probabilities[i] / rates[i];
			m2 += (2 * probabilities[i]) / (rates[i] * rates[i]);
			sum += probabilities[i];
			this.cumulative[i] = sum;
			this.scales[i] = 1 / rates[i];
		}
		this.cumulative[rates.length - 1] = 1;
		this.mean = mean;
		this.secondMoment = m2;
	}
	sample(rng: Random): number {
		const u = rng.uniform();
		let i = 0;
		while (u >= this.cumulative[i]) i++;
		return -Math.log(rng.uniformPositive()) * this.scales[i];
	}
}

/** With probability probabilities[i] an exponential of rate rates[i]; SCV >= 1. */
export function hyperexponential(probabilities: number[], rates: number[]): Result<Distribution> {
	if (rates.length === 0 || rates.length !== probabilities.length) {
		return fail('probabilities', 'probabilities and rates must be non-empty and of equal length');
	}
	let sum = 0;
	for (let i = 0; i < rates.length; i++) {
		const bad = positive(`rates[${i}]`, rates[i]);
		if (bad) return bad;
		if (!(probabilities[i] >= 0)) {
			return fail(`probabilities[${i}]`, `probabilities[${i}] must be >= 0`);
		}
		sum += probabilities[i];
	}
	if (Math.abs(sum - 1) > 1e-9) {
		return fail('probabilities', `probabilities must sum to 1 (got ${sum})`);
	}
	return ok(new Hyperexponential(probabilities, rates));
}

/**
 * A two-phase hyperexponential with the given mean and SCV >= 1, with balanced means
 * (p1/rate1 = p2/rate2), the usual way to fit H2 to two moments.
 */
export function hyperexponentialFit(mean: number, scvValue: number): Result<Distribution> {
	const bad = positive('mean', mean);
	if (bad) return bad;
	if (!Number.isFinite(scvValue) || scvValue < 1) {
		return fail('scv', `scv must be >= 1 for a hyperexponential (got ${scvValue})`);
	}
	const p1 = 0.5 * (1 + Math.sqrt((scvValue - 1) / (scvValue + 1)));
	const p2 = 1 - p1;
	return hyperexponential([p1, p2], [(2 * p1) / mean, (2 * p2) / mean]);
}

class Lognormal implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	constructor(
		private readonly mu: number,
		private readonly sigma: number
	) {
		this.label = `Lognormal(mu ${mu}, sigma ${sigma})`;
		this.mean = Math.exp(mu + (sigma * sigma) / 2);
		this.secondMoment = Math.exp(2 * mu + 2 * sigma * sigma);
	}
	sample(rng: Random): number {
		return Math.exp(this.mu + this.sigma * rng.normal());
	}
}

/** exp(N(mu, sigma^2)): mu and sigma are those of the underlying normal. */
export function lognormal(mu: number, sigma: number): Result<Distribution> {
	if (!Number.isFinite(mu)) return fail('mu', `mu must be a finite number (got ${mu})`);
	if (!Number.isFinite(sigma) || sigma < 0) {
		return fail('sigma', `sigma must be >= 0 (got ${sigma})`);
	}
	return ok(new Lognormal(mu, sigma));
}

/** A lognormal with the given mean and coefficient of variation (standard deviation / mean). */
export function lognormalFit(mean: number, cv: number): Result<Distribution> {
	const bad = positive('mean', mean);
	if (bad) return bad;
	if (!Number.isFinite(cv) || cv < 0) return fail('cv', `cv must be >= 0 (got ${cv})`);
	const sigma2 = Math.log(1 + cv * cv);
	return lognormal(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
}

class Empirical implements Distribution {
	readonly label: string;
	readonly mean: number;
	readonly secondMoment: number;
	private readonly values: Float64Array;
	constructor(values: number[]) {
		this.values = Float64Array.from(values);
		this.label = `Empirical(${values.length} values)`;
		let m = 0;
		let m2 = 0;
		for (const v of values) {
			m += v;
			m2 += v * v;
		}
		this.mean = m / values.length;
		this.secondMoment = m2 / values.length;
	}
	sample(rng: Random): number {
		return this.values[rng.integer(this.values.length)];
	}
}

/** Resamples observed values, each with equal probability (the empirical distribution). */
export function empirical(values: number[]): Result<Distribution> {
	if (values.length === 0) return fail('values', 'values must not be empty');
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i]) || values[i] < 0) {
			return fail(`values[${i}]`, `values[${i}] must be a finite number >= 0`);
		}
	}
	return ok(new Empirical(values));
}

/**
 * The simplest distribution with a given mean and SCV: deterministic (0), Erlang-k with
 * k = round(1/scv) (0 < scv < 1; exact only when 1/scv is an integer), exponential (1),
 * balanced hyperexponential (> 1). Used by widgets with a "service variability" slider.
 */
export function fromMeanScv(mean: number, scvValue: number): Result<Distribution> {
	const bad = positive('mean', mean);
	if (bad) return bad;
	if (!Number.isFinite(scvValue) || scvValue < 0) {
		return fail('scv', `scv must be >= 0 (got ${scvValue})`);
	}
	if (scvValue === 0) return deterministic(mean);
	if (scvValue === 1) return exponential(1 / mean);
	if (scvValue < 1) return erlang(Math.min(1000, Math.max(1, Math.round(1 / scvValue))), mean);
	return hyperexponentialFit(mean, scvValue);
}
