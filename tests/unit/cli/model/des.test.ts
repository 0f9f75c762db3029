import { describe, expect, it } from 'vitest';
import { desModels } from '../../../../src/cli/model/des.ts';

const model = (name: string) => desModels.find((m) => m.name === name)!;
const common = { customers: 5000, seed: 3, batches: 20 };

describe('simulated queues of virtlab model', () => {
	it('des-mmc rejects an unstable load before simulating', async () => {
		const r = await model('des-mmc').run({ lambda: 3, mu: 1, c: 3, ...common });
		expect(r.ok ? '' : r.error.param).toBe('lambda');
	});

	it('des-queue picks the formula that applies: M/M/c/K, M/M/c, M/G/1, or none', async () => {
		const w = async (arrival: string, service: string, c: number, k?: number) => {
			const r = await model('des-queue').run({ arrival, service, c, k: k as number, ...common });
			expect(r.ok).toBe(true);
			return r.ok ? (r.value.json as { Wanalytic: number | null }).Wanalytic : undefined;
		};
		// M/M/2/4 (docs/sources.md): L = 20/9, lambdaEff = 2 (1 - 2/9) = 14/9, so W = 20/14.
		expect(await w('exp:2', 'exp:1', 2, 4)).toBeCloseTo(20 / 14, 12);
		expect(await w('exp:1', 'exp:1', 2)).toBeCloseTo(4 / 3, 12);
		expect(await w('exp:0.5', 'det:1', 1)).toBeCloseTo(1.5, 12);
		expect(await w('exp:0.5', 'det:1', 2)).toBeNull();
		expect(await w('det:2', 'exp:1', 1)).toBeNull();
	});

	it('des-queue accepts an overloaded queue only with a finite capacity', async () => {
		const open = await model('des-queue').run({
			arrival: 'exp:2',
			service: 'exp:1',
			c: 1,
			...common
		});
		expect(open.ok ? '' : open.error.param).toBe('arrival');
		const finite = await model('des-queue').run({
			arrival: 'exp:2',
			service: 'exp:1',
			c: 1,
			k: 5,
			...common
		});
		expect(finite.ok && (finite.value.json as { blocking: number }).blocking).toBeGreaterThan(0.4);
	});
});
