/**
 * The placement model: validate a configuration, pack the VMs with each requested heuristic, and
 * report hosts used, the lower bound, consolidation ratio (VMs per host), utilization and the
 * Monte Carlo probability of overload when demand varies.
 */
import { parseConfig } from '../config.ts';
import { formatLimit, MAX_OVERLOAD_DRAWS, MAX_PLACEMENT_VMS } from '../limits.ts';
import { ok, type Result } from '../result.ts';
import { lowerBound, pack } from './binPacking.ts';
import { placementConfigSchema, type Algorithm, type PlacementConfigInput } from './config.ts';
import { estimateOverload, type OverloadEstimate } from './overload.ts';

export interface PlacementVm {
	name: string;
	cpu: number;
	memory: number;
	cv: number;
}

export interface AlgorithmResult {
	algorithm: Algorithm;
	hostsUsed: number;
	/** VMs placed per host used. */
	consolidationRatio: number;
	/** Mean CPU and memory utilization of the hosts used. */
	cpuUtilization: number;
	memoryUtilization: number;
	/** Names of VMs that found no host (only when maxHosts runs out). */
	unplaced: string[];
	hosts: { cpu: number; memory: number; vms: string[] }[];
	/** Host index of each VM, in configuration order (-1 = unplaced). */
	assignment: number[];
	overload: OverloadEstimate;
}

export interface PlacementResult {
	vms: PlacementVm[];
	/** Fewest hosts any placement could use. */
	lowerBound: number;
	results: AlgorithmResult[];
}

export function runPlacement(input: unknown): Result<PlacementResult> {
	const parsed = parseConfig(placementConfigSchema, input);
	if (!parsed.ok) return parsed;
	const config = parsed.value;
	const cap = { cpu: config.host.cpu, memory: config.host.memory };
	// Counted before the copies are made: a few entries with large counts could otherwise build
	// an enormous list before the check.
	const total = config.vms.reduce((s, v) => s + v.count, 0);
	if (total > MAX_PLACEMENT_VMS) {
		return {
			ok: false,
			error: {
				param: 'vms',
				message: `vms: ${formatLimit(total)} VMs in all, counting copies (at most ${formatLimit(MAX_PLACEMENT_VMS)})`
			}
		};
	}
	// Every trial of the overload estimate draws a demand for every VM, once per algorithm.
	const draws = config.overload.trials * total * config.algorithms.length;
	if (draws > MAX_OVERLOAD_DRAWS) {
		return {
			ok: false,
			error: {
				param: 'overload.trials',
				message:
					`overload.trials: ${formatLimit(config.overload.trials)} trials x ${formatLimit(total)} VMs x ` +
					`${config.algorithms.length} algorithms is too much work ` +
					`(at most ${formatLimit(MAX_OVERLOAD_DRAWS)} draws; lower overload.trials)`
			}
		};
	}
	const vms: PlacementVm[] = [];
	config.vms.forEach((v, i) => {
		for (let k = 0; k < v.count; k++) {
			const base = v.name ?? `vm${i}`;
			vms.push({
				name: v.count > 1 ? `${base}-${k + 1}` : base,
				cpu: v.cpu,
				memory: v.memory,
				cv: v.cv
			});
		}
	});
	for (let i = 0; i < config.vms.length; i++) {
		const v = config.vms[i];
		if (v.cpu > cap.cpu || v.memory > cap.memory) {
			return {
				ok: false,
				error: {
					param: `vms[${i}]`,
					message: `vms[${i}] (${v.cpu} cpu, ${v.memory} memory) does not fit on an empty host (${cap.cpu} cpu, ${cap.memory} memory)`
				}
			};
		}
	}
	const results = config.algorithms.map((algorithm): AlgorithmResult => {
		const packing = pack(vms, cap, algorithm, config.host.maxHosts ?? vms.length);
		const used = packing.hosts.length;
		const placed = packing.assignment.filter((h) => h >= 0).length;
		const sum = (f: (h: { cpu: number; memory: number }) => number): number =>
			packing.hosts.reduce((s, h) => s + f(h), 0);
		return {
			algorithm,
			hostsUsed: used,
			consolidationRatio: used > 0 ? placed / used : 0,
			cpuUtilization: used > 0 ? sum((h) => h.cpu) / (used * cap.cpu) : 0,
			memoryUtilization: used > 0 ? sum((h) => h.memory) / (used * cap.memory) : 0,
			unplaced: vms.filter((_, i) => packing.assignment[i] < 0).map((v) => v.name),
			hosts: packing.hosts.map((h) => ({
				cpu: h.cpu,
				memory: h.memory,
				vms: h.vms.map((i) => vms[i].name)
			})),
			assignment: packing.assignment,
			overload: estimateOverload(vms, packing, cap.cpu, config.overload)
		};
	});
	return ok({ vms, lowerBound: lowerBound(vms, cap), results });
}

export type { PlacementConfigInput };
