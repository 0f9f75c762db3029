import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
	fieldPath,
	nestingDepth,
	parseConfig,
	withoutComments
} from '../../../src/lib/sim/config.ts';

/** `[[[…]]]`, `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
	let value: unknown = [];
	for (let i = 1; i < depth; i++) value = [value];
	return value;
}

describe('configuration validation', () => {
	const schema = z.strictObject({
		vms: z.array(
			z.strictObject({ weight: z._default(z.number().check(z.int(), z.positive()), 256) })
		)
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

	it('measures nesting depth without recursing, stopping just past the limit', () => {
		expect(nestingDepth(3, 32)).toBe(0);
		expect(nestingDepth({ vms: [{ phases: [{ atSeconds: 0 }] }] }, 32)).toBe(5);
		expect(nestingDepth(nested(100_000), 32)).toBe(33);
	});

	it('refuses 100,000 nested arrays with an error instead of overflowing the stack', () => {
		// withoutComments and zod both recurse: this used to throw "Maximum call stack size exceeded".
		const r = parseConfig(schema, nested(100_000));
		expect(r).toEqual({
			ok: false,
			error: {
				param: '(config)',
				message: '(config): arrays and objects nest more than 32 levels deep'
			}
		});
		const objects = JSON.parse('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
		expect(parseConfig(schema, objects).ok).toBe(false);
	});
});
