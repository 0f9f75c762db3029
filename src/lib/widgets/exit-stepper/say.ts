/**
 * The stepper's strings in the page's language: a dictionary key and its parameters, with every
 * number written as the language writes it (35,275; a plural choice counts the number itself).
 * The engine's lines (`Text`, messages.ts) and the widget's own labels both go through here; the
 * strings are the stepper's own dictionaries (strings.en.ts, strings.zh-Hans.ts: why not the
 * course's, there).
 */
import type { Lang } from '../../i18n/index.ts';
import { fillMessage } from '../../i18n/plural.ts';
import { exitStepperEn, type ExitStepperKey } from './strings.en.ts';
import { exitStepperZh } from './strings.zh-Hans.ts';
import { localize } from './engine-words.ts';
import type { Text } from './messages.ts';

export type Params = Record<string, string | number>;

const dictionaries: Record<Lang, Record<ExitStepperKey, string>> = {
	en: exitStepperEn,
	zh: exitStepperZh
};

/** `key` in `lang`: plural choices from the raw counts, then each `{name}` filled, numbers formatted. */
export function say(lang: Lang, key: ExitStepperKey, params: Params = {}): string {
	return fillMessage(lang, dictionaries[lang][key], params);
}

/** An engine line (`Text`) in `lang`, its English-word parameters in `lang` too (engine-words.ts). */
export function sayText(lang: Lang, line: Text): string {
	const local = localize(line, (key, params) => say(lang, key, params));
	return say(lang, local.key, local.params);
}
