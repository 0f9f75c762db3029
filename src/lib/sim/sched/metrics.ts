/** Fairness and latency measures of the scheduling model. */

/**
 * Weighted max-min fair division (water-filling): `total` is shared in proportion to `weights`,
 * no one getting more than its limit; what a capped party cannot use is shared among the rest.
 * Used for Xen credit's hand-out and for each VM's entitlement.
 */
export function weightedWaterFill(weights: number[], limits: number[], total: number): number[] {
	const n = weights.length;
	const share = new Array<number>(n).fill(0);
	const open = new Set<number>();
	for (let i = 0; i < n; i++) if (weights[i] > 0 && limits[i] > 0) open.add(i);
	let left = total;
	while (open.size > 0 && left > 1e-12) {
		let weightSum = 0;
		for (const i of open) weightSum += weights[i];
		// The first party to reach its limit at this rate is saturated; the rest continue.
		let saturated = false;
		for (const i of [...open]) {
			const offer = (left * weights[i]) / weightSum;
			if (share[i] + offer >= limits[i] - 1e-12) {
				left -= limits[i] - share[i];
				share[i] = limits[i];
				open.delete(i);
				saturated = true;
			}
		}
		if (!saturated) {
			for (const i of open) share[i] += (left * weights[i]) / weightSum;
			left = 0;
		}
	}
	return share;
}

/** Jain's fairness index (Jain, Chiu & Hawe, DEC-TR-301, 1984): 1 when all equal, 1/n worst. */
export function jainIndex(values: number[]): number {
	if (values.length === 0) return 1;
	let sum = 0;
	let sumSquares = 0;
	for (const x of values) {
		sum += x;
		sumSquares += x * x;
	}
	return sumSquares === 0 ? 1 : (sum * sum) / (values.length * sumSquares);
}

/** The p-th percentile (0..100) by the nearest-rank method; null for no data. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
	if (sorted.length === 0) return null;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LatencySummary {
	count: number;
	meanMs: number | null;
	p50Ms: number | null;
	p95Ms: number | null;
	p99Ms: number | null;
	maxMs: number | null;
}

/** Summary of latencies given in microseconds, reported in milliseconds. */
export function summarizeLatencies(samplesUs: number[]): LatencySummary {
	const sorted = Float64Array.from(samplesUs).sort();
	const ms = (x: number | null): number | null => (x === null ? null : x / 1000);
	let sum = 0;
	for (const x of sorted) sum += x;
	return {
		count: sorted.length,
		meanMs: sorted.length > 0 ? sum / sorted.length / 1000 : null,
		p50Ms: ms(percentile(sorted, 50)),
		p95Ms: ms(percentile(sorted, 95)),
		p99Ms: ms(percentile(sorted, 99)),
		maxMs: sorted.length > 0 ? sorted[sorted.length - 1] / 1000 : null
	};
}
