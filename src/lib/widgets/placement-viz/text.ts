/**
 * The placement visualizer in words and tables: the heuristics' names, the summary for screen
 * readers, the comparison of all four heuristics and the hosts of the one drawn. Pure functions
 * of the language and the model's result.
 */
import type { DataTable } from '../../chart/table.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { Algorithm } from '../../sim/placement/config.ts';
import type { BinHost } from './bins.ts';
import { HOST, VM_COUNT, VM_TYPES } from './scenario.ts';

const NAME_KEYS: Record<Algorithm, MessageKey> = {
	'first-fit': 'placementViz.firstFit',
	'first-fit-decreasing': 'placementViz.firstFitDecreasing',
	'best-fit': 'placementViz.bestFit',
	'worst-fit': 'placementViz.worstFit'
};

export function algorithmName(lang: Lang, algorithm: Algorithm): string {
	return t(lang, NAME_KEYS[algorithm]);
}

export const percent = (x: number, digits = 0) => `${(x * 100).toFixed(digits)} %`;

/** What a heuristic's packing looks like, as the model reports it. */
export interface Packing {
	algorithm: Algorithm;
	hostsUsed: number;
	consolidationRatio: number;
	hosts: { cpu: number }[];
	overload: { anyHost: number };
}

/** CPU demand placed over the full capacity of the hosts used. */
export function cpuLoad(packing: Pick<Packing, 'hostsUsed' | 'hosts'>): number {
	const demand = packing.hosts.reduce((s, h) => s + h.cpu, 0);
	return packing.hostsUsed > 0 ? demand / (packing.hostsUsed * HOST.cpu) : 0;
}

export function summary(lang: Lang, packing: Packing, lowerBound: number): string {
	return t(lang, 'placementViz.summary', {
		algorithm: algorithmName(lang, packing.algorithm),
		vms: VM_COUNT,
		hosts: packing.hostsUsed,
		lowerBound,
		ratio: packing.consolidationRatio.toFixed(2),
		load: percent(cpuLoad(packing)),
		risk: percent(packing.overload.anyHost, 1)
	});
}

/** All four heuristics side by side, the one drawn in bold. */
export function comparisonTable(lang: Lang, packings: Packing[], chosen: Algorithm): DataTable {
	return {
		caption: t(lang, 'placementViz.caption'),
		columns: [
			t(lang, 'placementViz.heuristic'),
			t(lang, 'placementViz.hosts'),
			t(lang, 'placementViz.vmsPerHost'),
			t(lang, 'placementViz.cpuLoad'),
			t(lang, 'placementViz.overloadRisk')
		],
		rows: packings.map((r) => ({
			key: r.algorithm,
			highlight: r.algorithm === chosen,
			cells: [
				algorithmName(lang, r.algorithm),
				r.hostsUsed,
				r.consolidationRatio.toFixed(2),
				percent(cpuLoad(r)),
				percent(r.overload.anyHost, 1)
			]
		}))
	};
}

/** The bins' data: per host, its VMs by kind, how full its CPU and memory are, its risk. */
export function hostsTable(lang: Lang, hosts: BinHost[]): DataTable {
	const sum = (host: BinHost, resource: 'cpu' | 'memory') =>
		host.vms.reduce((s, vm) => s + vm[resource], 0) / HOST[resource];
	return {
		caption: t(lang, 'placementViz.hostsCaption'),
		columns: [
			t(lang, 'placementViz.hostColumn'),
			t(lang, 'placementViz.vmsColumn'),
			t(lang, 'placementViz.cpuColumn'),
			t(lang, 'placementViz.memoryColumn'),
			t(lang, 'placementViz.overloadRisk')
		],
		rows: hosts.map((host, h) => ({
			key: String(h + 1),
			cells: [
				h + 1,
				VM_TYPES.map((type, i) => ({ type, n: host.vms.filter((vm) => vm.type === i).length }))
					.filter(({ n }) => n > 0)
					.map(({ type, n }) => `${n} × ${type.name}`)
					.join(', '),
				percent(sum(host, 'cpu')),
				percent(sum(host, 'memory')),
				percent(host.overload)
			]
		}))
	};
}
