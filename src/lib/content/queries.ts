/**
 * Questions the pages ask of the course: a lesson in a language, the course as read in a language
 * (the translation where there is one, else the English original), neighbours in course order.
 */
import { localizedPath } from '../i18n/index.ts';
import type { Lang, Lesson } from './types.ts';

/** A lesson in `lang`, if it exists in that language. */
export function findLesson(lessons: Lesson[], slug: string, lang: Lang): Lesson | undefined {
	return lessons.find((lesson) => lesson.slug === slug && lesson.lang === lang);
}

/** Every lesson in course order, each in `lang` where it is translated and in English otherwise. */
export function lessonsFor(lessons: Lesson[], lang: Lang): Lesson[] {
	return lessons
		.filter((lesson) => lesson.lang === 'en')
		.map((original) => findLesson(lessons, original.slug, lang) ?? original);
}

/** The site path (without the base path) of a lesson's page in its language. */
export function lessonPath(lesson: Pick<Lesson, 'slug' | 'lang'>): string {
	return localizedPath(lesson.lang, `/lessons/${lesson.slug}/`);
}

/** The lessons before and after `slug` in the course as read in `lang`. */
export function neighbours(
	lessons: Lesson[],
	slug: string,
	lang: Lang
): { previous?: Lesson; next?: Lesson; number: number } {
	const course = lessonsFor(lessons, lang);
	const index = course.findIndex((lesson) => lesson.slug === slug);
	return { previous: course[index - 1], next: course[index + 1], number: index + 1 };
}

/** Every lesson page to prerender, as params of /[[lang]]/lessons/[slug]. */
export function lessonEntries(lessons: Lesson[]): { lang?: 'zh'; slug: string }[] {
	return lessons.map((lesson) =>
		lesson.lang === 'zh' ? { lang: 'zh', slug: lesson.slug } : { slug: lesson.slug }
	);
}
