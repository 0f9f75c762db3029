/**
 * Geometry of the scheduler lab's charts, as data for Svelte to draw: the Gantt chart (one row per
 * pCPU, one rectangle per stretch a vCPU ran) and bars of CPU used against entitlement per VM.
 */
import { columnRect, rowRect, type Rect } from '../../chart/bars.ts';
import { frame, heightForRows, type Frame } from '../../chart/frame.ts';
import { bands, continuous, type Scale } from '../../chart/scales.ts';
import { bandTicks, ticks, type Tick } from '../../chart/ticks.ts';
import type { GanttSegment } from '../../sim/sched/simulate.ts';

/** Pixels per pCPU row of the Gantt chart. */
const ROW_HEIGHT = 24;

export interface GanttRect extends Rect {
	vm: number;
	vcpu: number;
	spinning: boolean;
}

export interface GanttGeometry {
	frame: Frame;
	/** The background of each pCPU's row. */
	rows: Rect[];
	rowTicks: Tick[];
	rects: GanttRect[];
	xTicks: Tick[];
}

export function ganttGeometry(input: {
	segments: GanttSegment[];
	pcpus: number;
	fromMs: number;
	toMs: number;
	width: number;
}): GanttGeometry {
	const f = frame(input.width, heightForRows(input.pcpus, ROW_HEIGHT));
	const x = continuous([input.fromMs, input.toMs], [f.left, f.right], { nice: false });
	const y = bands(input.pcpus, [f.top, f.bottom], { inner: 0.15, outer: 0.15 });
	const rowY = (pcpu: number) => y(pcpu) ?? 0;
	return {
		frame: f,
		rows: y.domain().map((p) => rowRect(x, rowY(p), y.bandwidth(), input.fromMs, input.toMs)),
		rowTicks: bandTicks(y, (p) => `pCPU ${p}`),
		rects: input.segments.map((s) => ({
			...rowRect(x, rowY(s.pcpu), y.bandwidth(), s.startMs, s.endMs),
			vm: s.vm,
			vcpu: s.vcpu,
			spinning: s.spinning
		})),
		xTicks: ticks(x, 'x')
	};
}

export interface ShareBar {
	label: string;
	used: Rect;
	entitled: Rect;
}

export interface ShareGeometry {
	frame: Frame;
	y: Scale;
	yTicks: Tick[];
	xTicks: Tick[];
	bars: ShareBar[];
}

/** Grouped bars per VM: CPUs used next to CPUs entitled, on a common axis. */
export function shareGeometry(input: {
	vms: { name: string; cpus: number; entitlement: number }[];
	width: number;
	height: number;
}): ShareGeometry {
	const f = frame(input.width, input.height);
	const most = Math.max(1, ...input.vms.flatMap((v) => [v.cpus, v.entitlement]));
	const y = continuous([0, most], [f.bottom, f.top]);
	const x = bands(input.vms.length, [f.left, f.right], { inner: 0.3, outer: 0.3 });
	const half = x.bandwidth() / 2;
	return {
		frame: f,
		y,
		yTicks: ticks(y, 'y'),
		xTicks: bandTicks(x, (i) => input.vms[i].name),
		bars: input.vms.map((vm, i) => {
			const x0 = x(i) ?? 0;
			return {
				label: vm.name,
				used: columnRect(x0, half, y, 0, vm.cpus),
				entitled: columnRect(x0 + half, half, y, 0, vm.entitlement)
			};
		})
	};
}
