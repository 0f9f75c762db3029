/**
 * The page-walk visualizer's strings in the page's language, numbers written as the language
 * writes them. Exit reasons and handler steps are the exit stepper's own lines (its dictionaries
 * have them in both languages), so they are said through its `say`.
 */
import type { Lang } from '../../i18n/index.ts';
import { fillMessage } from '../../i18n/plural.ts';
import { pageWalkEn, type PageWalkKey } from './strings.en.ts';
import { pageWalkZh } from './strings.zh-Hans.ts';

export type Params = Record<string, string | number>;

const dictionaries: Record<Lang, Record<PageWalkKey, string>> = { en: pageWalkEn, zh: pageWalkZh };

export function say(lang: Lang, key: PageWalkKey, params: Params = {}): string {
	return fillMessage(lang, dictionaries[lang][key], params);
}
