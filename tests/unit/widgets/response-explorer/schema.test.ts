import { describe, expect, it } from 'vitest';
import { responseExplorerSchema } from '../../../../src/lib/widgets/response-explorer/schema.ts';

describe('response-explorer props', () => {
	it('coerces directive strings and fills defaults', () => {
		const props = responseExplorerSchema.parse({ models: 'mm1; md1', c: '4', logy: '' });
		expect(props).toEqual({ models: ['mm1', 'md1'], c: 4, scv: 2, logy: true, ymax: 20 });
		expect(responseExplorerSchema.parse({}).models).toEqual(['mm1', 'mmc', 'md1', 'mg1']);
	});

	it('rejects unknown models and props with a message an author can act on', () => {
		const bad = responseExplorerSchema.safeParse({ models: 'mm1; gg1' });
		expect(bad.success).toBe(false);
		expect(JSON.stringify(bad.error?.issues)).toContain('mm1, mmc, md1 and mg1');
		expect(responseExplorerSchema.safeParse({ colour: 'red' }).success).toBe(false);
		expect(responseExplorerSchema.safeParse({ c: '0' }).success).toBe(false);
	});
});
