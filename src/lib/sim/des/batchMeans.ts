/**
 * The method of batch means: successive observations of a simulation (e.g. response times in
 * departure order) are correlated, so their sample variance understates the error of their mean.
 * Grouping them into b consecutive batches of equal size gives b batch means that are nearly
 * independent when batches are long; a Student t interval on those b values is then an honest
 * confidence interval (Law, Simulation Modeling and Analysis, 5th ed., §9.5.3).
 *
 * "When batches are long" is the whole difficulty: how long depends on how long the queue
 * remembers, which grows without bound as utilization approaches 1. So the batch size is chosen
 * from the run itself (`AdaptiveBatchMeans`, after Fishman's LBATCH rule): start with many short
 * batches and double their size until a test no longer finds their means correlated. When no
 * batch size with enough batches passes, or the interval is too wide to trust, the estimate
 * carries a warning instead of pretending to be exact. Below `MIN_BATCHES` batches there is no
 * interval at all: a "95% interval" from one batch would have zero width.
 */
import { studentTQuantile } from './studentT.ts';

/**
 * Fewest batches an interval is built from. With fewer, the t quantile explodes (t(0.975, 1) is
 * 12.7) and the variance estimate rests on a handful of numbers; Schmeiser ("Batch size effects in
 * the analysis of simulation output", Operations Research 30(3), 1982) found 10 to 30 batches to
 * be enough for any run length, and Law (§9.5.3) recommends no fewer than 10.
 */
export const MIN_BATCHES = 10;

/**
 * Fewest batches on which the independence test is trusted. The test statistic has standard
 * deviation about 1/sqrt(b): with 32 batches a lag-1 correlation of 0.4 is found about four times
 * in five, with 10 batches it is missed more often than not.
 */
export const MIN_TEST_BATCHES = 32;

/**
 * The adaptive scheme keeps between MAX_BASE_BATCHES / 2 and MAX_BASE_BATCHES - 1 short batches
 * whose size doubles as the run grows, so memory and the cost of an analysis stay constant (a
 * widget analyses the run at every animation frame).
 */
export const MAX_BASE_BATCHES = 512;

/**
 * Significance level of the independence test: Fishman & Yarberry use 0.10, so that correlated
 * batches are more often caught than missed ("An implementation of the batch means method",
 * INFORMS Journal on Computing 9(3), 1997). Its one-sided normal quantile z(0.90):
 */
const TEST_ALPHA = 0.1;
const Z_TEST = 1.2815515655446004;

/**
 * Largest half-width, relative to the mean, of an interval given without a warning. Law (§9.4.1)
 * found that intervals aiming at a relative error gamma keep their coverage only for gamma up to
 * about 0.15; wider intervals come from runs too short for their variability, where the batch
 * means are skewed and the interval is short exactly when the mean is too low.
 */
export const MAX_RELATIVE_HALF_WIDTH = 0.15;

export interface ConfidenceInterval {
	mean: number;
	/** Half the width of the interval. */
	halfWidth: number;
	low: number;
	high: number;
	/** Number of batches the interval rests on. */
	batches: number;
	/** Observations in each batch (0 when built from bare values). */
	batchSize: number;
	level: number;
}

/** Why an estimate has no interval, or why its interval should not be trusted. */
export interface IntervalWarning {
	code: 'too-few-batches' | 'correlated' | 'imprecise';
	/** One English sentence for the CLI; widgets word it from `code` in their own language. */
	message: string;
}

/** What batch means can say about the mean: an interval (or none) and a warning (or none). */
export interface BatchMeansEstimate {
	ci: ConfidenceInterval | null;
	warning: IntervalWarning | null;
	/**
	 * Von Neumann's lag-1 test statistic of the batch means the interval uses, in standard
	 * deviations under independence (above 1.28 = correlated at the 10% level); null if untested.
	 */
	lag1Z: number | null;
}

/** Student t confidence interval for the mean of (approximately) independent values. */
export function confidenceInterval(
	values: readonly number[],
	level = 0.95,
	batchSize = 0
): ConfidenceInterval | null {
	const b = values.length;
	if (b < 2) return null;
	let mean = 0;
	for (const v of values) mean += v;
	mean /= b;
	let ss = 0;
	for (const v of values) ss += (v - mean) * (v - mean);
	const sd = Math.sqrt(ss / (b - 1));
	const halfWidth = studentTQuantile(1 - (1 - level) / 2, b - 1) * (sd / Math.sqrt(b));
	return {
		mean,
		halfWidth,
		low: mean - halfWidth,
		high: mean + halfWidth,
		batches: b,
		batchSize,
		level
	};
}

