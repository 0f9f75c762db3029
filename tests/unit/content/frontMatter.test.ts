import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/lib/content/errors.ts';
import { parseFrontMatter, splitFrontMatter } from '../../../src/lib/content/frontMatter.ts';

const file = 'content/lessons/01-x.md';
const good = `---
title: Why virtualize?
summary: One line.
objectives:
  - explain consolidation
prerequisites: [intro]
minutes: 25
order: 1
---

Body text.
`;

function errors(text: string): string[] {
	const result = parseFrontMatter(file, text);
	return result.ok ? [] : result.errors.map(formatContentError);
}

describe('splitFrontMatter', () => {
	it('keeps the body at its line numbers in the file', () => {
		const { yaml, body, yamlLine } = splitFrontMatter(good);
		expect(yamlLine).toBe(2);
		expect(yaml?.split('\n')[0]).toBe('title: Why virtualize?');
		expect(body.split('\n')[10]).toBe('Body text.');
		expect(body.split('\n').slice(0, 9).join('')).toBe('');
	});

	it('reports no front matter when the file does not start with ---', () => {
		expect(splitFrontMatter('# Title\n').yaml).toBeUndefined();
	});
});

describe('parseFrontMatter', () => {
	it('accepts a complete front matter', () => {
		const result = parseFrontMatter(file, good);
		expect(result.ok && result.data).toEqual({
			title: 'Why virtualize?',
			summary: 'One line.',
			objectives: ['explain consolidation'],
			prerequisites: ['intro'],
			minutes: 25,
			order: 1
		});
	});

	it('defaults prerequisites to none', () => {
		const result = parseFrontMatter(file, good.replace('prerequisites: [intro]\n', ''));
		expect(result.ok && result.data.prerequisites).toEqual([]);
	});

	it('points at a bad value', () => {
		expect(errors(good.replace('minutes: 25', 'minutes: soon'))).toEqual([
			`${file}:7:10: front matter: 'minutes': Invalid input: expected number, received string`
		]);
	});

	it('points at a bad list item', () => {
		expect(errors(good.replace('[intro]', '[intro, Bad Slug]'))).toEqual([
			`${file}:6:24: front matter: 'prerequisites.1': must be a lesson slug such as why-virtualize`
		]);
	});

	it('names a missing key and an unknown one with the allowed keys', () => {
		expect(errors(good.replace('title: Why virtualize?\n', 'titel: Why?\n'))).toEqual([
			`${file}:1:1: front matter: 'title' is missing`,
			`${file}:2:1: front matter: unknown key 'titel' (allowed: title, summary, objectives, prerequisites, minutes, order)`
		]);
	});

	it('reports YAML syntax errors at their line', () => {
		const [error] = errors(good.replace('minutes: 25', 'minutes: 25: 30'));
		expect(error).toMatch(/^content\/lessons\/01-x\.md:7:\d+: front matter: /);
	});

	it('requires front matter', () => {
		expect(errors('Just text.\n')).toEqual([
			`${file}:1:1: missing front matter: start the file with a --- line`
		]);
	});
});
