import { describe, expect, it } from 'vitest';
import { lowerBound, pack } from '../../../../src/lib/sim/placement/binPacking.ts';
import { ALGORITHMS } from '../../../../src/lib/sim/placement/config.ts';
import { Random } from '../../../../src/lib/sim/random.ts';

const cap = { cpu: 10, memory: 10 };
const vm = (cpu: number, memory = 1) => ({ cpu, memory });

describe('bin-packing heuristics', () => {
	it('first fit puts each VM on the first host with room', () => {
		const p = pack([vm(6), vm(5), vm(4), vm(5)], cap, 'first-fit');
		expect(p.assignment).toEqual([0, 1, 0, 1]);
	});

	it('first fit decreasing sorts by size first and can use fewer hosts', () => {
		// Sizes 2,5,4,7,1,3,8 (sum 30): first fit needs 4 hosts, first fit decreasing 3.
		const vms = [2, 5, 4, 7, 1, 3, 8].map((c) => vm(c));
		expect(pack(vms, cap, 'first-fit').hosts.length).toBe(4);
		expect(pack(vms, cap, 'first-fit-decreasing').hosts.length).toBe(3);
	});

	it('best fit picks the fullest host that still fits; worst fit the emptiest', () => {
		// Hosts after the first three VMs: [7], [5]; a VM of 3 fits both.
		const vms = [vm(7), vm(5), vm(3)];
		expect(pack(vms, cap, 'best-fit').assignment[2]).toBe(0);
		expect(pack(vms, cap, 'worst-fit').assignment[2]).toBe(1);
	});

	it('respects both dimensions: CPU fits but memory does not', () => {
		const p = pack([vm(1, 8), vm(1, 3)], cap, 'first-fit');
		expect(p.assignment).toEqual([0, 1]);
	});

	it('never overfills a host, for every algorithm, on random instances', () => {
		const rng = new Random(21);
		for (let trial = 0; trial < 30; trial++) {
			const vms = Array.from({ length: 40 }, () => vm(rng.uniform() * 6, rng.uniform() * 6));
			const lb = lowerBound(vms, cap);
			for (const algorithm of ALGORITHMS) {
				const p = pack(vms, cap, algorithm);
				expect(p.assignment.every((h) => h >= 0)).toBe(true);
				for (const h of p.hosts) {
					expect(h.cpu).toBeLessThanOrEqual(10 + 1e-9);
					expect(h.memory).toBeLessThanOrEqual(10 + 1e-9);
				}
				expect(p.hosts.length).toBeGreaterThanOrEqual(lb);
			}
		}
	});

	it('leaves VMs unplaced when the host limit runs out', () => {
		const p = pack([vm(6), vm(6), vm(6)], cap, 'first-fit', 2);
		expect(p.assignment).toEqual([0, 1, -1]);
	});

	it('lower bound is the larger of ceil(total cpu / C) and ceil(total memory / M)', () => {
		expect(lowerBound([vm(5, 9), vm(5, 9)], cap)).toBe(2);
		expect(lowerBound([vm(5, 1), vm(5, 1)], cap)).toBe(1);
	});
});
