/**
 * VM placement as two-dimensional bin packing (CPU and memory) onto identical hosts, by the
 * classic online heuristics (Coffman, Garey & Johnson, "Approximation algorithms for bin
 * packing: a survey", 1996, adapted to vectors):
 *   first fit             the first open host with room
 *   first fit decreasing  first fit after sorting VMs by their largest normalized demand
 *   best fit              the open host left fullest (least normalized free capacity) after placing
 *   worst fit             the open host left emptiest: spreads load, keeps headroom
 * A new host is opened when no open host has room. Sizes are normalized by host capacity, so a
 * VM needing half the CPU and a quarter of the memory has size max(0.5, 0.25) = 0.5.
 */
import type { Algorithm } from './config.ts';

export interface Item {
	cpu: number;
	memory: number;
}

export interface Capacity {
	cpu: number;
	memory: number;
}

export interface Packing {
	/** Host index of each VM (in input order), or -1 when no host could take it. */
	assignment: number[];
	/** CPU and memory placed on each host in use. */
	hosts: { cpu: number; memory: number; vms: number[] }[];
}

const EPS = 1e-9;

function fits(host: Item, vm: Item, cap: Capacity): boolean {
	return host.cpu + vm.cpu <= cap.cpu + EPS && host.memory + vm.memory <= cap.memory + EPS;
}

/** Normalized free capacity left on a host after adding `vm` (smaller = fuller). */
function slackAfter(host: Item, vm: Item, cap: Capacity): number {
	return (
		(cap.cpu - host.cpu - vm.cpu) / cap.cpu + (cap.memory - host.memory - vm.memory) / cap.memory
	);
}

export function pack(
	vms: Item[],
	cap: Capacity,
	algorithm: Algorithm,
	maxHosts = vms.length
): Packing {
	const order = vms.map((_, i) => i);
	if (algorithm === 'first-fit-decreasing') {
		const size = (v: Item): number => Math.max(v.cpu / cap.cpu, v.memory / cap.memory);
		order.sort((a, b) => size(vms[b]) - size(vms[a]) || a - b);
	}
	const hosts: Packing['hosts'] = [];
	const assignment = new Array<number>(vms.length).fill(-1);
	for (const i of order) {
		const vm = vms[i];
		let chosen = -1;
		let bestSlack = algorithm === 'worst-fit' ? -Infinity : Infinity;
		for (let h = 0; h < hosts.length; h++) {
			if (!fits(hosts[h], vm, cap)) continue;
			if (algorithm === 'first-fit' || algorithm === 'first-fit-decreasing') {
				chosen = h;
				break;
			}
			const slack = slackAfter(hosts[h], vm, cap);
			if (algorithm === 'best-fit' ? slack < bestSlack - EPS : slack > bestSlack + EPS) {
				bestSlack = slack;
				chosen = h;
			}
		}
		if (chosen < 0) {
			if (hosts.length >= maxHosts || !fits({ cpu: 0, memory: 0 }, vm, cap)) continue;
			hosts.push({ cpu: 0, memory: 0, vms: [] });
			chosen = hosts.length - 1;
		}
		hosts[chosen].cpu += vm.cpu;
		hosts[chosen].memory += vm.memory;
		hosts[chosen].vms.push(i);
		assignment[i] = chosen;
	}
	return { assignment, hosts };
}

/** The hosts no packing can do without: max over resources of ceil(total demand / capacity). */
export function lowerBound(vms: Item[], cap: Capacity): number {
	let cpu = 0;
	let memory = 0;
	for (const v of vms) {
		cpu += v.cpu;
		memory += v.memory;
	}
	return Math.max(Math.ceil(cpu / cap.cpu - EPS), Math.ceil(memory / cap.memory - EPS));
}
