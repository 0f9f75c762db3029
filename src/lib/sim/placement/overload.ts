/**
 * Probability of overload when demand varies: a packing sized on mean demands can still overload
 * a host when several of its VMs peak together. Each trial draws every VM's CPU demand from a
 * lognormal with the VM's mean and coefficient of variation (always positive, right-skewed like
 * real utilization), sums them per host and counts hosts above threshold x capacity.
 * Monte Carlo with a seed: the same configuration always gives the same estimate.
 *
 * The interval on the probability is Wilson's score interval (E. B. Wilson, "Probable inference,
 * the law of succession, and statistical inference", JASA 22, 1927), not the textbook
 * p ± 1.96 sqrt(p (1 - p) / n): that one has zero width when no trial (or every trial) overloads,
 * claiming certainty from 100 trials, and covers poorly near 0 and 1 (Newcombe, "Two-sided
 * confidence intervals for the single proportion", Statistics in Medicine 17, 1998). Wilson's
 * interval with no overload in n trials is [0, z^2 / (n + z^2)]: [0, 0.037] for n = 100.
 */
import { lognormalFit, type Distribution } from '../distributions.ts';
import { Random } from '../random.ts';
import { unwrap } from '../result.ts';
import type { Packing } from './binPacking.ts';

export interface OverloadEstimate {
	/** Probability that at least one host is overloaded, with its 95% Wilson score interval. */
	anyHost: number;
	anyHostCi: [number, number];
	/** Probability that each host is overloaded. */
	perHost: number[];
	/** Mean number of overloaded hosts. */
	meanOverloadedHosts: number;
	trials: number;
}

/** Two-sided normal quantile for 95%: z(0.975). */
const Z95 = 1.959963984540054;

/**
 * Wilson's score interval for a proportion: `successes` in `trials`, at the confidence of the
 * two-sided normal quantile z. It is the set of p for which |p_hat - p| <= z sqrt(p (1 - p) / n):
 *   centre = (p_hat + z^2 / 2n) / (1 + z^2 / n),
 *   half   = z / (1 + z^2 / n) x sqrt(p_hat (1 - p_hat) / n + z^2 / 4n^2).
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): [number, number] {
	if (trials <= 0) return [0, 1];
	const p = successes / trials;
	const z2n = (z * z) / trials;
	const centre = (p + z2n / 2) / (1 + z2n);
	const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
	// Exact ends when nothing (or everything) was seen, free of rounding.
	const low = successes === 0 ? 0 : Math.max(0, centre - half);
	const high = successes === trials ? 1 : Math.min(1, centre + half);
	return [low, high];
}

export function estimateOverload(
	vms: { cpu: number; cv: number }[],
	packing: Packing,
	capacityCpu: number,
	options: { trials: number; seed: number; threshold: number }
): OverloadEstimate {
	const rng = new Random(options.seed);
	const demand: (Distribution | null)[] = vms.map((v) =>
		v.cv > 0 && v.cpu > 0 ? unwrap(lognormalFit(v.cpu, v.cv)) : null
	);
	const limit = capacityCpu * options.threshold;
	const hostCount = packing.hosts.length;
	const overloadedCount = new Float64Array(hostCount);
	const load = new Float64Array(hostCount);
	let anyCount = 0;
	let totalOverloaded = 0;
	for (let t = 0; t < options.trials; t++) {
		load.fill(0);
		for (let i = 0; i < vms.length; i++) {
			const h = packing.assignment[i];
			if (h < 0) continue;
			const d = demand[i];
			load[h] += d ? d.sample(rng) : vms[i].cpu;
		}
		let any = false;
		for (let h = 0; h < hostCount; h++) {
			if (load[h] > limit + 1e-9) {
				overloadedCount[h]++;
				totalOverloaded++;
				any = true;
			}
		}
		if (any) anyCount++;
	}
	const n = options.trials;
	return {
		anyHost: anyCount / n,
		anyHostCi: wilsonInterval(anyCount, n),
		perHost: Array.from(overloadedCount, (c) => c / n),
		meanOverloadedHosts: totalOverloaded / n,
		trials: n
	};
}
