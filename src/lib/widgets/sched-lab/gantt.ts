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
const ROW_HEIGHT = 28;
/** The least width of a spin stretch, so that even a short spin shows. */
export const SPIN_MIN_WIDTH = 4;
/** Width a label takes per character, and around it, at the charts' 12 px text. */
const CHAR_WIDTH = 7.5;
const LABEL_PADDING = 8;

export interface GanttRect extends Rect {
	vm: number;
	vcpu: number;
	spinning: boolean;
	/** The vCPU's name (`web.0`), written inside the stretch when it fits; null when it does not. */
	label: string | null;
}

/** The name of vCPU `vcpu` of the VM called `vm`: `db.1`. */
export function vcpuName(vm: string, vcpu: number): string {
	return `${vm}.${vcpu}`;
}

/** Whether `text` fits inside a stretch `width` pixels wide. */
export function labelFits(text: string, width: number): boolean {
	return text.length * CHAR_WIDTH + LABEL_PADDING <= width;
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
	/** The VMs' names, by index, for the labels (`vm0`, `vm1`, … when not given). */
	vmNames?: string[];
}): GanttGeometry {
	const f = frame(input.width, heightForRows(input.pcpus, ROW_HEIGHT));
	const x = continuous([input.fromMs, input.toMs], [f.left, f.right], { nice: false });
	const y = bands(input.pcpus, [f.top, f.bottom], { inner: 0.15, outer: 0.15 });
	const rowY = (pcpu: number) => y(pcpu) ?? 0;
	return {
		frame: f,
		rows: y.domain().map((p) => rowRect(x, rowY(p), y.bandwidth(), input.fromMs, input.toMs)),
		rowTicks: bandTicks(y, (p) => `pCPU ${p}`),
		rects: input.segments.map((s) => {
			const rect = rowRect(x, rowY(s.pcpu), y.bandwidth(), s.startMs, s.endMs);
			// A spin stretch is widened (about its middle) so that lock-holder preemption is seen.
			const width = s.spinning ? Math.max(SPIN_MIN_WIDTH, rect.width) : rect.width;
			const name = vcpuName(input.vmNames?.[s.vm] ?? `vm${s.vm}`, s.vcpu);
			const widened = rect.x - (width - rect.width) / 2;
			return {
				...rect,
				x: Math.max(f.left, Math.min(f.right - width, widened)),
				width,
				vm: s.vm,
				vcpu: s.vcpu,
				spinning: s.spinning,
				label: labelFits(name, width) ? name : null
			};
		}),
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
