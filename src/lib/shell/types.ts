import type { Lang } from '$lib/content/types.ts';

/** A link to a lesson page, as the outline, the pager and the prerequisites show it. */
export interface LessonLink {
	slug: string;
	/** The language the lesson is shown in (English where there is no translation yet). */
	lang: Lang;
	title: string;
	/** Site path without the base path, e.g. `/zh/lessons/why-virtualize/`. */
	path: string;
}

/** A lesson in the course outline. */
export interface OutlineEntry extends LessonLink {
	number: number;
	summary: string;
	minutes: number;
}
