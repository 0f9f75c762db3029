import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlacement } from '../../../../src/lib/sim/placement/placement.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('placement model', () => {
	it('reports hosts used, consolidation ratio and utilization per algorithm', () => {
		const r = unwrap(
			runPlacement({
				host: { cpu: 10, memory: 10 },
				vms: [2, 5, 4, 7, 1, 3, 8].map((cpu) => ({ cpu, memory: 1 })),
				algorithms: ['first-fit', 'first-fit-decreasing']
			})
		);
		expect(r.lowerBound).toBe(3);
		const [ff, ffd] = r.results;
		expect(ff.hostsUsed).toBe(4);
		expect(ffd.hostsUsed).toBe(3);
		expect(ffd.consolidationRatio).toBeCloseTo(7 / 3, 12);
		expect(ffd.cpuUtilization).toBeCloseTo(30 / 30, 12);
		expect(ff.hosts.flatMap((h) => h.vms).sort()).toEqual(
			['vm0', 'vm1', 'vm2', 'vm3', 'vm4', 'vm5', 'vm6'].sort()
		);
	});

	it('expands count into named copies and runs all four algorithms by default', () => {
		const r = unwrap(
			runPlacement({
				host: { cpu: 8, memory: 8 },
				vms: [{ name: 'web', cpu: 2, memory: 2, count: 3 }]
			})
		);
		expect(r.vms.map((v) => v.name)).toEqual(['web-1', 'web-2', 'web-3']);
		expect(r.results.map((x) => x.algorithm)).toEqual([
			'first-fit',
			'first-fit-decreasing',
			'best-fit',
			'worst-fit'
		]);
	});

	it('names the field at fault', () => {
		const cases: [unknown, string][] = [
			[{ host: { cpu: 0, memory: 1 }, vms: [{ cpu: 1, memory: 1 }] }, 'host.cpu'],
			[
				{
					host: { cpu: 4, memory: 4 },
					vms: [
						{ cpu: 1, memory: 1 },
						{ cpu: -1, memory: 1 }
					]
				},
				'vms[1].cpu'
			],
			[{ host: { cpu: 4, memory: 4 }, vms: [{ cpu: 5, memory: 1 }] }, 'vms[0]'],
			[{ host: { cpu: 4, memory: 4 }, vms: [{ cpu: 1, memory: 1, colour: 'red' }] }, 'vms[0]'],
			[
				{ host: { cpu: 4, memory: 4 }, vms: [{ cpu: 1, memory: 1 }], algorithms: ['next-fit'] },
				'algorithms[0]'
			]
		];
		for (const [config, param] of cases) {
			const r = runPlacement(config);
			expect(r.ok ? '' : r.error.param).toBe(param);
			expect(r.ok ? '' : r.error.message).toContain(param);
		}
	});

	it('runs the documented example configuration', () => {
		const config = JSON.parse(readFileSync('examples/models/placement.json', 'utf8'));
		const r = unwrap(runPlacement(config));
		for (const a of r.results) {
			expect(a.hostsUsed).toBeGreaterThanOrEqual(r.lowerBound);
			expect(a.unplaced).toEqual([]);
		}
	});
});
