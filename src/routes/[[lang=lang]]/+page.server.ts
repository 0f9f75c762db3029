import { lessonPath, lessonsFor } from '$lib/content/queries.ts';
import { langFromParam } from '$lib/i18n/index.ts';
import { labLink, labsFor } from '$lib/lab-page/queries.ts';
import { courseLessons } from '$lib/server/course.ts';
import { courseLabs } from '$lib/server/labs.ts';
import type { OutlineEntry } from '$lib/shell/types.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

/** `/` is found by the crawler from '*'; the Chinese outline is listed here. */
export const entries: EntryGenerator = () => [{ lang: 'zh' }];

export const load: PageServerLoad = ({ params }) => {
	const lang = langFromParam(params.lang);
	const lessons: OutlineEntry[] = lessonsFor(courseLessons(), lang).map((lesson, index) => ({
		slug: lesson.slug,
		lang: lesson.lang,
		number: index + 1,
		title: lesson.title,
		summary: lesson.summary,
		minutes: lesson.minutes,
		path: lessonPath(lesson)
	}));
	const labs = labsFor(courseLabs(), lang).map(labLink);
	return { lang, alternates: { en: '/', zh: '/zh/' }, lessons, labs };
};
