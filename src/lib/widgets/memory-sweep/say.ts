/**
 * The memory-sweep widget's strings in the page's language, numbers written as the language
 * writes them (1,024).
 */
import type { Lang } from '../../i18n/index.ts';
import { fillMessage } from '../../i18n/plural.ts';
import { memorySweepEn, type MemorySweepKey } from './strings.en.ts';
import { memorySweepZh } from './strings.zh-Hans.ts';

export type Params = Record<string, string | number>;

const dictionaries: Record<Lang, Record<MemorySweepKey, string>> = {
	en: memorySweepEn,
	zh: memorySweepZh
};

export function say(lang: Lang, key: MemorySweepKey, params: Params = {}): string {
	return fillMessage(lang, dictionaries[lang][key], params);
}
