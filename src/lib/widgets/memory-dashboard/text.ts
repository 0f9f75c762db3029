/**
 * The memory dashboard's data for its charts and tables, and its words: the lines drawn (in GiB
 * over time), the summary for screen readers and the per-VM table. Pure functions of the language
 * and the model's result.
 */
import type { DataTable } from '../../chart/table.ts';
import { seriesTable } from '../../chart/table.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { formatNumber } from '../../notebook/format.ts';
import type { MemoryResult } from '../../sim/memory/simulate.ts';
import { VM_NAMES, memoryOvercommit } from './scenario.ts';

export interface Series {
	label: string;
	values: number[];
}

const GiB = (mb: number) => mb / 1024;

/** The host's memory over time: what the VMs want, what there is, and where the rest went. */
export function memorySeries(lang: Lang, result: MemoryResult): Series[] {
	const line = (
		label: Parameters<typeof t>[1],
		mb: (s: MemoryResult['series'][number]) => number
	) => ({
		label: t(lang, label),
		values: result.series.map((s) => GiB(mb(s)))
	});
	return [
		line('memoryDashboard.lineWanted', (s) => s.demandMB),
		line('memoryDashboard.lineCapacity', (s) => s.capacityMB),
		line('memoryDashboard.lineShared', (s) => s.sharedMB),
		line('memoryDashboard.lineBalloon', (s) => s.balloonMB),
		line('memoryDashboard.lineSwapped', (s) => s.swappedMB)
	];
}

/** Each VM's slowdown over time (1 = full speed). */
export function slowdownSeries(result: MemoryResult): Series[] {
	return VM_NAMES.map((name, i) => ({
		label: name,
		values: result.series.map((s) => s.vms[i].slowdown)
	}));
}

/** A chart's lines as a table, one row every `every` samples (every 10 s of the 300). */
export function timeTable(
	lang: Lang,
	caption: string,
	times: number[],
	series: Series[],
	every = 10
): DataTable {
	const keep = (_: unknown, i: number) => i % every === 0 || i === times.length - 1;
	return seriesTable({
		caption,
		xLabel: t(lang, 'memoryDashboard.time'),
		xs: times.filter(keep),
		formatX: (s) => String(s),
		series: series.map((s) => ({ label: s.label, values: s.values.filter(keep) })),
		format: (v) => v.toFixed(2)
	});
}

/**
 * How overcommitted the host is, in words: "1.5× overcommitted", or, when the VMs fit,
 * "not overcommitted: the VMs need 75 % of it" (rather than "0.75 times overcommitted").
 */
export function overcommitText(lang: Lang, hostGiB: number): string {
	const ratio = memoryOvercommit(hostGiB);
	return ratio > 1
		? t(lang, 'memoryDashboard.overcommitted', { ratio: formatNumber(ratio) })
		: t(lang, 'memoryDashboard.notOvercommitted', { percent: Math.round(ratio * 100) });
}

export function summary(lang: Lang, hostGiB: number, result: MemoryResult): string {
	return t(lang, 'memoryDashboard.summary', {
		host: hostGiB,
		overcommit: overcommitText(lang, hostGiB),
		shared: formatNumber(GiB(result.peak.sharedMB)),
		balloon: formatNumber(GiB(result.peak.balloonMB)),
		swapped: formatNumber(GiB(result.peak.swappedMB)),
		vms: result.vms
			.map((vm) =>
				t(lang, 'memoryDashboard.summaryVm', {
					name: vm.name,
					swapIns: Math.round(vm.swapIns),
					slowdown: vm.meanSlowdown.toFixed(2)
				})
			)
			.join(t(lang, 'memoryDashboard.summaryJoin'))
	});
}

/** Per VM over the whole run: swap-ins, slowdown, and what balloons and sharing hold at the end. */
export function vmTable(lang: Lang, result: MemoryResult): DataTable {
	return {
		caption: t(lang, 'memoryDashboard.caption'),
		columns: [
			t(lang, 'memoryDashboard.vm'),
			t(lang, 'memoryDashboard.swapIns'),
			t(lang, 'memoryDashboard.slowdown'),
			t(lang, 'memoryDashboard.atEnd')
		],
		rows: result.vms.map((vm) => ({
			key: vm.name,
			cells: [
				vm.name,
				Math.round(vm.swapIns).toLocaleString('en'),
				`${vm.meanSlowdown.toFixed(2)} / ${vm.maxSlowdown.toFixed(2)}`,
				`${GiB(vm.final.balloonMB).toFixed(2)} / ${GiB(vm.final.sharedMB).toFixed(2)}`
			]
		}))
	};
}
