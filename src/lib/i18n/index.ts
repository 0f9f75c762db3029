/**
 * UI strings in two languages. A lesson's language is `Lang` ('en' | 'zh', as in the URL: `/zh/…`);
 * the page's `lang` attribute uses the BCP 47 tag `zh-Hans` (Simplified Chinese).
 */
import type { Lang } from '../content/types.ts';
import { en, type MessageKey } from './en.ts';
import { applyPlurals } from './plural.ts';
import { zhHans } from './zh-Hans.ts';

export type { Lang, MessageKey };

export const languages: readonly Lang[] = ['en', 'zh'];

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, zh: zhHans };

/**
 * The string `key` in `lang`, with each plural choice `{n, plural, one {# item} other {# items}}`
 * resolved by the language's plural rules (plural.ts) and each `{name}` replaced by `params.name`.
 */
export function t(
	lang: Lang,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return applyPlurals(lang, dictionaries[lang][key], params).replace(
		/\{(\w+)\}/g,
		(whole, name: string) => (name in params ? String(params[name]) : whole)
	);
}

/** The value of the HTML `lang` attribute for pages in `lang`. */
export function htmlLang(lang: Lang): 'en' | 'zh-Hans' {
	return lang === 'zh' ? 'zh-Hans' : 'en';
}

/** Whether a URL segment names a language other than the default ('zh'); English has no prefix. */
export function isLangParam(param: string): param is 'zh' {
	return param === 'zh';
}

/** The language of a route from its optional `[[lang]]` param. */
export function langFromParam(param: string | undefined): Lang {
	return param === 'zh' ? 'zh' : 'en';
}

/**
 * The site path (without the base path) of `path` in `lang`: `localizedPath('zh', '/lessons/x/')`
 * is `/zh/lessons/x/`. `path` starts with "/".
 */
export function localizedPath(lang: Lang, path: string): string {
	return lang === 'zh' ? `/zh${path}` : path;
}
