import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlBlock } from '../../../src/lib/content/labYaml.ts';

const schema = z.strictObject({ a: z.number(), b: z.object({ c: z.string() }).optional() });

describe('parseYamlBlock', () => {
	it('returns the validated data', () => {
		expect(parseYamlBlock('f.md', 'a: 1\nb: { c: x }\n', 10, schema, 'checks')).toEqual({
			ok: true,
			data: { a: 1, b: { c: 'x' } }
		});
	});

	it('places schema errors at the value, unknown keys at the key, in file lines', () => {
		const result = parseYamlBlock('f.md', 'a: 1\nb:\n  c: 3\nd: 4\n', 10, schema, 'checks');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
			[12, 6, "checks: 'b.c': Invalid input: expected string, received number"],
			[13, 1, "checks: unknown key 'd'"]
		]);
	});

	it('places YAML syntax errors', () => {
		const result = parseYamlBlock('f.md', 'a: [1\n', 5, schema, 'front matter');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]).toMatchObject({ file: 'f.md', line: 6 });
	});
});
