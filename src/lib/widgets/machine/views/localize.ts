/**
 * The machine's own words in the page's language. The engine (src/lib/emulator) names trap causes
 * and CSR fields in English, for the CLI as much as for the page; the views ask here, and on a
 * Chinese page get the names from cause-names.zh-Hans.ts and csr-fields.zh-Hans.ts instead.
 * English comes back unchanged.
 */
import type { Lang } from '../../../i18n/index.ts';
import { trapCauseName } from '../../../emulator/machine/cause-names.ts';
import { decodeCsr, type DecodedField } from '../csr-fields.ts';
import { trapCauseNameZh } from './cause-names.zh-Hans.ts';
import { CSR_FIELDS_ZH } from './csr-fields.zh-Hans.ts';

/** The name of the trap an mcause, scause or vscause value reports (Interrupt bit 31), in `lang`. */
export function trapCauseNameIn(lang: Lang, cause: number): string {
	return lang === 'zh' ? trapCauseNameZh(cause) : trapCauseName(cause);
}

/**
 * `field`, decoded from the value `csr` of CSR `csrName`, with its meaning and description in
 * `lang`. A field without a Chinese entry keeps its English (a unit test sees that none is missing).
 */
export function localizeField(
	lang: Lang,
	csrName: string,
	csr: number,
	field: DecodedField
): DecodedField {
	if (lang === 'en') return field;
	const table = Object.hasOwn(CSR_FIELDS_ZH, csrName) ? CSR_FIELDS_ZH[csrName] : {};
	const zh = Object.hasOwn(table, field.field) ? table[field.field] : undefined;
	if (!zh) return field;
	return { ...field, meaning: zh.meaning(field.value, csr >>> 0), doc: zh.doc };
}

/** `value` of CSR `name` split into its fields (decodeCsr), the words in `lang`. */
export function decodeCsrIn(lang: Lang, name: string, value: number): DecodedField[] {
	return decodeCsr(name, value).map((f) => localizeField(lang, name, value, f));
}
