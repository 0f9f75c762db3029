import { langFromParam } from '$lib/i18n/index.ts';
import { labsFor } from '$lib/lab-page/queries.ts';
import { courseLabs, writingLabsGuideFor } from '$lib/server/labs.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

/** `/instructor/` is linked from the home page; the Chinese one is listed here too. */
export const entries: EntryGenerator = () => [{}, { lang: 'zh' }];

export const load: PageServerLoad = ({ params }) => {
	const lang = langFromParam(params.lang);
	return {
		lang,
		alternates: { en: '/instructor/', zh: '/zh/instructor/' },
		labs: labsFor(courseLabs(), lang),
		guide: writingLabsGuideFor(lang)
	};
};
