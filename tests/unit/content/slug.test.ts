import { describe, expect, it } from 'vitest';
import { createSlugger, slugify } from '../../../src/lib/content/slug.ts';

describe('slugify', () => {
	it('lower-cases, drops punctuation and joins words with hyphens', () => {
		expect(slugify('Why virtualize?')).toBe('why-virtualize');
		expect(slugify('VMs vs. containers: a table')).toBe('vms-vs-containers-a-table');
		expect(slugify('  P = P_idle + …  ')).toBe('p-p_idle');
	});

	it('keeps letters of any script', () => {
		expect(slugify('资源利用率')).toBe('资源利用率');
		expect(slugify('虚拟机 与 容器')).toBe('虚拟机-与-容器');
	});

	it('never returns an empty id', () => {
		expect(slugify('???')).toBe('section');
	});
});

describe('createSlugger', () => {
	it('numbers repeated headings so every id on a page is unique', () => {
		const slug = createSlugger();
		expect(['Questions', 'Questions', 'Questions', 'Questions 1'].map(slug)).toEqual([
			'questions',
			'questions-1',
			'questions-2',
			'questions-1-1'
		]);
	});
});
