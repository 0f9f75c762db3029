/**
 * The placement visualizer's VMs and hosts (as examples/models/placement.json): hosts of 32 cores and
 * 256 GiB; 12 web VMs (4 cores, 16 GiB, demand cv 0.4), 4 databases (8, 64, 0.2), 3 batch VMs
 * (12, 24, 0.1) and 4 caches (2, 48, 0.3). Packing fills each host's CPU only up to a target
 * fraction; a host is overloaded when the VMs' actual demand exceeds its full 32 cores.
 */
import {
	ALGORITHMS,
	type Algorithm,
	type PlacementConfigInput
} from '../../sim/placement/config.ts';

export const HOST = { cpu: 32, memory: 256 };

export const VM_TYPES = [
	{ name: 'web', cpu: 4, memory: 16, count: 12, cv: 0.4 },
	{ name: 'db', cpu: 8, memory: 64, count: 4, cv: 0.2 },
	{ name: 'batch', cpu: 12, memory: 24, count: 3, cv: 0.1 },
	{ name: 'cache', cpu: 2, memory: 48, count: 4, cv: 0.3 }
] as const;

export const VM_COUNT = VM_TYPES.reduce((s, t) => s + t.count, 0);

export interface PlacementControls {
	algorithm: Algorithm;
	/** Fraction of a host's CPU the packing may fill (0.5..1). */
	target: number;
	/** Scales every VM type's coefficient of variation. */
	variability: number;
	trials?: number;
}

export function placementConfig(controls: PlacementControls): PlacementConfigInput {
	return {
		host: { cpu: HOST.cpu * controls.target, memory: HOST.memory },
		vms: VM_TYPES.map((t) => ({ ...t, cv: t.cv * controls.variability })),
		// Every heuristic, so the widget can compare them; `algorithm` picks the one drawn.
		algorithms: [...ALGORITHMS],
		// Demand is compared with the whole host: threshold x (target x 32) = 32 cores.
		overload: { trials: controls.trials ?? 2000, seed: 1, threshold: 1 / controls.target }
	};
}

/** The VM type of a placed VM's name (`web-3` -> 0). */
export function typeOf(vmName: string): number {
	return VM_TYPES.findIndex((t) => vmName === t.name || vmName.startsWith(`${t.name}-`));
}
