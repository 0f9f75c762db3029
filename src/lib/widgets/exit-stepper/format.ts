/**
 * Numbers in the stepper's tables, as the page's language writes them: counts of exits and model
 * cycles in whole numbers with digit grouping (35,275), shares as percentages with two decimals
 * (perf kvm stat prints 70.94%), ratios between modes with two significant decimals.
 */
import type { Lang } from '../../i18n/index.ts';

const LOCALES: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, kind: 'count' | 'percent' | 'ratio'): Intl.NumberFormat {
	const key = `${lang}:${kind}`;
	let f = cache.get(key);
	if (!f) {
		const options: Intl.NumberFormatOptions =
			kind === 'count'
				? { maximumFractionDigits: 0 }
				: kind === 'percent'
					? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
					: { maximumFractionDigits: 2 };
		f = new Intl.NumberFormat(LOCALES[lang], options);
		cache.set(key, f);
	}
	return f;
}

/** A count (exits, model cycles), rounded to a whole number: 35,275. */
export function formatCount(lang: Lang, n: number): string {
	return formatter(lang, 'count').format(n);
}

/** A share 0..1 as a percentage: 0.70943 → "70.94 %". */
export function formatPercent(lang: Lang, share: number): string {
	return `${formatter(lang, 'percent').format(share * 100)} %`;
}

/** A ratio: 3.14159 → "3.14". */
export function formatRatio(lang: Lang, x: number): string {
	return formatter(lang, 'ratio').format(x);
}
