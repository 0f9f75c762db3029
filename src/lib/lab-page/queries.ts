/**
 * Questions the pages ask of the labs, as of the lessons (content/queries.ts): a lab in a language,
 * the labs as read in a language (the translation where there is one, else the English original,
 * which the list marks "in English"), and the pages to prerender.
 */
import { localizedPath, type Lang } from '../i18n/index.ts';
import type { Lab } from '../labs/types.ts';

/** A lab as the home page lists it. */
export interface LabLink {
	id: string;
	/** The language the lab is shown in (English where there is no translation). */
	lang: Lang;
	title: string;
	summary?: string;
	points: number;
	due?: string;
	/** Site path without the base path: `/zh/labs/trap-emulate/`. */
	path: string;
}

/** The lab `slug` in `lang`, if it is written in that language. */
export function findLab(labs: Lab[], slug: string, lang: Lang): Lab | undefined {
	return labs.find((lab) => lab.id === slug && lab.lang === lang);
}

/**
 * Every English lab in the course's order (`order`, then id), each replaced by its `lang`
 * translation where there is one.
 */
export function labsFor(labs: Lab[], lang: Lang): Lab[] {
	const rank = (lab: Lab) => lab.order ?? Number.MAX_SAFE_INTEGER;
	return labs
		.filter((lab) => lab.lang === 'en')
		.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))
		.map((original) => findLab(labs, original.id, lang) ?? original);
}

/** The site path of a lab's page in its own language. */
export function labPath(lab: Pick<Lab, 'id' | 'lang'>): string {
	return localizedPath(lab.lang, `/labs/${lab.id}/`);
}

/** Every lab page to prerender, as params of /[[lang]]/labs/[slug]. */
export function labEntries(labs: Lab[]): { lang?: 'zh'; slug: string }[] {
	return labs.map((lab) => (lab.lang === 'zh' ? { lang: 'zh', slug: lab.id } : { slug: lab.id }));
}

export function labLink(lab: Lab): LabLink {
	const { id, lang, title, summary, points, due } = lab;
	return {
		id,
		lang,
		title,
		points,
		path: labPath(lab),
		...(summary ? { summary } : {}),
		...(due ? { due } : {})
	};
}
