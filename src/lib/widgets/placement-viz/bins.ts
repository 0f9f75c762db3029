/**
 * Geometry of hosts drawn as bins: one column per host with a CPU bar and a memory bar, each stacked
 * from the VMs placed on it (height proportional to demand over capacity), plus the packing target
 * line. Computed with the chart kit; Svelte draws the rectangles.
 */
import { columnRect, type Rect } from '../../chart/bars.ts';
import { frame, type Frame } from '../../chart/frame.ts';
import { round } from '../../chart/round.ts';
import { bands, continuous } from '../../chart/scales.ts';
import { bandTicks, ticks, type Tick } from '../../chart/ticks.ts';

export interface BinHost {
	vms: { type: number; cpu: number; memory: number }[];
	/** Probability that this host is overloaded. */
	overload: number;
}

export interface BinBlock extends Rect {
	type: number;
	resource: 'cpu' | 'memory';
}

export interface BinsGeometry {
	frame: Frame;
	blocks: BinBlock[];
	/** The outline of each host's column, and its overload risk to write above it. */
	columns: (Rect & { overload: number })[];
	hostTicks: Tick[];
	targetY: number;
	yTicks: Tick[];
}

export function binsGeometry(input: {
	hosts: BinHost[];
	capacity: { cpu: number; memory: number };
	target: number;
	width: number;
	height: number;
}): BinsGeometry {
	// The overload risk of each host is written above its column.
	const f = frame(input.width, input.height, { labelsAbove: true });
	const x = bands(input.hosts.length, [f.left, f.right], { inner: 0.25, outer: 0.1 });
	const y = continuous([0, 1], [f.bottom, f.top]);
	const barWidth = x.bandwidth() / 2;
	const blocks: BinBlock[] = [];
	input.hosts.forEach((host, h) => {
		const x0 = x(h) ?? 0;
		const used = { cpu: 0, memory: 0 };
		for (const vm of host.vms) {
			for (const [resource, offset] of [
				['cpu', 0],
				['memory', barWidth]
			] as const) {
				const from = used[resource] / input.capacity[resource];
				used[resource] += vm[resource];
				const to = used[resource] / input.capacity[resource];
				// One pixel less than half a column leaves a gap between the CPU and memory bars.
				const rect = columnRect(x0 + offset, barWidth - 1, y, from, to);
				blocks.push({ ...rect, type: vm.type, resource });
			}
		}
	});
	return {
		frame: f,
		blocks,
		columns: input.hosts.map((host, h) => ({
			...columnRect((x(h) ?? 0) - 1, x.bandwidth() + 1, y, 0, 1),
			overload: host.overload
		})),
		hostTicks: bandTicks(x, (h) => `${h + 1}`),
		targetY: round(y(input.target)),
		yTicks: ticks(y, 'y', '.0%')
	};
}
