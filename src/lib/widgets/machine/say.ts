/**
 * The machine widget's strings in the page's language (the playground and `::machine`): a key and
 * its parameters, numbers written as the language writes them. The strings live beside the widget,
 * in three dictionaries merged here — the workbench's (strings.*.ts), the editor's
 * (editor/strings.*.ts) and the machine views' (views/strings.*.ts) — so that they load with it
 * and not with every lesson page (scripts/weight.js). A unit test checks that English and Chinese
 * have the same keys.
 */
import type { Lang } from '../../i18n/index.ts';
import { fillMessage } from '../../i18n/plural.ts';
import { editorEn } from './editor/strings.en.ts';
import { editorZh } from './editor/strings.zh-Hans.ts';
import { workbenchEn } from './strings.en.ts';
import { workbenchZh } from './strings.zh-Hans.ts';
import { viewsEn } from './views/strings.en.ts';
import { viewsZh } from './views/strings.zh-Hans.ts';

export const machineEn = { ...workbenchEn, ...editorEn, ...viewsEn };
export type MachineKey = keyof typeof machineEn;
export type Params = Record<string, string | number>;

export const machineZh: Record<MachineKey, string> = { ...workbenchZh, ...editorZh, ...viewsZh };

const dictionaries: Record<Lang, Record<MachineKey, string>> = { en: machineEn, zh: machineZh };

/** `key` in `lang`: plural choices from the raw counts, then each `{name}` filled, numbers formatted. */
export function say(lang: Lang, key: MachineKey, params: Params = {}): string {
	return fillMessage(lang, dictionaries[lang][key], params);
}