/**
 * Von Neumann's ratio test for lag-1 correlation (von Neumann, Ann. Math. Stat. 12, 1941), in the
 * form Fishman uses for batch means ("Grouping observations in digital simulation", Management
 * Science 24(5), 1978):
 *   C = 1 - sum (x[i+1] - x[i])^2 / (2 sum (x[i] - mean)^2),
 * which for independent values has mean 0 and variance (b - 2) / (b^2 - 1) (Young, Ann. Math.
 * Stat. 12, 1941) and is close to normal. C estimates the lag-1 autocorrelation; the result is C in
 * standard deviations. Values that do not vary at all are not correlated: 0.
 */
export function vonNeumannZ(values: readonly number[]): number {
	const b = values.length;
	if (b < 3) return 0;
	let mean = 0;
	for (const v of values) mean += v;
	mean /= b;
	let ss = 0;
	let successive = 0;
	for (let i = 0; i < b; i++) {
		ss += (values[i] - mean) * (values[i] - mean);
		if (i > 0) successive += (values[i] - values[i - 1]) * (values[i] - values[i - 1]);
	}
	// Relative to the mean's size, so that rounding noise in constant values reads as constant.
	if (ss <= 1e-24 * b * (mean * mean + 1e-300)) return 0;
	const c = 1 - successive / (2 * ss);
	return c / Math.sqrt((b - 2) / (b * b - 1));
}

/** True when the test finds the values positively correlated at the 10% level. */
export function looksCorrelated(values: readonly number[]): boolean {
	return vonNeumannZ(values) > Z_TEST;
}

