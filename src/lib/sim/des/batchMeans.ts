/**
 * The method of batch means: successive observations of a simulation (e.g. response times in
 * departure order) are correlated, so their sample variance understates the error of their mean.
 * Grouping them into b consecutive batches of equal size gives b batch means that are nearly
 * independent when batches are long; a Student t interval on those b values is then an honest
 * confidence interval (Law, Simulation Modeling and Analysis, 5th ed., §9.5.3).
 */
import { studentTQuantile } from './studentT.ts';

export interface ConfidenceInterval {
	mean: number;
	/** Half the width of the interval. */
	halfWidth: number;
	low: number;
	high: number;
	/** Number of batches the interval rests on. */
	batches: number;
	level: number;
}

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
		return confidenceInterval(this.means, level);
	}
}

/** Student t confidence interval for the mean of (approximately) independent values. */
export function confidenceInterval(
	values: readonly number[],
	level = 0.95
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
	return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, batches: b, level };
}
