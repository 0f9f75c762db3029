import { describe, expect, it } from 'vitest';
import {
	languageChoiceKey,
	rememberedLanguage,
	rememberLanguage
} from '../../../src/lib/i18n/choice.ts';
import { blockedStorage, memoryStorage } from '../progress/memoryStorage.ts';

describe('language choice', () => {
	it('is remembered under a virtlab: key', () => {
		const storage = memoryStorage();
		expect(rememberedLanguage(storage)).toBeUndefined();
		rememberLanguage(storage, 'zh');
		expect(languageChoiceKey.startsWith('virtlab:')).toBe(true);
		expect(rememberedLanguage(storage)).toBe('zh');
		rememberLanguage(storage, 'en');
		expect(rememberedLanguage(storage)).toBe('en');
	});

	it('ignores a value it did not write', () => {
		const storage = memoryStorage();
		storage.setItem(languageChoiceKey, 'fr');
		expect(rememberedLanguage(storage)).toBeUndefined();
	});

	it('works without storage', () => {
		expect(() => rememberLanguage(blockedStorage(), 'zh')).not.toThrow();
		expect(rememberedLanguage(blockedStorage())).toBeUndefined();
	});
});