/** Means of neighbouring pairs: the batch means of batches twice as long (an odd last one is dropped). */
export function mergePairs(values: readonly number[]): number[] {
	const out: number[] = [];
	for (let i = 0; i + 1 < values.length; i += 2) out.push((values[i] + values[i + 1]) / 2);
	return out;
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

function tooFew(batches: number): BatchMeansEstimate {
	return {
		ci: null,
		lag1Z: null,
		warning: {
			code: 'too-few-batches',
			message:
				`no interval: only ${formatCount(batches)} complete batch${batches === 1 ? '' : 'es'}, ` +
				`and an interval needs at least ${MIN_BATCHES} (simulate more customers or delete fewer as warm-up)`
		}
	};
}

/**
 * The interval on batch means `values` of `batchSize` observations each, with the relative
 * precision check; `correlated` carries the verdict of the independence test.
 */
function estimate(
	values: readonly number[],
	batchSize: number,
	level: number,
	correlated: { z: number | null; message: string | null }
): BatchMeansEstimate {
	const ci = confidenceInterval(values, level, batchSize)!;
	if (correlated.message !== null) {
		return {
			ci,
			lag1Z: correlated.z,
			warning: { code: 'correlated', message: correlated.message }
		};
	}
	const relative = ci.halfWidth / Math.abs(ci.mean);
	if (relative > MAX_RELATIVE_HALF_WIDTH) {
		return {
			ci,
			lag1Z: correlated.z,
			warning: {
				code: 'imprecise',
				message:
					`the interval is ±${Math.round(relative * 100)}% of the mean, wider than ` +
					`±${MAX_RELATIVE_HALF_WIDTH * 100}%: so short a run often misses the rare long ` +
					`stretches, and its interval then misses the true mean more often than 1 in 20 ` +
					`(simulate more customers)`
			}
		};
	}
	return { ci, lag1Z: correlated.z, warning: null };
}

/** Batches of a size fixed in advance (e.g. the total run divided by 20). */
export class BatchMeans {
	private sum = 0;
	private inBatch = 0;
	private readonly means: number[] = [];

	/** Observations are grouped `batchSize` at a time; leftovers after the last batch are ignored. */
	constructor(readonly batchSize: number) {
		if (!Number.isInteger(batchSize) || batchSize < 1) {
			throw new RangeError(`batchSize must be an integer >= 1 (got ${batchSize})`);
		}
	}

	add(x: number): void {
		this.sum += x;
		if (++this.inBatch === this.batchSize) {
			this.means.push(this.sum / this.batchSize);
			this.sum = 0;
			this.inBatch = 0;
		}
	}

	get batchMeans(): readonly number[] {
		return this.means;
	}

	/** The t confidence interval (default 95%) on the mean; null with fewer than 2 batches. */
	interval(level = 0.95): ConfidenceInterval | null {
		return confidenceInterval(this.means, level, this.batchSize);
	}

	/**
	 * The interval with its checks: none below MIN_BATCHES batches; a warning when the test finds
	 * the batch means correlated (the batches are too short) or the interval too wide.
	 */
	estimate(level = 0.95): BatchMeansEstimate {
		const b = this.means.length;
		if (b < MIN_BATCHES) return tooFew(b);
		const z = vonNeumannZ(this.means);
		const message =
			z > Z_TEST
				? `the ${b} batch means are still correlated (lag-1 test z = ${z.toFixed(2)} > ` +
					`${Z_TEST.toFixed(2)}): the batches are too short for this queue's memory and the ` +
					`interval is too narrow (simulate more customers, or leave batches to the simulator)`
				: null;
		return estimate(this.means, this.batchSize, level, { z, message });
	}
}

/**
 * Batch means with the batch size chosen from the run, after Fishman's LBATCH rule (Fishman &
 * Yarberry 1997; Law §9.5.3):
 * 1. Observations are kept as between 256 and 511 short batches whose size is a power of two (when
 *    the 512th is completed, neighbours are merged and the size doubles).
 * 2. To analyse, start from those short batches and double the batch size (merge neighbours)
 *    while von Neumann's test finds their means positively correlated at the 10% level. The
 *    first size that passes, with at least MIN_TEST_BATCHES batches, is long enough; the interval
 *    is then built on 32 to 63 batches at least that long. Testing on many short batches and
 *    estimating on fewer long ones is Law & Carson's rule ("A sequential procedure for
 *    determining the length of a steady-state simulation", Operations Research 27(5), 1979):
 *    a test passed by short batches can miss correlation that spans several of them, and beyond
 *    about 30 batches more batches hardly narrow the interval (Schmeiser 1982).
 * 3. If no size with MIN_TEST_BATCHES batches passes, the run is too short for the queue's memory:
 *    the interval is built from the fewest batches allowed (MIN_BATCHES to 2 x MIN_BATCHES - 1,
 *    the longest batches, the widest and most honest interval the run allows) and carries a
 *    warning.
 * The remainder after the last complete short batch (fewer than 1/256 of the observations) is
 * left out of the interval, as in the fixed method.
 */
export class AdaptiveBatchMeans {
	private size = 1;
	private sum = 0;
	private inBatch = 0;
	private means: number[] = [];

	add(x: number): void {
		this.sum += x;
		if (++this.inBatch === this.size) {
			this.means.push(this.sum / this.size);
			this.sum = 0;
			this.inBatch = 0;
			if (this.means.length === MAX_BASE_BATCHES) {
				this.means = mergePairs(this.means);
				this.size *= 2;
			}
		}
	}

	/** The short batches' size and means (for tests and curious readers). */
	get baseBatchSize(): number {
		return this.size;
	}

	get batchMeans(): readonly number[] {
		return this.means;
	}

	estimate(level = 0.95): BatchMeansEstimate {
		let values: readonly number[] = this.means;
		let size = this.size;
		if (values.length < MIN_BATCHES) return tooFew(values.length);
		let lastZ: number | null = null;
		while (values.length >= MIN_TEST_BATCHES) {
			lastZ = vonNeumannZ(values);
			if (lastZ <= Z_TEST) {
				// Passed. Build the interval on fewer, longer batches (Law & Carson's rule).
				while (values.length >= 2 * MIN_TEST_BATCHES) {
					values = mergePairs(values);
					size *= 2;
				}
				return estimate(values, size, level, { z: lastZ, message: null });
			}
			values = mergePairs(values);
			size *= 2;
		}
		// No batch size with enough batches passed: use the longest batches still allowed.
		while (values.length >= 2 * MIN_BATCHES) {
			values = mergePairs(values);
			size *= 2;
		}
		const message =
			lastZ === null
				? `only ${values.length} batches: too few to test whether they are independent ` +
					`(the test needs ${MIN_TEST_BATCHES}; simulate more customers)`
				: `the batch means stay correlated at every batch size with at least ` +
					`${MIN_TEST_BATCHES} batches (lag-1 test, ${TEST_ALPHA * 100}% level): the run is short ` +
					`for this queue's memory, so the interval from ${values.length} batches of ` +
					`${formatCount(size)} is likely too narrow (simulate more customers)`;
		return estimate(values, size, level, { z: lastZ, message });
	}

	/** The interval alone (null below MIN_BATCHES batches). */
	interval(level = 0.95): ConfidenceInterval | null {
		return this.estimate(level).ci;
	}
}
