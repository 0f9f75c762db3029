import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldPath, parseConfig, withoutComments } from '../../../src/lib/sim/config.ts';

describe('configuration validation', () => {
	const schema = z.strictObject({
		vms: z.array(z.strictObject({ weight: z.number().int().positive().default(256) }))
	});

	it('writes paths as a user would: vms[2].weight', () => {
		expect(fieldPath(['vms', 2, 'weight'])).toBe('vms[2].weight');
		expect(fieldPath([])).toBe('(config)');
	});

	it('names the first offending field in param and message', () => {
		const r = parseConfig(schema, { vms: [{}, { weight: -1 }] });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.param).toBe('vms[1].weight');
			expect(r.error.message.startsWith('vms[1].weight: ')).toBe(true);
		}
	});

	it('applies defaults and ignores "$comment" keys at any depth', () => {
		const r = parseConfig(schema, { $comment: 'doc', vms: [{ $comment: 'first' }] });
		expect(r).toEqual({ ok: true, value: { vms: [{ weight: 256 }] } });
		expect(withoutComments([{ $comment: 1, a: 2 }])).toEqual([{ a: 2 }]);
	});
});
