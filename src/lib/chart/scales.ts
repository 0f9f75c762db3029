/**
 * Scales from D3, made the same way in every chart: continuous ones (linear or logarithmic) for
 * values, band ones for categories such as hosts, VMs and CPUs.
 */
import { extent } from 'd3-array';
import { scaleBand, scaleLinear, scaleLog, type ScaleBand } from 'd3-scale';
import type { ScaleContinuousNumeric } from 'd3-scale';

export type Scale = ScaleContinuousNumeric<number, number>;
export type Band = ScaleBand<number>;

/**
 * A continuous scale. `nice` rounds the domain out to round tick values, which a value axis wants;
 * an axis of time or of a sweep should end exactly where the data end, so it passes `nice: false`.
 */
export function continuous(
	domain: [number, number],
	range: [number, number],
	options: { log?: boolean; nice?: boolean } = {}
): Scale {
	const scale = (options.log ? scaleLog() : scaleLinear()).domain(domain).range(range);
	return options.nice === false ? scale : scale.nice();
}

/** Bands for `count` categories, numbered 0..count-1, with `padding` between them. */
export function bands(
	count: number,
	range: [number, number],
	padding: { inner: number; outer: number }
): Band {
	return scaleBand<number>()
		.domain(Array.from({ length: count }, (_, i) => i))
		.range(range)
		.paddingInner(padding.inner)
		.paddingOuter(padding.outer);
}

/**
 * The value domain of some series: from zero (or, on a log axis, the smallest positive value) to
 * the largest value. Linear axes include zero so that heights compare honestly.
 */
export function valueDomain(series: (number | null)[][], log = false): [number, number] {
	const finite = series.flatMap((values) =>
		values.filter((v): v is number => v !== null && Number.isFinite(v) && (!log || v > 0))
	);
	const [low, high] = extent(finite);
	if (low === undefined || high === undefined) return log ? [1, 10] : [0, 1];
	if (log) return low === high ? [low / 10, high * 10] : [low, high];
	const from = Math.min(0, low);
	const to = Math.max(0, high);
	return from === to ? [from - 1, to + 1] : [from, to];
}
