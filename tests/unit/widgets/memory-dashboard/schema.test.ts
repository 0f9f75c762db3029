import { describe, expect, it } from 'vitest';
import { memoryDashboardSchema } from '../../../../src/lib/widgets/memory-dashboard/schema.ts';

describe('memory-dashboard props', () => {
	it('coerces strings, with Waldspurger and KSM defaults', () => {
		expect(memoryDashboardSchema.parse({ host: '12', balloon: 'false' })).toEqual({
			host: 12,
			tau: 0.75,
			balloon: false,
			sharing: true,
			scan: 100
		});
	});

	it('rejects a tax rate of 1 (an idle page would cost infinitely much) and unknown props', () => {
		expect(memoryDashboardSchema.safeParse({ tau: '1' }).success).toBe(false);
		expect(memoryDashboardSchema.safeParse({ vms: '3' }).success).toBe(false);
	});
});
