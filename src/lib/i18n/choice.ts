/**
 * The student's language choice, remembered in the browser when they use the language switch so
 * that the home page opens in that language next time. Storage may be unavailable (private mode,
 * blocked cookies): then nothing is remembered and nothing fails.
 */
import type { Lang } from '../content/types.ts';

export const languageChoiceKey = 'virtlab:lang';

export function rememberLanguage(storage: Storage | undefined, lang: Lang): void {
	try {
		storage?.setItem(languageChoiceKey, lang);
	} catch {
		// Storage full or blocked: the choice simply is not remembered.
	}
}

export function rememberedLanguage(storage: Storage | undefined): Lang | undefined {
	try {
		const value = storage?.getItem(languageChoiceKey);
		return value === 'en' || value === 'zh' ? value : undefined;
	} catch {
		return undefined;
	}
}
