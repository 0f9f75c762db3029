import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MemoryConfigInput } from '../../../../src/lib/sim/memory/config.ts';
import { activePercentAt, runMemory } from '../../../../src/lib/sim/memory/simulate.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

const run = (c: MemoryConfigInput) => unwrap(runMemory(c));

describe('memory overcommit model', () => {
	it('without overcommit: no balloon, no swapping, no slowdown', () => {
		const r = run({
			host: { memoryMB: 8192 },
			durationSeconds: 60,
			vms: [{ memoryMB: 2048 }, { memoryMB: 2048 }]
		});
		expect(r.peak.balloonMB).toBe(0);
		expect(r.peak.swappedMB).toBe(0);
		expect(r.totalSwapIns).toBe(0);
		for (const vm of r.vms) expect(vm.maxSlowdown).toBe(1);
	});

	it('host memory in use never exceeds capacity', () => {
		const r = run(JSON.parse(readFileSync('examples/models/memory.json', 'utf8')));
		for (const s of r.series) expect(s.usedMB).toBeLessThanOrEqual(s.capacityMB + 1e-6);
		expect(r.peak.balloonMB).toBeGreaterThan(0);
	});

	it('page sharing grows at the KSM scan rate until all memory is scanned', () => {
		// Two 1 GiB VMs, 40% sharable: 2 GiB of 4 KiB pages = 524,288 pages; at 5,000 pages/s
		// the scan takes about 105 s. After 50 s, about 50 x 19.53 MiB scanned, 40% of it shared.
		const r = run({
			host: { memoryMB: 8192 },
			durationSeconds: 200,
			vms: [
				{ memoryMB: 1024, sharablePercent: 40 },
				{ memoryMB: 1024, sharablePercent: 40 }
			]
		});
		const at = (t: number) => r.series.find((s) => s.t === t)!;
		expect(r.scanMBPerSecond).toBeCloseTo(19.53125, 6);
		expect(at(50).sharedMB).toBeCloseTo(0.4 * 50 * 19.53125, 6);
		expect(at(150).sharedMB).toBeCloseTo(0.4 * 2048, 6);
	});

	it('without ballooning the host swaps, and swap-ins slow the VMs down', () => {
		const config: MemoryConfigInput = {
			host: { memoryMB: 4096 },
			durationSeconds: 60,
			ksm: { enabled: false },
			vms: [{ memoryMB: 3072 }, { memoryMB: 3072 }]
		};
		const noBalloon = run({ ...config, balloon: { enabled: false } });
		expect(noBalloon.series.at(-1)!.swappedMB).toBeCloseTo(2048, 6);
		expect(noBalloon.totalSwapIns).toBeGreaterThan(0);
		expect(noBalloon.vms[0].maxSlowdown).toBeGreaterThan(1);
		// With ballooning, the balloons take over and the guests give up idle pages instead.
		const withBalloon = run(config);
		expect(withBalloon.series.at(-1)!.swappedMB).toBeCloseTo(0, 6);
		expect(withBalloon.series.at(-1)!.balloonMB).toBeCloseTo(2048, 6);
		expect(withBalloon.totalSwapIns).toBeLessThan(noBalloon.totalSwapIns);
	});

	it('the balloon inflates no faster than its rate', () => {
		const r = run({
			host: { memoryMB: 4096 },
			durationSeconds: 30,
			ksm: { enabled: false },
			balloon: { rateMBps: 10 },
			vms: [{ memoryMB: 3072 }, { memoryMB: 3072 }]
		});
		for (let i = 1; i < r.series.length; i++) {
			for (let v = 0; v < 2; v++) {
				const grow = r.series[i].vms[v].balloonMB - r.series[i - 1].vms[v].balloonMB;
				expect(grow).toBeLessThanOrEqual(10 + 1e-9);
			}
		}
	});

	it('the idle memory tax takes memory from the idle VM first', () => {
		const config = (tau: number): MemoryConfigInput => ({
			host: { memoryMB: 6144 },
			durationSeconds: 120,
			ksm: { enabled: false },
			idleTax: { tau },
			vms: [
				{ memoryMB: 4096, phases: [{ atSeconds: 0, activePercent: 90 }] },
				{ memoryMB: 4096, phases: [{ atSeconds: 0, activePercent: 10 }] }
			]
		});
		const taxed = run(config(0.75)).vms;
		expect(taxed[1].final.balloonMB).toBeGreaterThan(taxed[0].final.balloonMB + 1000);
		const untaxed = run(config(0)).vms;
		expect(Math.abs(untaxed[1].final.balloonMB - untaxed[0].final.balloonMB)).toBeLessThan(50);
	});

	it('follows the working-set phases in time order, whatever their order in the file', () => {
		const phases = [
			{ atSeconds: 60, activePercent: 80 },
			{ atSeconds: 0, activePercent: 10 },
			{ atSeconds: 30, activePercent: 40 }
		];
		expect([0, 29, 30, 59, 60, 100].map((t) => activePercentAt(phases, t))).toEqual([
			10, 10, 40, 40, 80, 80
		]);
		expect(activePercentAt([{ atSeconds: 10, activePercent: 5 }], 0)).toBe(5);
	});

	it('names bad fields', () => {
		const r = runMemory({ host: { memoryMB: 100, reservedMB: 100 }, vms: [{ memoryMB: 10 }] });
		expect(r.ok ? '' : r.error.param).toBe('host.reservedMB');
		const bad = runMemory({ host: { memoryMB: 100 }, vms: [{ memoryMB: -1 }] });
		expect(bad.ok ? '' : bad.error.param).toBe('vms[0].memoryMB');
	});
});
