/** The machine views' strings: Chinese has every English key, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { viewsEn } from '../../../../../src/lib/widgets/machine/views/strings.en.ts';
import { viewsZh } from '../../../../../src/lib/widgets/machine/views/strings.zh-Hans.ts';

/** The `{name}` placeholders of a message, plural choices' counts included. */
const placeholders = (message: string) =>
	[...new Set([...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe('views strings', () => {
	it('have the same keys in both languages', () => {
		expect(Object.keys(viewsZh).sort()).toEqual(Object.keys(viewsEn).sort());
	});

	it('use the same placeholders in both languages, and no empty string', () => {
		for (const [key, en] of Object.entries(viewsEn)) {
			const zh = viewsZh[key as keyof typeof viewsEn];
			expect(zh.trim(), key).not.toBe('');
			expect(placeholders(zh), key).toEqual(placeholders(en));
		}
	});
});
