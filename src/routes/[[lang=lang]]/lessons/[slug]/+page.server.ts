import { error } from '@sveltejs/kit';
import {
	findLesson,
	lessonEntries,
	lessonPath,
	lessonsFor,
	neighbours
} from '$lib/content/queries.ts';
import type { Lang, Lesson } from '$lib/content/types.ts';
import { langFromParam, localizedPath } from '$lib/i18n/index.ts';
import { courseLessons } from '$lib/server/course.ts';
import { widgetScripts } from '$lib/server/preloads.ts';
import { showsModelCosts } from '$lib/shell/costs.ts';
import type { LessonLink } from '$lib/shell/types.ts';
import { widgetNames } from '$lib/widgets/components.ts';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => lessonEntries(courseLessons());

function link(lesson: Lesson): LessonLink {
	return { slug: lesson.slug, lang: lesson.lang, title: lesson.title, path: lessonPath(lesson) };
}

export const load: PageServerLoad = ({ params }) => {
	const lang = langFromParam(params.lang);
	const lessons = courseLessons();
	const lesson = findLesson(lessons, params.slug, lang);
	if (!lesson) error(404, 'Not found');
	const { previous, next, number } = neighbours(lessons, lesson.slug, lang);
	const course = lessonsFor(lessons, lang);
	const alternates: Partial<Record<Lang, string>> = Object.fromEntries(
		lesson.languages.map((other) => [other, localizedPath(other, `/lessons/${lesson.slug}/`)])
	);
	return {
		lang,
		alternates,
		lesson,
		number,
		showsModelCosts: showsModelCosts(lesson),
		widgetScripts: widgetScripts(widgetNames(lesson.blocks)),
		previous: previous && link(previous),
		next: next && link(next),
		prerequisites: lesson.prerequisites.flatMap((slug) => {
			const prerequisite = course.find((other) => other.slug === slug);
			return prerequisite ? [link(prerequisite)] : [];
		})
	};
};
