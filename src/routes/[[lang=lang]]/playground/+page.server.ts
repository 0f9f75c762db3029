import { langFromParam } from '$lib/i18n/index.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

/** `/playground/` is found from every page's header; the Chinese one is listed here too. */
export const entries: EntryGenerator = () => [{}, { lang: 'zh' }];

export const load: PageServerLoad = ({ params }) => ({
	lang: langFromParam(params.lang),
	alternates: { en: '/playground/', zh: '/zh/playground/' }
});
