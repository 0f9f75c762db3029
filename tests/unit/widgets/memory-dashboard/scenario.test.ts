import { describe, expect, it } from 'vitest';
import { runMemory } from '../../../../src/lib/sim/memory/simulate.ts';
import {
	memoryConfig,
	memoryOvercommit,
	type MemoryControls
} from '../../../../src/lib/widgets/memory-dashboard/scenario.ts';

const controls: MemoryControls = {
	hostGiB: 16,
	tau: 0.75,
	balloon: true,
	sharing: true,
	pagesToScan: 100
};

function run(overrides: Partial<MemoryControls>) {
	const result = runMemory(memoryConfig({ ...controls, ...overrides }));
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

describe('memory dashboard scenario', () => {
	it('holds 24 GiB of VMs, so a 16 GiB host is 1.5 times overcommitted', () => {
		expect(memoryOvercommit(16)).toBe(1.5);
		expect(memoryOvercommit(32)).toBe(0.75);
	});

	it('passes the controls to the engine (KSM defaults: 100 pages every 20 ms)', () => {
		const config = memoryConfig(controls);
		expect(config.host.memoryMB).toBe(16 * 1024);
		expect(config.ksm).toEqual({ enabled: true, pagesToScan: 100, sleepMs: 20 });
		expect(config.idleTax).toEqual({ tau: 0.75 });
		expect(run({}).scanPagesPerSecond).toBe(5000);
	});

	it('reclaims nothing and slows nobody when the host is large enough', () => {
		const roomy = run({ hostGiB: 32 });
		expect(roomy.totalSwapIns).toBe(0);
		expect(roomy.peak.balloonMB).toBe(0);
		for (const vm of roomy.vms) expect(vm.maxSlowdown).toBe(1);
	});

	it('swaps far more without balloons, and the idle tax spares the busy VMs', () => {
		const base = run({});
		expect(run({ balloon: false }).totalSwapIns).toBeGreaterThan(2 * base.totalSwapIns);
		const noTax = run({ tau: 0 });
		// With the tax the idle VM gives up more memory, so the busy web VM swaps in less.
		expect(base.vms[0].swapIns).toBeLessThan(noTax.vms[0].swapIns);
		expect(base.vms[1].final.balloonMB).toBeGreaterThan(noTax.vms[1].final.balloonMB);
	});
});
