/**
 * Probability of overload when demand varies: a packing sized on mean demands can still overload
 * a host when several of its VMs peak together. Each trial draws every VM's CPU demand from a
 * lognormal with the VM's mean and coefficient of variation (always positive, right-skewed like
 * real utilization), sums them per host and counts hosts above threshold x capacity.
 * Monte Carlo with a seed: the same configuration always gives the same estimate.
 */
import { lognormalFit, type Distribution } from '../distributions.ts';
import { Random } from '../random.ts';
import { unwrap } from '../result.ts';
import type { Packing } from './binPacking.ts';

export interface OverloadEstimate {
	/** Probability that at least one host is overloaded, with its 95% normal-approximation CI. */
	anyHost: number;
	anyHostCi: [number, number];
	/** Probability that each host is overloaded. */
	perHost: number[];
	/** Mean number of overloaded hosts. */
	meanOverloadedHosts: number;
	trials: number;
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
	const p = anyCount / n;
	const half = 1.96 * Math.sqrt((p * (1 - p)) / n);
	return {
		anyHost: p,
		anyHostCi: [Math.max(0, p - half), Math.min(1, p + half)],
		perHost: Array.from(overloadedCount, (c) => c / n),
		meanOverloadedHosts: totalOverloaded / n,
		trials: n
	};
}
