/**
 * The lab pages' strings in the page's language (strings.*.ts), numbers written as the language
 * writes them. A unit test checks that English and Chinese have the same keys.
 */
import type { Lang } from '../i18n/index.ts';
import { fillMessage } from '../i18n/plural.ts';
import { labPageEn } from './strings.en.ts';
import { labPageZh } from './strings.zh-Hans.ts';

export type LabPageKey = keyof typeof labPageEn;

const dictionaries: Record<Lang, Record<LabPageKey, string>> = { en: labPageEn, zh: labPageZh };

/** `key` in `lang`, with plural choices and `{name}`s filled from `params`. */
export function say(
	lang: Lang,
	key: LabPageKey,
	params: Record<string, string | number> = {}
): string {
	return fillMessage(lang, dictionaries[lang][key], params);
}
