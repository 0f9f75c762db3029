import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en.ts';
import { applyPlurals, formatCount, pluralCategory } from '../../../src/lib/i18n/plural.ts';
import { zhHans } from '../../../src/lib/i18n/zh-Hans.ts';

const vcpus = '{n, plural, one {# vCPU} other {# vCPUs}}';

describe('plural rules', () => {
	it('follow each language: English has one and other, Chinese only other', () => {
		expect(pluralCategory('en', 1)).toBe('one');
		expect(pluralCategory('en', 0)).toBe('other');
		expect(pluralCategory('en', 2)).toBe('other');
		expect(pluralCategory('en', 0.75)).toBe('other');
		for (const n of [0, 1, 2, 1.5]) expect(pluralCategory('zh', n)).toBe('other');
	});

	it('write counts with digit grouping and at most two decimals', () => {
		expect(formatCount('en', 20000)).toBe('20,000');
		expect(formatCount('en', 5 / 3)).toBe('1.67');
		expect(formatCount('zh', 1000000)).toBe('1,000,000');
	});
});

describe('applyPlurals', () => {
	it('picks the branch for the count and writes the count for #', () => {
		expect(applyPlurals('en', vcpus, { n: 1 })).toBe('1 vCPU');
		expect(applyPlurals('en', vcpus, { n: 5 })).toBe('5 vCPUs');
		expect(
			applyPlurals('en', `${vcpus} on {p, plural, one {# pCPU} other {# pCPUs}}`, { n: 5, p: 1 })
		).toBe('5 vCPUs on 1 pCPU');
	});

	it('prefers an exact =N branch, and falls back to other', () => {
		const runs = '{n, plural, =0 {no run} one {# run} other {# runs}}';
		expect(applyPlurals('en', runs, { n: 0 })).toBe('no run');
		expect(applyPlurals('en', runs, { n: 1 })).toBe('1 run');
		expect(applyPlurals('zh', '{n, plural, other {# 次}}', { n: 1 })).toBe('1 次');
		expect(applyPlurals('zh', runs, { n: 1 })).toBe('1 runs');
	});

	it('leaves a choice without a numeric count as it is, and other text alone', () => {
		expect(applyPlurals('en', vcpus, {})).toBe(vcpus);
		expect(applyPlurals('en', vcpus, { n: 'five' })).toBe(vcpus);
		expect(applyPlurals('en', 'plain {n}', { n: 1 })).toBe('plain {n}');
	});

	it('can read every plural choice in the dictionaries, each with an other branch', () => {
		for (const dictionary of [en, zhHans] as Record<string, string>[]) {
			for (const [key, message] of Object.entries(dictionary)) {
				const names = [...message.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]);
				if (names.length === 0) continue;
				const params = Object.fromEntries(names.map((name) => [name, 3]));
				const text = applyPlurals('en', message, params);
				expect(text, key).not.toContain(', plural,');
				expect(text, key).not.toContain('#');
			}
		}
	});
});
