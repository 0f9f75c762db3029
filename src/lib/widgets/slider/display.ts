/**
 * How a slider shows its value: the number with its unit, or a fraction as a percentage.
 *
 * A unit may give a singular and a plural form, `unit="pCPU|pCPUs"`: the language's plural rules
 * (i18n/plural.ts) choose between them for the number as shown, so "1 pCPU", "2 pCPUs", "1.5 pCPUs",
 * "0 pCPUs". A unit of one form (`W`, `$/kWh`, or any unit in Chinese, which has no plural) is shown
 * as written.
 */
import type { Lang } from '../../content/types.ts';
import { pluralCategory } from '../../i18n/plural.ts';
import { formatNumber } from '../../notebook/format.ts';
import type { SliderProps } from './schema.ts';

/** The separator between the singular and the plural form of a unit. */
export const unitFormSeparator = '|';

/**
 * Why `unit` cannot be shown, or undefined when it can: one form, or two non-empty forms separated
 * by `|`. The slider schema reports it at build time.
 */
export function unitProblem(unit: string): string | undefined {
	const example =
		'write one form ("W") or the singular and the plural separated by | ("pCPU|pCPUs")';
	if (/[{}]/.test(unit)) return `has braces: ${example}, not an ICU plural message`;
	const forms = unit.split(unitFormSeparator);
	if (forms.length > 2) return `has ${forms.length} forms: ${example}`;
	if (forms.some((form) => form.trim() === '')) return `has an empty form: ${example}`;
	return undefined;
}

/** The form of `unit` that goes with `shown`, the number as the slider writes it. */
export function unitFor(lang: Lang, unit: string, shown: string): string {
	const forms = unit.split(unitFormSeparator).map((form) => form.trim());
	if (forms.length < 2) return forms[0];
	// "1,200" and "1.5e+20" read back as numbers; the rules apply to the number the reader sees.
	const n = Number(shown.replace(/,/g, ''));
	return pluralCategory(lang, n) === 'one' ? forms[0] : forms[1];
}

export function sliderText(
	props: Pick<SliderProps, 'display' | 'unit'>,
	value: number,
	lang: Lang = 'en'
): string {
	if (props.display === 'percent')
		return `${formatNumber(Number((value * 100).toPrecision(12)))} %`;
	const shown = formatNumber(value);
	return props.unit ? `${shown} ${unitFor(lang, props.unit, shown)}` : shown;
}
