/**
 * Geometry of the scheduler lab's charts, as data for Svelte to draw: the Gantt chart (one row per
 * pCPU, one rectangle per stretch a vCPU ran) and bars of CPU used against entitlement per VM.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { ticks, type Tick } from '../plot/layout.ts';
import type { GanttSegment } from '../../sim/sched/simulate.ts';

export interface GanttRect {
	x: number;
	y: number;
	width: number;
	height: number;
	vm: number;
	vcpu: number;
	spinning: boolean;
}

export interface GanttGeometry {
	width: number;
	height: number;
	left: number;
	right: number;
	rows: { label: string; y: number; height: number }[];
	rects: GanttRect[];
	xTicks: Tick[];
	bottom: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function ganttGeometry(input: {
	segments: GanttSegment[];
	pcpus: number;
	fromMs: number;
	toMs: number;
	width: number;
}): GanttGeometry {
	const left = 44;
	const right = input.width - 10;
	const rowHeight = 24;
	const top = 4;
	const bottom = top + input.pcpus * rowHeight;
	const x = scaleLinear().domain([input.fromMs, input.toMs]).range([left, right]);
	const y = scaleBand<number>()
		.domain(Array.from({ length: input.pcpus }, (_, p) => p))
		.range([top, bottom])
		.padding(0.15);
	return {
		width: input.width,
		height: bottom + 24,
		left,
		right,
		bottom,
		rows: Array.from({ length: input.pcpus }, (_, p) => ({
			label: `pCPU ${p}`,
			y: round(y(p) ?? 0),
			height: round(y.bandwidth())
		})),
		rects: input.segments.map((s) => ({
			x: round(x(s.startMs)),
			y: round(y(s.pcpu) ?? 0),
			// At least a hairline, so that a 50 us run is still visible.
			width: round(Math.max(0.75, x(s.endMs) - x(s.startMs))),
			height: round(y.bandwidth()),
			vm: s.vm,
			vcpu: s.vcpu,
			spinning: s.spinning
		})),
		xTicks: ticks(x, 70)
	};
}

export interface ShareBar {
	label: string;
	used: { y: number; height: number };
	entitled: { y: number; height: number };
	x: number;
	barWidth: number;
}

export interface ShareGeometry {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
	yTicks: Tick[];
	bars: ShareBar[];
}

/** Grouped bars per VM: CPUs used next to CPUs entitled, on a common axis. */
export function shareGeometry(input: {
	vms: { name: string; cpus: number; entitlement: number }[];
	width: number;
	height: number;
}): ShareGeometry {
	const left = 44;
	const right = input.width - 10;
	const top = 8;
	const bottom = input.height - 24;
	const most = Math.max(1, ...input.vms.flatMap((v) => [v.cpus, v.entitlement]));
	const y = scaleLinear().domain([0, most]).range([bottom, top]).nice();
	const x = scaleBand<number>()
		.domain(input.vms.map((_, i) => i))
		.range([left, right])
		.padding(0.3);
	const barWidth = round(x.bandwidth() / 2);
	const bar = (value: number) => ({ y: round(y(value)), height: round(bottom - y(value)) });
	return {
		width: input.width,
		height: input.height,
		left,
		right,
		top,
		bottom,
		yTicks: ticks(y, 30),
		bars: input.vms.map((vm, i) => ({
			label: vm.name,
			x: round(x(i) ?? 0),
			barWidth,
			used: bar(vm.cpus),
			entitled: bar(vm.entitlement)
		}))
	};
}
