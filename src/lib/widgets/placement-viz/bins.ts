/**
 * Geometry of hosts drawn as bins: one column per host with a CPU bar and a memory bar, each stacked
 * from the VMs placed on it (height proportional to demand over capacity), plus the packing target
 * line. Computed with D3 scales; Svelte draws the rectangles.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { ticks, type Tick } from '../plot/layout.ts';

export interface BinHost {
	vms: { type: number; cpu: number; memory: number }[];
	/** Probability that this host is overloaded. */
	overload: number;
}

export interface BinBlock {
	x: number;
	y: number;
	width: number;
	height: number;
	type: number;
	resource: 'cpu' | 'memory';
}

export interface BinsGeometry {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
	blocks: BinBlock[];
	columns: { x: number; width: number; label: string; overload: number }[];
	targetY: number;
	yTicks: Tick[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function binsGeometry(input: {
	hosts: BinHost[];
	capacity: { cpu: number; memory: number };
	target: number;
	width: number;
	height: number;
}): BinsGeometry {
	const left = 40;
	const right = input.width - 6;
	const top = 22;
	const bottom = input.height - 20;
	const x = scaleBand<number>()
		.domain(input.hosts.map((_, i) => i))
		.range([left, right])
		.paddingInner(0.25)
		.paddingOuter(0.1);
	const y = scaleLinear().domain([0, 1]).range([bottom, top]);
	const barWidth = x.bandwidth() / 2;
	const blocks: BinBlock[] = [];
	input.hosts.forEach((host, h) => {
		const x0 = x(h) ?? 0;
		let cpuUsed = 0;
		let memoryUsed = 0;
		for (const vm of host.vms) {
			const cpuFrom = cpuUsed / input.capacity.cpu;
			cpuUsed += vm.cpu;
			const cpuTo = cpuUsed / input.capacity.cpu;
			blocks.push({
				x: round(x0),
				y: round(y(cpuTo)),
				width: round(barWidth - 1),
				height: round(y(cpuFrom) - y(cpuTo)),
				type: vm.type,
				resource: 'cpu'
			});
			const memFrom = memoryUsed / input.capacity.memory;
			memoryUsed += vm.memory;
			const memTo = memoryUsed / input.capacity.memory;
			blocks.push({
				x: round(x0 + barWidth),
				y: round(y(memTo)),
				width: round(barWidth - 1),
				height: round(y(memFrom) - y(memTo)),
				type: vm.type,
				resource: 'memory'
			});
		}
	});
	return {
		width: input.width,
		height: input.height,
		left,
		right,
		top,
		bottom,
		blocks,
		columns: input.hosts.map((host, h) => ({
			x: round(x(h) ?? 0),
			width: round(x.bandwidth()),
			label: `${h + 1}`,
			overload: host.overload
		})),
		targetY: round(y(input.target)),
		yTicks: ticks(y, 40, '.0%')
	};
}
