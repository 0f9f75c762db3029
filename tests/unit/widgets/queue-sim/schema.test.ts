import { describe, expect, it } from 'vitest';
import { queueSimSchema } from '../../../../src/lib/widgets/queue-sim/schema.ts';

describe('queue-sim props', () => {
	it('coerces directive strings and fills defaults', () => {
		expect(queueSimSchema.parse({ model: 'mmc', c: '3', rho: '0.8' })).toEqual({
			model: 'mmc',
			c: 3,
			rho: 0.8,
			scv: 2,
			customers: 20_000,
			seed: 1
		});
	});

	it('rejects unknown models, unstable utilizations and unknown props', () => {
		expect(queueSimSchema.safeParse({ model: 'gg1' }).success).toBe(false);
		expect(queueSimSchema.safeParse({ rho: '1' }).success).toBe(false);
		expect(queueSimSchema.safeParse({ speed: '2' }).success).toBe(false);
	});
});
