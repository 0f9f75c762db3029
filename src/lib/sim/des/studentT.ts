/**
 * Quantiles of Student's t distribution, for confidence intervals from a few batch means.
 * The CDF is expressed through the regularized incomplete beta function,
 * P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2), evaluated by its continued fraction (Lentz's method;
 * Abramowitz & Stegun 26.5.8, 26.7.1), and inverted by bisection — a few microseconds, and
 * accurate to about 1e-10 for any df >= 1.
 */

function logGamma(x: number): number {
	// Lanczos approximation (g = 7, n = 9), accurate to about 1e-15 for x > 0.
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	x -= 1;
	let a = c[0];
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += c[i] / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-15) break;
	}
	return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(
		logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)
	);
	// Use the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges faster.
	if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
	return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T <= t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
	const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with df degrees of freedom (0 < p < 1, df >= 1). */
export function studentTQuantile(p: number, df: number): number {
	if (!(p > 0 && p < 1) || !(df >= 1)) {
		throw new RangeError(`studentTQuantile needs 0 < p < 1 and df >= 1 (got p ${p}, df ${df})`);
	}
	if (p === 0.5) return 0;
	if (p < 0.5) return -studentTQuantile(1 - p, df);
	let low = 0;
	let high = 1;
	while (studentTCdf(high, df) < p) high *= 2;
	for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
		const mid = (low + high) / 2;
		if (studentTCdf(mid, df) < p) low = mid;
		else high = mid;
	}
	return (low + high) / 2;
}
