import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/lib/sim/config.ts';
import { memoryConfigSchema } from '../../../../src/lib/sim/memory/config.ts';
import { unwrap } from '../../../../src/lib/sim/result.ts';

describe('memory configuration', () => {
	it('defaults cite docs/sources.md: KSM 100 pages / 20 ms, tau 0.75', () => {
		const c = unwrap(
			parseConfig(memoryConfigSchema, { host: { memoryMB: 1024 }, vms: [{ memoryMB: 512 }] })
		);
		expect(c.ksm).toEqual({ enabled: true, pagesToScan: 100, sleepMs: 20 });
		expect(c.idleTax.tau).toBe(0.75);
		expect(c.vms[0].shares).toBe(1000);
	});

	it('names bad fields', () => {
		const r = parseConfig(memoryConfigSchema, {
			host: { memoryMB: 1024 },
			vms: [{ memoryMB: 512, phases: [{ atSeconds: 0, activePercent: 120 }] }]
		});
		expect(r.ok ? '' : r.error.param).toBe('vms[0].phases[0].activePercent');
	});
});
