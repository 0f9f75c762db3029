/**
 * Counts in UI strings, with each language's plural rules (Intl.PluralRules): "1 pCPU", "2 pCPUs",
 * "1 request/s". A message writes the choice in the ICU MessageFormat way, kept to what the course
 * needs:
 *
 *     '{n, plural, one {# vCPU} other {# vCPUs}} on {p, plural, one {# pCPU} other {# pCPUs}}'
 *
 * `#` is the count, written with the language's digit grouping (20,000). Branches are `=N` (an
 * exact value), then the plural categories (`zero`, `one`, `two`, `few`, `many`, `other`);
 * `other` is required. Chinese has no plural forms: its messages simply write `{n}`.
 */
import type { Lang } from '../content/types.ts';

const locales: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();

/** The plural category of `n` in `lang` ('one', 'other', …). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
	if (!rules.has(lang)) rules.set(lang, new Intl.PluralRules(locales[lang]));
	return rules.get(lang)!.select(n);
}

/** A count as the language writes it: 20,000 or 0.75. */
export function formatCount(lang: Lang, n: number): string {
	if (!numbers.has(lang))
		numbers.set(lang, new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 2 }));
	return numbers.get(lang)!.format(n);
}

/** `{name, plural, …}`: branches hold no braces of their own (put other placeholders outside). */
const PLURAL =
	/\{(\w+), plural,((?:\s*(?:=\d+(?:\.\d+)?|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+(?:\.\d+)?|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** Picks the branch of one plural choice for the count `n`. */
function choose(lang: Lang, branches: string, n: number): string {
	const options = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1], m[2]]));
	const text = options.get(`=${n}`) ?? options.get(pluralCategory(lang, n)) ?? options.get('other');
	return (text ?? '').replace(/#/g, formatCount(lang, n));
}

/**
 * Replaces every plural choice in `message` by its branch for the count in `params`. A choice
 * whose count is missing or not a number is left as it is, so the mistake shows.
 */
export function applyPlurals(
	lang: Lang,
	message: string,
	params: Record<string, string | number>
): string {
	return message.replace(PLURAL, (whole, name: string, branches: string) => {
		const n = params[name];
		return typeof n === 'number' && Number.isFinite(n) ? choose(lang, branches, n) : whole;
	});
}

/**
 * A widget's message filled in: plural choices resolved from the raw counts, then each `{name}`
 * replaced by its parameter, numbers written as the language writes them (35,275). A name without
 * a parameter stays as it is, so the mistake shows.
 */
export function fillMessage(
	lang: Lang,
	message: string,
	params: Record<string, string | number>
): string {
	return applyPlurals(lang, message, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
		if (!(name in params)) return whole;
		const value = params[name];
		return typeof value === 'number' ? formatCount(lang, value) : value;
	});
}
