import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en.ts';
import {
	htmlLang,
	isLangParam,
	langFromParam,
	localizedPath,
	t
} from '../../../src/lib/i18n/index.ts';
import { zhHans } from '../../../src/lib/i18n/zh-Hans.ts';

describe('UI dictionaries', () => {
	it('have exactly the same keys in English and Chinese', () => {
		expect(Object.keys(zhHans).sort()).toEqual(Object.keys(en).sort());
	});

	it('have no empty string and use the same {placeholders} in both languages', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(en[key].trim(), key).not.toBe('');
			expect(zhHans[key].trim(), key).not.toBe('');
			// The same names, each possibly used more than once (word order differs between languages),
			// as plain `{name}` or as a plural choice `{name, plural, …}`.
			const placeholders = (text: string) =>
				[...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
			expect(placeholders(zhHans[key]), key).toEqual(placeholders(en[key]));
		}
	});
});

describe('t', () => {
	it('looks a key up in the language asked for', () => {
		expect(t('en', 'lesson.contents')).toBe('Contents');
		expect(t('zh', 'lesson.contents')).toBe('目录');
	});

	it('fills in placeholders and leaves unknown ones visible', () => {
		expect(t('en', 'outline.progress', { done: 1, total: 3 })).toBe('1 of 3 lessons done');
		expect(t('zh', 'duration.minutes', { n: 25 })).toBe('25 分钟');
		expect(t('en', 'duration.minutes')).toBe('{n} min');
	});

	it('writes counts with the plural rules of the language', () => {
		expect(t('en', 'outline.progress', { done: 0, total: 1 })).toBe('0 of 1 lesson done');
		expect(t('en', 'schedLab.vcpus', { n: 1 })).toBe('(1 vCPU)');
		expect(t('en', 'schedLab.vcpus', { n: 2 })).toBe('(2 vCPUs)');
		expect(t('zh', 'queueSim.runAll', { n: 20000 })).toBe('运行全部 20,000 位顾客');
	});
});

describe('language helpers', () => {
	it('accept only zh as a language prefix in the URL (English has none)', () => {
		expect(isLangParam('zh')).toBe(true);
		for (const other of ['en', 'fr', '404', 'lessons', '']) expect(isLangParam(other)).toBe(false);
	});

	it('map route params and paths', () => {
		expect(langFromParam(undefined)).toBe('en');
		expect(langFromParam('zh')).toBe('zh');
		expect(localizedPath('en', '/lessons/a/')).toBe('/lessons/a/');
		expect(localizedPath('zh', '/lessons/a/')).toBe('/zh/lessons/a/');
		expect(localizedPath('zh', '/')).toBe('/zh/');
	});

	it('give the BCP 47 tag for the html lang attribute', () => {
		expect(htmlLang('en')).toBe('en');
		expect(htmlLang('zh')).toBe('zh-Hans');
	});
});
