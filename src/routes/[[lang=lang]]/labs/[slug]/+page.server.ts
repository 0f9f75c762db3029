import { error } from '@sveltejs/kit';
import { langFromParam, localizedPath, type Lang } from '$lib/i18n/index.ts';
import { findLab, labEntries } from '$lib/lab-page/queries.ts';
import { courseLabs } from '$lib/server/labs.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

/**
 * A lab page for every lab file: `/labs/<slug>/`, and `/zh/labs/<slug>/` where the lab is
 * translated (the Chinese list links an untranslated lab's English page, marked 英文版).
 */
export const entries: EntryGenerator = () => labEntries(courseLabs());

export const load: PageServerLoad = ({ params }) => {
	const lang = langFromParam(params.lang);
	const labs = courseLabs();
	// The lab, reference solutions included: the Check button needs them (src/lib/labs/README.md,
	// "Known limits").
	const lab = findLab(labs, params.slug, lang);
	if (!lab) error(404, 'Not found');
	const alternates: Partial<Record<Lang, string>> = Object.fromEntries(
		labs
			.filter((other) => other.id === lab.id)
			.map((other) => [other.lang, localizedPath(other.lang, `/labs/${lab.id}/`)])
	);
	return { lang, alternates, lab };
};
