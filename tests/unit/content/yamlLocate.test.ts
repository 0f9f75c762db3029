import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { locate } from '../../../src/lib/content/yamlLocate.ts';

const text = 'title: Labs\nparams:\n  pages: { int: [8, 32] }\n';
const doc = parseDocument(text);

describe('locate', () => {
	it('finds a nested value, a key, and the whole document', () => {
		expect(text.slice(locate(doc, ['params', 'pages', 'int'], false))).toMatch(/^\[8, 32\]/);
		expect(text.slice(locate(doc, ['params', 'pages'], true))).toMatch(/^pages:/);
		expect(locate(doc, [], false)).toBe(0);
	});

	it('gives nothing for a path that is not there', () => {
		expect(locate(doc, ['params', 'missing'], false)).toBeUndefined();
		expect(locate(doc, ['title', 'x'], true)).toBeUndefined();
	});
});
