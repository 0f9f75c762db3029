import { describe, expect, it } from 'vitest';
import { schedLabSchema } from '../../../../src/lib/widgets/sched-lab/schema.ts';

describe('sched-lab props', () => {
	it('coerces directive strings and fills defaults (Xen credit, 30 ms, weight 256)', () => {
		expect(schedLabSchema.parse({ pcpus: '3', cap: '50' })).toEqual({
			policy: 'credit',
			pcpus: 3,
			slice: 30,
			weight: 256,
			cap: 50,
			seed: 1
		});
	});

	it('rejects unknown policies and props', () => {
		const bad = schedLabSchema.safeParse({ policy: 'fifo' });
		expect(bad.success).toBe(false);
		expect(JSON.stringify(bad.error?.issues)).toContain('credit2');
		expect(schedLabSchema.safeParse({ vms: '3' }).success).toBe(false);
	});
});
